package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Findings.quote;

import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ApplicationSpec;
import io.mirrordrill.engine.model.ClusterScopedResource;
import io.mirrordrill.engine.model.IncludedNamespace;
import java.util.ArrayList;
import java.util.List;

/** Application: at least one namespace, its own among them; cluster-scoped resources named by kind and version. */
final class ApplicationRules {
    private ApplicationRules() {
    }

    static void check(Application app, Findings f) {
        ApplicationSpec spec = app.spec();
        String example = "includedNamespaces: [{namespace: " + (app.namespace() == null ? "<namespace>"
                : app.namespace()) + ", labelSelector: {}}]";
        if (!f.require("spec", spec, "add spec with " + example)) {
            return;
        }
        List<IncludedNamespace> included = spec.includedNamespaces();
        if (f.require("spec.includedNamespaces", included, "add " + example)) {
            namespaces(app, included, f);
        }
        List<ClusterScopedResource> clusterScoped = spec.includedClusterScopedResources();
        for (int i = 0; clusterScoped != null && i < clusterScoped.size(); i++) {
            String at = "spec.includedClusterScopedResources[" + i + "]";
            ClusterScopedResource resource = clusterScoped.get(i);
            if (f.require(at, resource, "write groupVersionKind: {group, version, kind}")
                    && f.require(at + ".groupVersionKind", resource.groupVersionKind(),
                            "add groupVersionKind: {group: <group, empty for core>, version: v1, kind: <Kind>}")) {
                f.require(at + ".groupVersionKind.kind", resource.groupVersionKind().kind(), "set the kind");
                f.require(at + ".groupVersionKind.version", resource.groupVersionKind().version(),
                        "set the version, e.g. v1");
                Checks.labelSelector(f, at + ".labelSelector", resource.labelSelector());
            }
        }
        Checks.resourceFilter(f, "spec.resourceFilter", spec.resourceFilter());
    }

    private static void namespaces(Application app, List<IncludedNamespace> included, Findings f) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < included.size(); i++) {
            String at = "spec.includedNamespaces[" + i + "]";
            IncludedNamespace entry = included.get(i);
            if (!f.require(at, entry, "write namespace: <name>") || !f.require(at + ".namespace", entry.namespace(),
                    "set the namespace name")) {
                continue;
            }
            Checks.namespaceName(f, at + ".namespace", entry.namespace());
            if (seen.contains(entry.namespace())) {
                f.add(at + ".namespace", "namespace " + quote(entry.namespace()) + " is listed twice",
                        "list each namespace once; narrow it with one labelSelector");
            }
            seen.add(entry.namespace());
            Checks.labelSelector(f, at + ".labelSelector", entry.labelSelector());
        }
        if (app.namespace() != null && !seen.contains(app.namespace())) {
            f.add("spec.includedNamespaces", "does not include the application's own namespace "
                    + quote(app.namespace()), "add - namespace: " + app.namespace());
        }
    }
}
