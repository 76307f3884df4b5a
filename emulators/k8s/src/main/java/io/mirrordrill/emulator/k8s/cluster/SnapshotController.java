package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.controller.Outcome;
import io.mirrordrill.engine.controller.Reconciler;
import io.mirrordrill.engine.controller.ResourceKey;
import io.mirrordrill.engine.port.ontap.OntapPort;
import io.mirrordrill.engine.port.ontap.SnapshotRecord;
import io.mirrordrill.engine.port.ontap.VolumeRecord;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CSI snapshotter with Trident's driver: a VolumeSnapshot of a bound claim becomes an ONTAP snapshot named
 * {@code snapshot-<uid>} on the claim's volume and a VolumeSnapshotContent whose handle is
 * {@code <pv name>/snapshot-<uid>}; the VolumeSnapshot then reports readyToUse. Deletion of snapshots is left to the
 * ONTAP side (deletionPolicy is not acted on).
 */
final class SnapshotController implements Reconciler {
    private static final String API = "snapshot.storage.k8s.io/v1";
    private static final Duration POLL = Duration.ofSeconds(1);

    private final ClusterSimulator sim;
    /** ONTAP snapshot jobs in flight per VolumeSnapshot uid; lost on a crash, when the snapshot is looked up again. */
    private final Map<String, String> jobs = new TreeMap<>();

    SnapshotController(ClusterSimulator sim) {
        this.sim = sim;
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        Optional<ObjectNode> found = sim.api().get(API, "VolumeSnapshot", key.namespace(), key.name()).map(Tree::of);
        if (found.isEmpty() || found.get().path("status").path("readyToUse").asBoolean(false)) {
            return Outcome.done();
        }
        ObjectNode vs = found.get();
        String claim = Tree.text(vs, "spec.source.persistentVolumeClaimName").orElse(null);
        if (claim == null) {
            return Outcome.done();  // pre-provisioned contents are not modelled
        }
        Optional<String> pvName = sim.api().get("v1", "PersistentVolumeClaim", key.namespace(), claim).map(Tree::of)
                .flatMap(pvc -> Tree.text(pvc, "spec.volumeName"));
        if (pvName.isEmpty()) {
            return Outcome.requeueAfter(Duration.ofSeconds(5));
        }
        ObjectNode pv = sim.api().get("v1", "PersistentVolume", null, pvName.get()).map(Tree::of).orElseThrow();
        TridentBackend backend = sim.backendByUuid(Tree.text(pv, "spec.csi.volumeAttributes."
                + Trident.ATTR_BACKEND_UUID).orElse("")).orElseThrow(() -> new IllegalStateException(
                "PV " + pvName.get() + " names an unknown Trident backend"));
        String internal = Tree.text(pv, "spec.csi.volumeAttributes." + Trident.ATTR_INTERNAL_NAME).orElseThrow();
        OntapPort ontap = sim.ontapPort(backend);
        VolumeRecord volume = ontap.volume(backend.svm(), internal).orElseThrow(() -> new IllegalStateException(
                "ONTAP volume " + internal + " of " + pvName.get() + " is gone"));
        String snapshotName = "snapshot-" + Tree.uid(vs);
        Optional<SnapshotRecord> snapshot = ontap.snapshots(volume.uuid()).stream()
                .filter(s -> s.name().equals(snapshotName)).findFirst();
        if (snapshot.isEmpty()) {
            String job = jobs.get(Tree.uid(vs));
            if (job == null || ontap.job(job).state().isDone()) {
                jobs.put(Tree.uid(vs), ontap.createSnapshot(volume.uuid(), snapshotName, "VolumeSnapshot "
                        + key.namespace() + "/" + key.name(), null).uuid());
            }
            return Outcome.requeueAfter(POLL);
        }
        jobs.remove(Tree.uid(vs));
        ready(vs, pvName.get(), snapshot.get());
        return Outcome.done();
    }

    private void ready(ObjectNode vs, String pvName, SnapshotRecord snapshot) {
        String contentName = "snapcontent-" + Tree.uid(vs);
        String handle = pvName + "/" + snapshot.name();
        if (sim.api().get(API, "VolumeSnapshotContent", null, contentName).isEmpty()) {
            ObjectNode content = Tree.object();
            content.put("apiVersion", API).put("kind", "VolumeSnapshotContent");
            Tree.with(content, "metadata").put("name", contentName);
            ObjectNode spec = Tree.with(content, "spec");
            spec.put("deletionPolicy", "Delete").put("driver", Trident.CSI_DRIVER);
            Tree.with(spec, "source").put("snapshotHandle", handle);
            Tree.with(spec, "volumeSnapshotRef").put("kind", "VolumeSnapshot").put("namespace", Tree.namespace(vs))
                    .put("name", Tree.name(vs)).put("uid", Tree.uid(vs));
            ObjectNode created = Tree.of(sim.api().create(Tree.resource(content)));
            Tree.with(created, "status").put("readyToUse", true).put("snapshotHandle", handle)
                    .put("restoreSize", snapshot.size());
            sim.api().updateStatus(Tree.resource(created));
        }
        ObjectNode latest = sim.api().get(API, "VolumeSnapshot", Tree.namespace(vs), Tree.name(vs)).map(Tree::of)
                .orElseThrow();
        Tree.with(latest, "status").put("boundVolumeSnapshotContentName", contentName).put("readyToUse", true)
                .put("creationTime", snapshot.createTime().toString())
                .put("restoreSize", String.valueOf(snapshot.size()));
        sim.api().updateStatus(Tree.resource(latest));
        sim.record("volumesnapshot " + Tree.namespace(vs) + "/" + Tree.name(vs) + " ready: " + handle);
    }
}
