package io.mirrordrill.engine.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.UnknownKindException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves an Application against its cluster. {@link #scope} checks what the spec names (namespaces exist, kinds are
 * served, selectors parse) and reports every problem at once; {@link #resolve} then lists, per included namespace,
 * every namespaced kind the cluster serves ({@link CaptureKinds}), keeps what the resource filter keeps and then
 * what the namespace's label selector selects (the filter runs first, as in Trident protect), adds the
 * cluster-scoped resources named and the PersistentVolumes of the captured claims, and leaves out
 * {@link CaptureExclusions}. The result is sorted, so the same cluster always gives the same capture.
 */
public final class ApplicationResolver {
    private final KubernetesPort kubernetes;

    public ApplicationResolver(KubernetesPort kubernetes) {
        this.kubernetes = kubernetes;
    }

    /** Checks what the spec names against the cluster; every problem at once in an ApplicationException. */
    public ApplicationScope scope(Application app) {
        return new ScopeCheck(kubernetes).check(app);
    }

    public ApplicationResources resolve(Application app) {
        ApplicationScope scope = scope(app);
        Map<String, GenericKubernetesResource> selected = new TreeMap<>();
        List<ResourceKind> kinds = CaptureKinds.namespaced(kubernetes.kinds());
        for (ApplicationScope.Included ns : scope.namespaces()) {
            for (ResourceKind kind : kinds) {
                for (GenericKubernetesResource r : list(kind, ns.name(), ns.selector())) {
                    if (scope.filter().keeps(kind, r)) {
                        selected.put(identity(r), r);
                    }
                }
            }
        }
        for (ApplicationScope.ClusterScoped cs : scope.clusterScoped()) {
            for (GenericKubernetesResource r : list(cs.kind(), null, cs.selector())) {
                if (scope.filter().keeps(cs.kind(), r)) {
                    selected.put(identity(r), r);
                }
            }
        }
        List<GenericKubernetesResource> kept = CaptureExclusions.apply(List.copyOf(selected.values()),
                vaultSecrets(scope.namespaceNames()));
        List<GenericKubernetesResource> resources = new ArrayList<>(kept);
        for (GenericKubernetesResource claim : kept) {
            String volume = CaptureExclusions.isClaim(claim) ? volumeName(claim) : null;
            if (volume != null && !selected.containsKey("v1 PersistentVolume  " + volume)) {
                kubernetes.get("v1", "PersistentVolume", null, volume).ifPresent(resources::add);
            }
        }
        return new ApplicationResources(resources, scope.namespaces().stream()
                .map(ApplicationScope.Included::metadata).toList());
    }

    /** The objects of a kind; none when the kind went away since the kinds were listed (a CRD deleted meanwhile). */
    private List<GenericKubernetesResource> list(ResourceKind kind, String namespace, LabelSelector selector) {
        try {
            return kubernetes.list(kind.apiVersion(), kind.kind(), namespace, selector);
        } catch (UnknownKindException gone) {
            return List.of();
        }
    }

    /** {@code namespace/name} of every Secret an AppVault in the namespaces takes credentials from. */
    private Set<String> vaultSecrets(List<String> namespaces) {
        Set<String> secrets = new TreeSet<>();
        ResourceKind vaults;
        try {
            vaults = kubernetes.resolve(ProtectApi.API_VERSION, AppVault.KIND);
        } catch (UnknownKindException notInstalled) {
            return secrets;
        }
        for (String ns : namespaces) {
            for (GenericKubernetesResource vault : list(vaults, ns, LabelSelector.everything())) {
                JsonNode credentials = Resources.toTree(vault).path("spec").path("providerCredentials");
                credentials.forEach(c -> {
                    String name = c.path("valueFromSecret").path("name").asText("");
                    if (!name.isEmpty()) {
                        secrets.add(ns + "/" + name);
                    }
                });
            }
        }
        return secrets;
    }

    private static String volumeName(GenericKubernetesResource claim) {
        String name = Resources.toTree(claim).path("spec").path("volumeName").asText("");
        return name.isEmpty() ? null : name;
    }

    private static String identity(GenericKubernetesResource r) {
        String ns = r.getMetadata().getNamespace();
        return r.getApiVersion() + " " + r.getKind() + " " + (ns == null ? "" : ns) + " " + r.getMetadata().getName();
    }
}
