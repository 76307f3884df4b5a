package io.mirrordrill.engine.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ClusterScopedResource;
import io.mirrordrill.engine.model.GroupVersionKind;
import io.mirrordrill.engine.model.IncludedNamespace;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.validation.Problem;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.engine.port.kubernetes.KubernetesException;
import io.mirrordrill.engine.port.kubernetes.KubernetesPort;
import io.mirrordrill.engine.port.kubernetes.LabelSelector;
import io.mirrordrill.engine.port.kubernetes.ResourceKind;
import io.mirrordrill.engine.port.kubernetes.Resources;
import io.mirrordrill.engine.port.kubernetes.UnknownKindException;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public ApplicationScope scope(Application app) {
        List<ApplicationException.Problem> problems = new ArrayList<>();
        for (Problem p : Validator.validate(app, "cluster")) {
            problems.add(new ApplicationException.Problem(ApplicationException.INVALID_SPEC,
                    (p.field().isEmpty() ? "" : p.field() + ": ") + p.message() + ". Fix: " + p.fix()));
        }
        if (!problems.isEmpty()) {
            throw new ApplicationException(problems);
        }
        List<ApplicationScope.Included> namespaces = new ArrayList<>();
        List<IncludedNamespace> included = app.spec().includedNamespaces();
        for (int i = 0; i < included.size(); i++) {
            namespace("spec.includedNamespaces[" + i + "]", included.get(i), problems).ifPresent(namespaces::add);
        }
        List<ApplicationScope.ClusterScoped> clusterScoped = new ArrayList<>();
        List<ClusterScopedResource> named = app.spec().includedClusterScopedResources();
        for (int i = 0; named != null && i < named.size(); i++) {
            clusterScoped("spec.includedClusterScopedResources[" + i + "]", named.get(i), problems)
                    .ifPresent(clusterScoped::add);
        }
        ResourceFilterRule filter = null;
        try {
            filter = ResourceFilterRule.of(app.spec().resourceFilter());
        } catch (ApplicationException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ApplicationException(problems);
        }
        return new ApplicationScope(namespaces, clusterScoped, filter);
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

    private Optional<ApplicationScope.Included> namespace(String at, IncludedNamespace entry,
                                                                    List<ApplicationException.Problem> problems) {
        LabelSelector selector;
        try {
            selector = LabelSelector.of(entry.labelSelector());
        } catch (KubernetesException e) {
            problems.add(new ApplicationException.Problem(ApplicationException.INVALID_SELECTOR, at
                    + ".labelSelector: " + e.getMessage() + ". Fix: use In, NotIn, Exists or DoesNotExist"));
            return Optional.empty();
        }
        Optional<GenericKubernetesResource> ns = kubernetes.get("v1", "Namespace", null,
                entry.namespace());
        if (ns.isEmpty()) {
            problems.add(new ApplicationException.Problem(ApplicationException.NAMESPACE_NOT_FOUND, at
                    + ".namespace: namespace " + entry.namespace() + " does not exist. Fix: create it (kubectl"
                    + " create namespace " + entry.namespace() + ") or remove it from spec.includedNamespaces"));
            return Optional.empty();
        }
        return Optional.of(new ApplicationScope.Included(NamespaceMetadata.of(entry.namespace(),
                ns.get().getMetadata().getLabels(), ns.get().getMetadata().getAnnotations()), selector));
    }

    private Optional<ApplicationScope.ClusterScoped> clusterScoped(String at, ClusterScopedResource entry,
            List<ApplicationException.Problem> problems) {
        GroupVersionKind gvk = entry.groupVersionKind();
        String group = gvk.group() == null ? "" : gvk.group();
        String apiVersion = group.isEmpty() ? gvk.version() : group + "/" + gvk.version();
        ResourceKind kind;
        try {
            kind = kubernetes.resolve(apiVersion, gvk.kind());
        } catch (UnknownKindException e) {
            problems.add(new ApplicationException.Problem(ApplicationException.KIND_NOT_SERVED, at
                    + ".groupVersionKind: the cluster serves no " + gvk.kind() + " in " + apiVersion
                    + ". Fix: correct group, version and kind, or install the CustomResourceDefinition"));
            return Optional.empty();
        }
        if (kind.namespaced()) {
            problems.add(new ApplicationException.Problem(ApplicationException.INVALID_SPEC, at
                    + ".groupVersionKind: " + gvk.kind() + " is namespaced. Fix: remove it here; resources in an"
                    + " included namespace are captured already"));
            return Optional.empty();
        }
        try {
            return Optional.of(new ApplicationScope.ClusterScoped(kind,
                    LabelSelector.of(entry.labelSelector())));
        } catch (KubernetesException e) {
            problems.add(new ApplicationException.Problem(ApplicationException.INVALID_SELECTOR, at
                    + ".labelSelector: " + e.getMessage() + ". Fix: use In, NotIn, Exists or DoesNotExist"));
            return Optional.empty();
        }
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
