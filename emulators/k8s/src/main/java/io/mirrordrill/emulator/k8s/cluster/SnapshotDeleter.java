package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.SnapshotRecord;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The deletion half of the snapshotter: a VolumeSnapshot being deleted whose content has deletionPolicy Delete loses
 * its ONTAP snapshot, then its VolumeSnapshotContent; with Retain both stay. Then the bound-protection finalizer goes
 * and the VolumeSnapshot disappears. A snapshot still being created is waited for, so none is left behind.
 */
final class SnapshotDeleter {
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final ClusterSimulator sim;
    private final Map<String, String> createJobs;
    /** ONTAP snapshot deletions in flight per VolumeSnapshot uid. */
    private final Map<String, String> deleteJobs = new TreeMap<>();

    SnapshotDeleter(ClusterSimulator sim, Map<String, String> createJobs) {
        this.sim = sim;
        this.createJobs = createJobs;
    }

    Outcome reconcile(ObjectNode vs) {
        String uid = Tree.uid(vs);
        Optional<SnapshotVolume> volume = volumeOf(vs);
        String create = createJobs.get(uid);
        if (create != null && volume.isPresent() && !volume.get().ontap().job(create).state().isDone()) {
            return Outcome.requeueAfter(SnapshotController.POLL);
        }
        createJobs.remove(uid);
        String contentName = Tree.text(vs, "status.boundVolumeSnapshotContentName").orElse("snapcontent-" + uid);
        Optional<ObjectNode> content = sim.api().get(SnapshotController.API, "VolumeSnapshotContent", null,
                contentName).map(Tree::of);
        boolean delete = content.flatMap(c -> Tree.text(c, "spec.deletionPolicy")).orElse("Delete").equals("Delete");
        if (delete && volume.isPresent()) {
            Optional<SnapshotRecord> snapshot = volume.get().snapshot(snapshotName(vs, content));
            if (snapshot.isPresent()) {
                return deleteOntapSnapshot(vs, volume.get(), snapshot.get());
            }
        }
        deleteJobs.remove(uid);
        if (delete && content.isPresent()) {
            sim.api().delete(SnapshotController.API, "VolumeSnapshotContent", null, contentName);
        }
        ObjectNode latest = vs.deepCopy();
        ArrayNode finalizers = (ArrayNode) Tree.with(latest, "metadata").withArray("finalizers");
        for (int i = finalizers.size() - 1; i >= 0; i--) {
            if (SnapshotController.BOUND_PROTECTION.equals(finalizers.get(i).asText())) {
                finalizers.remove(i);
            }
        }
        sim.api().update(Tree.resource(latest));
        sim.record("volumesnapshot " + Tree.namespace(vs) + "/" + Tree.name(vs) + " deleted"
                + (delete ? " with its content and ONTAP snapshot" : "; content retained"));
        return Outcome.done();
    }

    private Outcome deleteOntapSnapshot(ObjectNode vs, SnapshotVolume volume, SnapshotRecord snapshot) {
        String uid = Tree.uid(vs);
        String job = deleteJobs.get(uid);
        if (job == null || volume.ontap().job(job).state().isDone()) {
            try {
                deleteJobs.put(uid, volume.ontap().deleteSnapshot(volume.volume().uuid(), snapshot.uuid()).uuid());
            } catch (OntapException e) {
                sim.record("volumesnapshot " + Tree.namespace(vs) + "/" + Tree.name(vs) + " delete refused: "
                        + e.getMessage() + " (code " + e.code() + ")");
                return Outcome.requeueAfter(RETRY);
            }
        }
        return Outcome.requeueAfter(SnapshotController.POLL);
    }

    /** The snapshot's name from the content's handle {@code <pv>/<snapshot>}, else the one the driver gives. */
    private static String snapshotName(ObjectNode vs, Optional<ObjectNode> content) {
        return content.flatMap(c -> Tree.text(c, "status.snapshotHandle")).map(h -> h.substring(h.indexOf('/') + 1))
                .orElse("snapshot-" + Tree.uid(vs));
    }

    /** The volume through the content's handle, else through the claim; empty when neither leads to one. */
    private Optional<SnapshotVolume> volumeOf(ObjectNode vs) {
        String contentName = Tree.text(vs, "status.boundVolumeSnapshotContentName").orElse(null);
        Optional<String> pv = contentName == null ? Optional.empty()
                : sim.api().get(SnapshotController.API, "VolumeSnapshotContent", null, contentName).map(Tree::of)
                        .flatMap(c -> Tree.text(c, "status.snapshotHandle")).map(h -> h.substring(0, h.indexOf('/')));
        if (pv.isEmpty()) {
            pv = Tree.text(vs, "spec.source.persistentVolumeClaimName").flatMap(claim -> sim.api()
                    .get("v1", "PersistentVolumeClaim", Tree.namespace(vs), claim).map(Tree::of))
                    .flatMap(pvc -> Tree.text(pvc, "spec.volumeName"));
        }
        return pv.flatMap(name -> SnapshotVolume.of(sim, name));
    }
}
