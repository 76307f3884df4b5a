package io.mirrordrill.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.model.TimeoutAnnotation;
import io.mirrordrill.port.kubernetes.AlreadyExistsException;
import io.mirrordrill.port.kubernetes.Resources;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One VolumeSnapshot per claim captured Bound (Trident turns each into an ONTAP snapshot; claims captured Pending or
 * Lost have no volume and are left out), then waiting until every one is ready to use. A claim that cannot be
 * snapshotted (gone, unbound since, not a Trident volume), a snapshot that reports an error, or one not created or
 * not ready in time ({@link TimeoutAnnotation}) fails the snapshot.
 */
final class VolumeSnapshotStep implements SnapshotStep {
    static final Duration POLL = Duration.ofSeconds(2);

    @Override
    public Step step() {
        return Step.VOLUME_SNAPSHOTS;
    }

    @Override
    public StepResult run(SnapshotContext context) {
        VolumeSnapshots snapshots = new VolumeSnapshots(context.kube());
        List<String> waiting = new ArrayList<>();
        for (JsonNode claim : Claims.bound(context.capture())) {
            String name = VolumeSnapshots.name(context.cr().uid(), Claims.uid(claim));
            Optional<JsonNode> vs = snapshots.get(Claims.namespace(claim), name).map(r -> (JsonNode) Resources.toTree(r));
            if (vs.isEmpty()) {
                requireSnapshottable(context, claim);
                try {
                    snapshots.create(Claims.namespace(claim), name, Claims.name(claim), context.cr().uid());
                } catch (AlreadyExistsException raced) {
                    // created by an earlier attempt whose answer was lost: the one wanted
                }
                waiting.add(Claims.namespace(claim) + "/" + name);
            } else if (!ready(vs.get(), context.ports().clock().now(), context.cr())) {
                waiting.add(Claims.namespace(claim) + "/" + name);
            }
        }
        return waiting.isEmpty() ? StepResult.FINISHED : StepResult.waiting(POLL,
                "waiting for VolumeSnapshot " + String.join(", ", waiting) + " to be ready to use");
    }

    /**
     * Whether a VolumeSnapshot is ready to use; failing when it reports an error, was not cut by the snapshotter
     * ({@code status.creationTime}) within the created timeout of its creation, or not ready within the ready-to-use
     * timeout of its cut (the Snapshot's annotations, {@link TimeoutAnnotation}).
     */
    private static boolean ready(JsonNode vs, Instant now, SnapshotCr cr) {
        String where = vs.path("metadata").path("namespace").asText() + "/" + vs.path("metadata").path("name").asText();
        JsonNode status = vs.path("status");
        String error = status.path("error").path("message").asText("");
        if (!error.isEmpty()) {
            throw new SnapshotException(SnapshotException.VOLUME_SNAPSHOT_FAILED, "VolumeSnapshot " + where
                    + " failed: " + error + ". Fix: see kubectl describe volumesnapshot -n " + where.replace("/", " ")
                    + " and Trident's log, then take a new snapshot");
        }
        if (status.path("readyToUse").asBoolean(false)) {
            return true;
        }
        String cut = status.path("creationTime").asText("");
        TimeoutAnnotation timeout = cut.isEmpty() ? TimeoutAnnotation.VOLUME_SNAPSHOTS_CREATED
                : TimeoutAnnotation.VOLUME_SNAPSHOTS_READY_TO_USE;
        Duration limit = cr.timeout(timeout).orElseThrow();
        Instant since = Instant.parse(cut.isEmpty() ? vs.path("metadata").path("creationTimestamp").asText() : cut);
        if (now.isAfter(since.plus(limit))) {
            throw new SnapshotException(SnapshotException.VOLUME_SNAPSHOT_FAILED, "VolumeSnapshot " + where
                    + (cut.isEmpty() ? " was not created" : " is not ready to use") + " after " + timeout.format(limit)
                    + ". Fix: check the CSI snapshotter and Trident (kubectl describe volumesnapshot -n "
                    + where.replace("/", " ") + "), or allow more time with the annotation " + timeout.key()
                    + ", then take a new snapshot");
        }
        return false;
    }

    /** The claim as it is now: it must still exist, be bound, and be a Trident volume. */
    private static void requireSnapshottable(SnapshotContext context, JsonNode captured) {
        String where = Claims.describe(captured);
        String fix = ". Fix: leave it out of the application (spec.resourceFilter), or make it a bound Trident"
                + " claim, then take a new snapshot";
        JsonNode claim = context.kube().get("v1", "PersistentVolumeClaim", Claims.namespace(captured),
                Claims.name(captured)).map(r -> (JsonNode) Resources.toTree(r)).orElseThrow(() ->
                new SnapshotException(SnapshotException.CLAIM_NOT_SNAPSHOTTABLE, "claim " + where
                        + " was deleted after it was captured. Fix: take a new snapshot"));
        String volume = claim.path("spec").path("volumeName").asText("");
        if (volume.isEmpty()) {
            throw new SnapshotException(SnapshotException.CLAIM_NOT_SNAPSHOTTABLE, "claim " + where
                    + " is not bound to a volume (phase " + claim.path("status").path("phase").asText("Pending") + ")"
                    + fix);
        }
        String driver = context.kube().get("v1", "PersistentVolume", null, volume)
                .map(pv -> Resources.toTree(pv).path("spec").path("csi").path("driver").asText("")).orElse("");
        if (!Claims.TRIDENT_DRIVER.equals(driver)) {
            throw new SnapshotException(SnapshotException.CLAIM_NOT_SNAPSHOTTABLE, "claim " + where + " is on volume "
                    + volume + (driver.isEmpty() ? ", which is not a CSI volume" : " of CSI driver " + driver)
                    + "; only Trident volumes (" + Claims.TRIDENT_DRIVER + ") are snapshotted" + fix);
        }
    }
}
