package io.mirrordrill.engine.application;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ClusterScopedResource;
import io.mirrordrill.engine.model.GroupVersionKind;
import io.mirrordrill.engine.model.IncludedNamespace;
import io.mirrordrill.engine.model.validation.Problem;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.UnknownKindException;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An Application's spec checked against its cluster: the spec valid, every included namespace existing, every
 * cluster-scoped kind served and not namespaced, every selector parsing. All problems are collected, so a person
 * fixes them in one pass.
 */
final class ScopeCheck {
    private final KubernetesPort kubernetes;

    ScopeCheck(KubernetesPort kubernetes) {
        this.kubernetes = kubernetes;
    }

    ApplicationScope check(Application app) {
        List<ApplicationException.Problem> problems = new ArrayList<>();
        for (Problem p : Validator.validateSpec(app)) {
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
}
