package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.cluster.Trident;
import io.mirrordrill.emulator.ontap.OntapCluster;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.scenario.workload.VolumeRef;
import io.mirrordrill.scenario.world.SimCluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Once an AppMirrorRelationship is deleted, the source side of its SnapMirror relationships is released
 * ({@code snapmirror release}: Trident protect's delete promotes, then releases the source, then removes the
 * finalizer), so the source cluster lists no relationship into the destination's volumes. Where the source cluster
 * was out of reach when the delete happened, the engine may not wait for it, and nothing is required. Its volumes
 * are those of the claims seen mirrored for it (their {@code trident.netapp.io/mirrorRelationship} annotation names
 * it) at any check while it existed: a claim of another relationship of the same application is that one's.
 */
final class SourceReleasedAfterDelete implements Invariant {
    /** Per AMR (history key): the destination volumes, by ONTAP cluster, seen mirrored for it while it existed. */
    private final Map<String, Map<String, Set<String>>> volumes = new TreeMap<>();

    @Override
    public String id() {
        return "delete-releases-source";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (AmrWatch.History h : at.amrs.histories()) {
            if (!h.deleted) {
                at.amr(h).ifPresent(amr -> remember(at, h, amr));
                continue;
            }
            Map<String, Set<String>> seen = volumes.remove(h.key());
            if (seen == null) {
                continue;
            }
            String site = at.estate.cluster(h.cluster).site();
            for (String ontap : at.estate.sim().ontap().clusterNames()) {
                OntapCluster source = at.estate.sim().ontap().cluster(ontap);
                if (!at.estate.world().network().reachable(site, source.site())) {
                    continue;  // the engine could not reach it: it may leave the source side behind
                }
                Set<String> paths = new TreeSet<>();
                seen.values().forEach(paths::addAll);
                for (RelationshipRecord r : source.relationships(true)) {
                    if (paths.contains(r.destinationPath())) {
                        out.add(new Violation(id(), "the source side of a deleted relationship was not released",
                                "AMR " + h.cluster + "/" + h.namespace + "/" + h.name + " deleted; ONTAP cluster "
                                        + ontap + " still lists SnapMirror relationship " + r.uuid() + " "
                                        + r.sourcePath() + " -> " + r.destinationPath() + " (" + r.state().rest()
                                        + ") as its source"));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether the claim is a destination of this relationship (its mirror annotation names it): another relationship
     * mapping the same namespace (drill fuzz's stray one, created Promoted) does not own the claims it finds there.
     */
    private static boolean mirroredBy(GenericKubernetesResource pvc, String amr) {
        Map<String, String> annotations = pvc.getMetadata().getAnnotations();
        return annotations != null && amr.equals(annotations.get(Trident.MIRROR_ANNOTATION));
    }

    private void remember(Checkpoint at, AmrWatch.History h, JsonNode amr) {
        SimCluster c = at.estate.cluster(h.cluster);
        for (JsonNode m : amr.path("spec").path("namespaceMapping")) {
            String ns = m.path("destination").asText();
            for (GenericKubernetesResource pvc : c.api().list("v1", "PersistentVolumeClaim", ns,
                    LabelSelector.everything())) {
                if (!mirroredBy(pvc, h.name)) {
                    continue;  // not (or not now) mirrored for this relationship: another's, or a promoted claim
                }
                VolumeRef.of(c.api(), ns, pvc.getMetadata().getName()).ifPresent(v -> volumes
                        .computeIfAbsent(h.key(), k -> new TreeMap<>())
                        .computeIfAbsent(v.ontapCluster(), k -> new TreeSet<>()).add(v.svm() + ":" + v.volume()));
            }
        }
    }
}
