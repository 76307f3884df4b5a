package io.mirrordrill.scenario.runner.standin;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.port.kubernetes.KubernetesPort;
import io.mirrordrill.engine.port.kubernetes.LabelSelector;
import io.mirrordrill.engine.port.kubernetes.Resources;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.util.ArrayList;
import java.util.List;

/** The Kubernetes side of an application snapshot: its resources and its namespaces' metadata. */
record Capture(List<GenericKubernetesResource> resources, List<NamespaceMetadata> namespaces, List<String> claims) {
    /** What the stand-in captures: the kinds an application of the drills is made of (Secrets are left out). */
    static final List<String[]> KINDS = List.of(new String[] {"v1", "PersistentVolumeClaim"},
            new String[] {"v1", "ConfigMap"}, new String[] {"v1", "Service"}, new String[] {"apps/v1", "Deployment"},
            new String[] {"apps/v1", "StatefulSet"}, new String[] {"protect.trident.netapp.io/v1", "Application"},
            new String[] {"protect.trident.netapp.io/v1", "ExecHook"});

    static List<String> namespacesOf(JsonNode application) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : application.path("spec").path("includedNamespaces")) {
            out.add(n.path("namespace").asText());
        }
        return out;
    }

    static Capture of(KubernetesPort api, JsonNode application) {
        List<GenericKubernetesResource> resources = new ArrayList<>();
        List<NamespaceMetadata> namespaces = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        for (String ns : namespacesOf(application)) {
            for (String[] kind : KINDS) {
                for (GenericKubernetesResource r : api.list(kind[0], kind[1], ns, LabelSelector.everything())) {
                    resources.add(r);
                    if (kind[1].equals("PersistentVolumeClaim")) {
                        claims.add(ns + "/" + r.getMetadata().getName());
                    }
                }
            }
            api.get("v1", "Namespace", null, ns).ifPresent(n -> {
                resources.add(n);
                namespaces.add(NamespaceMetadata.fromNamespace(Resources.toTree(n)));
            });
        }
        return new Capture(resources, namespaces, claims);
    }
}
