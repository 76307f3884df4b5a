package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.kubernetes.ResourceKind;

/**
 * The grace period of a DELETE, as Kubernetes' pod strategy decides it ({@code CheckGracefulDelete} in
 * pkg/registry/core/pod/strategy.go): only pods are deleted gracefully; the request's {@code gracePeriodSeconds},
 * else the pod's {@code spec.terminationGracePeriodSeconds} (defaulted to 30 by the API server); 0 for a pod never
 * scheduled (no {@code spec.nodeName}) or already terminated (Succeeded, Failed); a negative period becomes 1.
 */
public final class PodGrace {
    /** What the API server defaults {@code spec.terminationGracePeriodSeconds} to. */
    public static final long DEFAULT_SECONDS = 30;

    private PodGrace() {}

    static boolean graceful(ResourceKind kind) {
        return kind.group().isEmpty() && kind.kind().equals("Pod");
    }

    static long period(ResourceKind kind, JsonNode object, Long requested) {
        if (!graceful(kind)) {
            return 0;
        }
        JsonNode spec = object.path("spec");
        long period = requested != null ? requested
                : spec.path("terminationGracePeriodSeconds").asLong(DEFAULT_SECONDS);
        String phase = object.path("status").path("phase").asText("");
        if (spec.path("nodeName").asText("").isEmpty() || phase.equals("Succeeded") || phase.equals("Failed")) {
            return 0;
        }
        return period < 0 ? 1 : period;
    }
}
