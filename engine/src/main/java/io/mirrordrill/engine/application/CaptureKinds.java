package io.mirrordrill.engine.application;

import io.mirrordrill.engine.model.ExecHook;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The namespaced kinds a snapshot walks: every kind the cluster serves, one version each (the one Kubernetes would
 * prefer: GA over beta over alpha, higher numbers first), except what is not application data: events, endpoints
 * (their controllers rebuild them), VolumeSnapshots (the snapshots' own by-products, not restorable elsewhere) and
 * Trident protect's own resources other than ExecHooks (which travel with the application, as on failover).
 */
public final class CaptureKinds {
    /**
     * {@code group/kind} of kinds never captured: runtime state their controllers rebuild, and Leases (a restored
     * Lease would hand the old site's leader a lock on the new one for its duration).
     */
    private static final Set<String> EXCLUDED = Set.of("/Event", "events.k8s.io/Event", "/Endpoints",
            "discovery.k8s.io/EndpointSlice", "snapshot.storage.k8s.io/VolumeSnapshot", "coordination.k8s.io/Lease");
    private static final Pattern VERSION = Pattern.compile("v(\\d{1,9})(?:(alpha|beta)(\\d{1,9}))?");

    private CaptureKinds() {}

    /** The kinds to list in each application namespace, in a fixed order (group, kind). */
    public static List<ResourceKind> namespaced(List<ResourceKind> served) {
        Map<String, ResourceKind> best = new TreeMap<>();
        for (ResourceKind k : served) {
            String key = k.group() + "/" + k.kind();
            if (!k.namespaced() || EXCLUDED.contains(key) || isProtectInternal(k)) {
                continue;
            }
            best.merge(key, k, (a, b) -> PREFERENCE.compare(a, b) <= 0 ? a : b);
        }
        return new ArrayList<>(best.values());
    }

    private static boolean isProtectInternal(ResourceKind k) {
        return k.group().equals(ProtectApi.GROUP) && !k.kind().equals(ExecHook.KIND);
    }

    /** Kubernetes' version priority: GA, then beta, then alpha; within each the higher number; others last by name. */
    static final Comparator<ResourceKind> PREFERENCE = Comparator.comparing((ResourceKind k) -> rank(k.version()))
            .thenComparing(ResourceKind::version);

    private static String rank(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return "9";
        }
        int stability = m.group(2) == null ? 0 : m.group(2).equals("beta") ? 1 : 2;
        long major = Long.parseLong(m.group(1));
        long minor = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        // smaller sorts first: stability, then numbers descending (as fixed-width complements)
        return stability + String.format("%019d%019d", Long.MAX_VALUE - major, Long.MAX_VALUE - minor);
    }
}
