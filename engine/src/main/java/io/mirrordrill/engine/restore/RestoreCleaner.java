package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Strips what belongs to the source cluster and must not be restored: server-set metadata, status, owner references
 * (the owners get new UIDs: the garbage collector would delete a child pointing at the old one), bindings to the
 * source's volumes and nodes, allocated cluster IPs. Children that a workload controller recreates are left out.
 */
public final class RestoreCleaner {
    private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "creationTimestamp",
            "generation", "managedFields", "selfLink", "generateName", "deletionTimestamp",
            "deletionGracePeriodSeconds", "ownerReferences");
    /** Set by the PV controller and scheduler on the source: binding is redone on the destination. */
    private static final List<String> CLAIM_BINDING_ANNOTATIONS = List.of("pv.kubernetes.io/bind-completed",
            "pv.kubernetes.io/bound-by-controller", "volume.kubernetes.io/selected-node",
            "volume.beta.kubernetes.io/storage-provisioner", "volume.kubernetes.io/storage-provisioner");
    /** Child kind to the controller kinds that recreate it from a template. */
    private static final Map<String, Set<String>> RECREATED_BY = Map.of(
            "Pod", Set.of("ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController"),
            "ReplicaSet", Set.of("Deployment"),
            "ControllerRevision", Set.of("StatefulSet", "DaemonSet"),
            "Job", Set.of("CronJob"),
            "EndpointSlice", Set.of("Service"));

    private final PersistentVolumes volumes;

    public RestoreCleaner(PersistentVolumes volumes) {
        this.volumes = volumes;
    }

    /** Why the resource is left out of the restore, or empty when it is restored. */
    public Optional<String> skipReason(JsonNode resource) {
        if (volumes == PersistentVolumes.PROVISION && Trees.is(resource, "", "PersistentVolume")) {
            return Optional.of("points at the source's volume; the destination binds its claim to its own volume");
        }
        Set<String> owners = RECREATED_BY.get(Trees.kind(resource));
        JsonNode references = resource.path("metadata").path("ownerReferences");
        for (int i = 0; owners != null && i < references.size(); i++) {
            JsonNode owner = references.get(i);
            String kind = owner.path("kind").asText();
            if (owner.path("controller").asBoolean(false) && owners.contains(kind)) {
                return Optional.of("owned by " + kind + " " + owner.path("name").asText()
                        + ", which recreates it");
            }
        }
        return Optional.empty();
    }

    /**
     * A cleaned copy.
     *
     * @param restoredVolumes names of the PersistentVolumes restored with it: a claim keeps its binding to those only
     */
    public ObjectNode clean(ObjectNode resource, Set<String> restoredVolumes, List<String> decisions) {
        ObjectNode copy = resource.deepCopy();
        ObjectNode metadata = Trees.object(copy, "metadata");
        SERVER_METADATA.forEach(metadata::remove);
        copy.remove("status");
        ObjectNode spec = Trees.objectOrNull(copy, "spec");
        if (spec == null || !Trees.group(copy).isEmpty()) {
            return copy;
        }
        switch (Trees.kind(copy)) {
            case "PersistentVolumeClaim" -> {
                CLAIM_BINDING_ANNOTATIONS.forEach(key -> Trees.removeAnnotation(copy, key));
                String volume = Trees.textOrNull(spec, "volumeName");
                if (volume != null && !restoredVolumes.contains(volume)) {
                    spec.remove("volumeName");
                    decisions.add("spec.volumeName " + volume + " cleared: the claim binds to a volume of the"
                            + " destination");
                }
            }
            case "PersistentVolume" -> {
                Trees.removeAnnotation(copy, "pv.kubernetes.io/bound-by-controller");
                ObjectNode claimRef = Trees.objectOrNull(spec, "claimRef");
                if (claimRef != null) {
                    claimRef.remove(List.of("uid", "resourceVersion"));
                }
            }
            case "Service" -> {
                String clusterIp = Trees.textOrNull(spec, "clusterIP");
                if (!"None".equals(clusterIp)) { // a headless service stays headless
                    spec.remove(List.of("clusterIP", "clusterIPs"));
                    if (clusterIp != null && !clusterIp.isEmpty()) {
                        decisions.add("spec.clusterIP " + clusterIp + " cleared: the destination allocates its own");
                    }
                }
            }
            case "Pod" -> {
                if (spec.remove("nodeName") != null) {
                    decisions.add("spec.nodeName cleared: the destination schedules the pod");
                }
            }
            default -> {
            }
        }
        return copy;
    }
}
