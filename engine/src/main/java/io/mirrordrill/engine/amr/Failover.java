package io.mirrordrill.engine.amr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.engine.restore.NamespaceMetadata;
import io.mirrordrill.engine.restore.NamespaceMetadataMerge;
import io.mirrordrill.engine.restore.RestoreException;
import io.mirrordrill.engine.restore.RestoreInput;
import io.mirrordrill.engine.restore.RestorePlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Brings an archive's application up on the destination: plans the restore (mapping, storage classes,
 * transformations, the namespace merge) and applies it in order. Existing claims are the replicated volumes and are
 * kept; everything else is created or replaced, so a re-run after a crash ends in the same place.
 */
final class Failover {
    private final KubernetesPort kube;
    private final NamespaceMetadataMerge merge;

    Failover(KubernetesPort kube, NamespaceMetadataMerge merge) {
        this.kube = kube;
        this.merge = merge;
    }

    /** Applies the archive; returns the plan's decisions (for reports). */
    List<String> restore(AppMirrorRelationship amr, Archive archive, String defaultStorageClass) {
        List<NamespaceMetadata> destinations = new ArrayList<>();
        for (NamespaceMetadata source : archive.content().namespaces()) {
            // destination namespaces as they are now; a namespace not listed is created by the plan
            amr.spec().namespaceMapping().stream().filter(m -> m.source().equals(source.name())).findFirst()
                    .flatMap(m -> kube.get("v1", "Namespace", null, m.destination()))
                    .map(ns -> NamespaceMetadata.fromNamespace(Resources.toTree(ns))).ifPresent(destinations::add);
        }
        RestorePlan plan;
        try {
            plan = RestorePlan.of(RestoreInput.failover(amr, archive.path().basename(),
                    archive.content().resourceTrees(), archive.content().namespaces(), destinations,
                    defaultStorageClass, merge));
        } catch (RestoreException e) {
            throw new AmrException("InvalidRestore", e.getMessage(), true);
        }
        for (ObjectNode resource : plan.resources()) {
            apply(resource);
        }
        return plan.decisions();
    }

    private void apply(ObjectNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        String ns = resource.path("metadata").path("namespace").asText(null);
        String name = resource.path("metadata").path("name").asText();
        Optional<GenericKubernetesResource> existing = kube.get(apiVersion, kind, ns, name);
        if (existing.isEmpty()) {
            kube.create(Resources.fromTree(resource));
            return;
        }
        if (kind.equals("PersistentVolumeClaim")) {
            return;  // the replicated volume's claim
        }
        ObjectNode replacement = resource.deepCopy();
        ObjectNode current = Resources.toTree(existing.get());
        ObjectNode meta = replacement.with("metadata");
        meta.set("resourceVersion", current.path("metadata").path("resourceVersion"));
        if (kind.equals("Namespace")) {
            replacement.set("spec", current.path("spec"));
        }
        kube.update(Resources.fromTree(replacement));
    }
}
