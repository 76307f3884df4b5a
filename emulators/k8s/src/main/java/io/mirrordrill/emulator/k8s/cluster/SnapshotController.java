package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.ontap.SnapshotRecord;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CSI snapshotter with Trident's driver: a VolumeSnapshot of a bound claim becomes an ONTAP snapshot named
 * {@code snapshot-<uid>} on the claim's volume and a VolumeSnapshotContent whose handle is
 * {@code <pv name>/snapshot-<uid>}; the VolumeSnapshot then reports readyToUse. As the external snapshotter does, it
 * puts its bound-protection finalizer on the VolumeSnapshot first, so a deletion waits for {@link SnapshotDeleter}:
 * with deletionPolicy Delete (from the VolumeSnapshotClass, default Delete) the ONTAP snapshot and the content go.
 */
final class SnapshotController implements Reconciler {
    static final String API = "snapshot.storage.k8s.io/v1";
    static final String BOUND_PROTECTION = "snapshot.storage.kubernetes.io/volumesnapshot-bound-protection";
    static final Duration POLL = Duration.ofSeconds(1);
    private static final String DEFAULT_CLASS = "snapshot.storage.kubernetes.io/is-default-class";

    private final ClusterSimulator sim;
    /** ONTAP snapshot jobs in flight per VolumeSnapshot uid; lost on a crash, when the snapshot is looked up again. */
    private final Map<String, String> jobs = new TreeMap<>();
    private final SnapshotDeleter deleter;

    SnapshotController(ClusterSimulator sim) {
        this.sim = sim;
        this.deleter = new SnapshotDeleter(sim, jobs);
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        Optional<ObjectNode> found = sim.api().get(API, "VolumeSnapshot", key.namespace(), key.name()).map(Tree::of);
        if (found.isEmpty()) {
            return Outcome.done();
        }
        ObjectNode vs = found.get();
        if (!Tree.at(vs, "metadata.deletionTimestamp").isMissingNode()) {
            return deleter.reconcile(vs);
        }
        if (vs.path("status").path("readyToUse").asBoolean(false)) {
            return Outcome.done();
        }
        String claim = Tree.text(vs, "spec.source.persistentVolumeClaimName").orElse(null);
        if (claim == null) {
            return bindPreProvisioned(vs);
        }
        if (!Tree.finalizers(vs).contains(BOUND_PROTECTION)) {
            ((ArrayNode) Tree.with(vs, "metadata").withArray("finalizers")).add(BOUND_PROTECTION);
            sim.api().update(Tree.resource(vs));
            return Outcome.requeueAfter(Duration.ZERO);
        }
        Optional<String> pvName = sim.api().get("v1", "PersistentVolumeClaim", key.namespace(), claim).map(Tree::of)
                .flatMap(pvc -> Tree.text(pvc, "spec.volumeName"));
        if (pvName.isEmpty()) {
            return Outcome.requeueAfter(Duration.ofSeconds(5));
        }
        SnapshotVolume volume = SnapshotVolume.of(sim, pvName.get()).orElseThrow(() -> new IllegalStateException(
                "the ONTAP volume of " + pvName.get() + " is gone"));
        String snapshotName = "snapshot-" + Tree.uid(vs);
        Optional<SnapshotRecord> snapshot = volume.snapshot(snapshotName);
        if (snapshot.isEmpty()) {
            String job = jobs.get(Tree.uid(vs));
            if (job == null || volume.ontap().job(job).state().isDone()) {
                jobs.put(Tree.uid(vs), volume.ontap().createSnapshot(volume.volume().uuid(), snapshotName,
                        "VolumeSnapshot " + key.namespace() + "/" + key.name(), null).uuid());
                if (job == null) {
                    events().normal(ClusterSimulator.involved(vs), "CreatingSnapshot", "Waiting for a snapshot "
                            + key.namespace() + "/" + key.name() + " to be created by the CSI driver.");
                }
            }
            return Outcome.requeueAfter(POLL);
        }
        jobs.remove(Tree.uid(vs));
        ready(vs, pvName.get(), snapshot.get());
        return Outcome.done();
    }

    /**
     * A VolumeSnapshot of a pre-provisioned VolumeSnapshotContent ({@code spec.source.volumeSnapshotContentName}),
     * as a restore creates to reuse an existing ONTAP snapshot in another namespace: bound and ready once the
     * content's handle names a snapshot that exists.
     */
    private Outcome bindPreProvisioned(ObjectNode vs) {
        Optional<String> contentName = Tree.text(vs, "spec.source.volumeSnapshotContentName");
        if (contentName.isEmpty()) {
            return Outcome.done();
        }
        Optional<ObjectNode> content = sim.api().get(API, "VolumeSnapshotContent", null, contentName.get())
                .map(Tree::of);
        Optional<String> handle = content.flatMap(c -> Tree.text(c, "spec.source.snapshotHandle"));
        if (handle.isEmpty()) {
            return Outcome.requeueAfter(Duration.ofSeconds(5));
        }
        String[] parts = handle.get().split("/", 2);
        Optional<SnapshotRecord> snapshot = SnapshotVolume.of(sim, parts[0]).flatMap(v -> v.snapshot(parts[1]));
        if (snapshot.isEmpty()) {
            sim.record("volumesnapshot " + Tree.namespace(vs) + "/" + Tree.name(vs) + " waits: no ONTAP snapshot "
                    + handle.get());
            return Outcome.requeueAfter(Duration.ofSeconds(30));
        }
        ObjectNode c = content.get();
        if (!c.path("status").path("readyToUse").asBoolean(false)) {
            Tree.with(c, "status").put("readyToUse", true).put("snapshotHandle", handle.get())
                    .put("restoreSize", snapshot.get().size());
            sim.api().updateStatus(Tree.resource(c));
        }
        Tree.with(vs, "status").put("boundVolumeSnapshotContentName", contentName.get()).put("readyToUse", true)
                .put("creationTime", snapshot.get().createTime().toString())
                .put("restoreSize", String.valueOf(snapshot.get().size()));
        sim.api().updateStatus(Tree.resource(vs));
        sim.record("volumesnapshot " + Tree.namespace(vs) + "/" + Tree.name(vs) + " bound to " + contentName.get());
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
            spec.put("deletionPolicy", deletionPolicy(vs)).put("driver", Trident.CSI_DRIVER);
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
        ObjectNode written = Tree.of(sim.api().updateStatus(Tree.resource(latest)));
        String name = Tree.namespace(vs) + "/" + Tree.name(vs);
        events().normal(ClusterSimulator.involved(written), "SnapshotCreated", "Snapshot " + name
                + " was successfully created by the CSI driver.");
        events().normal(ClusterSimulator.involved(written), "SnapshotReady", "Snapshot " + name
                + " is ready to use.");
        sim.record("volumesnapshot " + Tree.namespace(vs) + "/" + Tree.name(vs) + " ready: " + handle);
    }

    /** The snapshot-controller, as it names itself in its Events. */
    private EventRecorder events() {
        return sim.events("snapshot-controller", "");
    }

    /** The deletionPolicy of the snapshot's class (named, else the default class); Delete without a class. */
    private String deletionPolicy(ObjectNode vs) {
        Optional<String> named = Tree.text(vs, "spec.volumeSnapshotClassName");
        Optional<ObjectNode> snapshotClass = named.isPresent()
                ? sim.api().get(API, "VolumeSnapshotClass", null, named.get()).map(Tree::of)
                : sim.api().list(API, "VolumeSnapshotClass", null, LabelSelector.everything()).stream().map(Tree::of)
                        .filter(c -> "true".equals(c.path("metadata").path("annotations").path(DEFAULT_CLASS).asText()))
                        .findFirst();
        return snapshotClass.flatMap(c -> Tree.text(c, "deletionPolicy")).orElse("Delete");
    }
}
