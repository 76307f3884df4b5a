package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.AlreadyExistsException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.List;
import java.util.Optional;

/**
 * Trident's own records in the cluster: the {@code TridentBackend} custom resources (short name {@code tbe}) in the
 * {@code trident} namespace, which is where a controller finds the SVM and management LIF behind a PV's backendUUID.
 */
final class TridentObjects {
    static final String API_VERSION = "trident.netapp.io/v1";
    static final String KIND = "TridentBackend";

    private TridentObjects() {}

    static void installCrds(KubernetesPort api) {
        ensureNamespace(api);
        if (api.get("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "tridentbackends.trident.netapp.io")
                .isPresent()) {
            return;
        }
        ObjectNode crd = Tree.object();
        crd.put("apiVersion", "apiextensions.k8s.io/v1").put("kind", "CustomResourceDefinition");
        Tree.with(crd, "metadata").put("name", "tridentbackends.trident.netapp.io");
        ObjectNode spec = Tree.with(crd, "spec");
        spec.put("group", "trident.netapp.io").put("scope", "Namespaced");
        ObjectNode names = Tree.with(spec, "names");
        names.put("kind", KIND).put("plural", "tridentbackends").put("singular", "tridentbackend");
        names.putArray("shortNames").add("tbe");
        ObjectNode version = spec.putArray("versions").addObject();
        version.put("name", "v1").put("served", true).put("storage", true);
        Tree.with(version, "schema.openAPIV3Schema").put("type", "object")
                .put("x-kubernetes-preserve-unknown-fields", true);
        try {
            api.create(Tree.resource(crd));
        } catch (AlreadyExistsException raced) {
            // another simulator instance installed it first
        }
    }

    private static void ensureNamespace(KubernetesPort api) {
        if (api.get("v1", "Namespace", null, Trident.NAMESPACE).isEmpty()) {
            api.create(Resources.generic("v1", "Namespace", null, Trident.NAMESPACE));
        }
    }

    /** The backends recorded in TridentBackend objects, as Trident reads them when it starts. */
    static List<TridentBackend> storedBackends(KubernetesPort api) {
        return api.list(API_VERSION, KIND, Trident.NAMESPACE, LabelSelector.everything()).stream().map(Tree::of)
                .map(t -> t.path("config").has("solidfire_config")
                        ? new TridentBackend(t.path("backendName").asText(), t.path("backendUUID").asText(),
                                TridentBackend.SOLIDFIRE_SAN, Tree.at(t, "config.solidfire_config.EndPoint").asText(),
                                Tree.at(t, "config.solidfire_config.TenantName").asText())
                        : new TridentBackend(t.path("backendName").asText(), t.path("backendUUID").asText(),
                        Tree.at(t, "config.ontap_config.storageDriverName").asText(),
                        Tree.at(t, "config.ontap_config.managementLIF").asText(),
                        Tree.at(t, "config.ontap_config.svm").asText()))
                .toList();
    }

    /** Creates or updates the TridentBackend object of a backend. */
    static void publishBackend(KubernetesPort api, TridentBackend backend) {
        if (api.get("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "tridentbackends.trident.netapp.io")
                .isEmpty()) {
            return;  // published when the simulator starts and installs the CRD
        }
        String objectName = "tbe-" + backend.name();
        Optional<GenericKubernetesResource> existing = api.get(API_VERSION, KIND, Trident.NAMESPACE, objectName);
        ObjectNode tree = existing.map(Tree::of).orElseGet(() -> {
            ObjectNode t = Tree.object();
            t.put("apiVersion", API_VERSION).put("kind", KIND);
            Tree.with(t, "metadata").put("name", objectName).put("namespace", Trident.NAMESPACE);
            return t;
        });
        tree.put("backendName", backend.name()).put("backendUUID", backend.uuid()).put("state", "online")
                .put("version", "1");
        if (backend.isElement()) {
            // Trident's solidfire-san config: the MVIP endpoint (here the emulated cluster's name) and the tenant
            Tree.with(tree, "config.solidfire_config").put("storageDriverName", backend.storageDriverName())
                    .put("TenantName", backend.svm()).put("EndPoint", backend.managementCluster());
        } else {
            ObjectNode config = Tree.with(tree, "config.ontap_config");
            config.put("storageDriverName", backend.storageDriverName()).put("svm", backend.svm())
                    .put("managementLIF", backend.managementCluster());
        }
        if (existing.isPresent()) {
            api.update(Tree.resource(tree));
        } else {
            api.create(Tree.resource(tree));
        }
    }

    /** Deletes the TridentBackend object of a backend, when there is one. */
    static void unpublishBackend(KubernetesPort api, String backendName) {
        if (api.get(API_VERSION, KIND, Trident.NAMESPACE, "tbe-" + backendName).isPresent()) {
            api.delete(API_VERSION, KIND, Trident.NAMESPACE, "tbe-" + backendName);
        }
    }
}
