package io.mirrordrill.engine.trident;

import io.mirrordrill.port.ontap.DeleteScope;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapConnector;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.TransferRecord;
import io.mirrordrill.port.ontap.TransferState;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.port.ontap.VolumeType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Trident's mirror-relationship logic for one local volume, as level-triggered steps: each call reads ONTAP's state,
 * takes at most one action, and says whether the goal is reached. Calling a step again after a crash, or while a job
 * runs, never repeats a destructive action: every action is chosen from what ONTAP shows now.
 *
 * <p>Only the local (destination) cluster is touched by establish, promote and reestablish, so they work with the
 * remote site down; release is the one step that talks to the source cluster.
 */
public final class VolumeMirror {
    /** Trident's default SnapMirror policy for mirror relationships. */
    public static final String DEFAULT_POLICY = "MirrorAllSnapshots";

    private final OntapConnector connector;
    /** An ONTAP job this object submitted and has not yet seen finish. */
    private record Pending(String uuid, String kind) {}

    /** ONTAP jobs in flight per local path, so a step does not submit the same change twice. */
    private final Map<String, Pending> jobs = new TreeMap<>();

    public VolumeMirror(OntapConnector connector) {
        this.connector = connector;
    }

    /** The relationship whose destination is {@code local}, as the local cluster lists it. */
    public Optional<RelationshipRecord> relationship(MirrorEndpoint local) {
        return port(local).relationshipTo(local.path());
    }

    /** An empty DP volume becomes a mirror of {@code remote}: create the relationship, then the baseline. */
    public MirrorStep establish(MirrorEndpoint local, MirrorEndpoint remote, String policy, String schedule) {
        OntapPort ontap = port(local);
        Optional<MirrorStep> busy = pendingJob(ontap, local);
        if (busy.isPresent()) {
            return busy.get();
        }
        Optional<RelationshipRecord> rel = relationship(local);
        if (rel.isEmpty()) {
            VolumeRecord volume = volume(ontap, local);
            if (volume.type() != VolumeType.DP) {
                return MirrorStep.failed("volume " + local.path() + " is " + volume.type().rest()
                        + "; a new mirror needs an empty DP volume");
            }
            return submit(local, "create", () -> ontap.createRelationship(new RelationshipCreate(remote.path(), local.path(),
                    policy, schedule)), "creating SnapMirror relationship " + remote.path() + " -> " + local.path());
        }
        RelationshipRecord r = rel.get();
        return switch (r.state()) {
            case UNINITIALIZED -> running(r) ? MirrorStep.inProgress(transferMessage(r, "baseline transfer"))
                    : submit(local, "initialize", () -> ontap.patchRelationship(r.uuid(),
                    RelationshipPatch.state(RelationshipState.SNAPMIRRORED)), "initializing " + local.path()
                    + failureSuffix(r));
            case PAUSED -> submit(local, "resume", () -> ontap.patchRelationship(r.uuid(),
                    RelationshipPatch.state(RelationshipState.SNAPMIRRORED)), "resuming " + local.path());
            case SNAPMIRRORED -> MirrorStep.done("mirroring " + r.sourcePath() + " -> " + local.path());
            case BROKEN_OFF -> MirrorStep.failed("relationship to " + local.path()
                    + " is broken off; it must be reestablished, not established");
        };
    }

    /**
     * Brings the destination up to date with the source's current state: one SnapMirror update, done when it has
     * succeeded. {@code since} is the transfer already seen (its uuid), so a finished earlier transfer does not count.
     */
    public MirrorStep update(MirrorEndpoint local, String since) {
        OntapPort ontap = port(local);
        RelationshipRecord r = relationship(local).orElse(null);
        if (r == null || r.state() != RelationshipState.SNAPMIRRORED) {
            return MirrorStep.failed("no snapmirrored relationship for " + local.path());
        }
        TransferRecord t = r.transfer();
        if (t != null && t.state().isRunning()) {
            return MirrorStep.inProgress(transferMessage(r, "update"));
        }
        if (t != null && !t.uuid().equals(since) && t.state() == TransferState.SUCCESS) {
            return MirrorStep.done(t.uuid());
        }
        try {
            TransferRecord started = ontap.startTransfer(r.uuid(), null);
            return MirrorStep.inProgress("transfer " + started.uuid() + " started");
        } catch (OntapException e) {
            return MirrorStep.failed("update of " + local.path() + " refused: " + e.getMessage());
        }
    }

    /**
     * Makes the local copy writable: quiesce, abort a running transfer, break, restore to the promoted snapshot when
     * one is named (waiting until it has arrived), then remove the destination side of the relationship.
     */
    public MirrorStep promote(MirrorEndpoint local, String promotedSnapshot) {
        OntapPort ontap = port(local);
        VolumeRecord volume = volume(ontap, local);
        List<SnapshotRecord> snapshots = ontap.snapshots(volume.uuid());
        if (promotedSnapshot != null && snapshots.stream().noneMatch(s -> s.name().equals(promotedSnapshot))) {
            return MirrorStep.inProgress("Waiting for snapshot " + promotedSnapshot + " to arrive on " + local.path());
        }
        Optional<RelationshipRecord> rel = relationship(local);
        if (rel.isPresent() && running(rel.get()) && quiescing(ontap, local)) {
            // ONTAP's quiesce waits for the running transfer; Trident aborts it rather than wait.
            RelationshipRecord r = rel.get();
            return submit(local, "abort", () -> ontap.abortTransfer(r.uuid(), r.transfer().uuid(), false),
                    "aborting the running transfer to " + local.path());
        }
        Optional<MirrorStep> busy = pendingJob(ontap, local);
        if (busy.isPresent()) {
            return busy.get();
        }
        if (rel.isPresent() && rel.get().state() != RelationshipState.BROKEN_OFF) {
            RelationshipRecord r = rel.get();
            switch (r.state()) {
                case UNINITIALIZED:
                    if (!running(r)) {
                        return MirrorStep.failed(local.path() + " never received its baseline; nothing to promote");
                    }
                    return submit(local, "abort", () -> ontap.abortTransfer(r.uuid(), r.transfer().uuid(), false),
                            "aborting the baseline transfer to " + local.path());
                case SNAPMIRRORED:
                    return submit(local, "quiesce", () -> ontap.patchRelationship(r.uuid(),
                            RelationshipPatch.state(RelationshipState.PAUSED)), "quiescing " + local.path());
                default:
                    if (running(r)) {
                        return submit(local, "abort", () -> ontap.abortTransfer(r.uuid(), r.transfer().uuid(), false),
                                "aborting the running transfer to " + local.path());
                    }
                    return submit(local, "break", () -> ontap.patchRelationship(r.uuid(),
                            RelationshipPatch.state(RelationshipState.BROKEN_OFF)), "breaking " + local.path());
            }
        }
        if (rel.isEmpty() && volume.type() == VolumeType.DP) {
            return MirrorStep.failed(local.path() + " is a DP volume with no relationship; it cannot be promoted");
        }
        if (promotedSnapshot != null && newerThan(snapshots, promotedSnapshot)) {
            return submit(local, "restore", () -> ontap.restoreVolume(volume.uuid(), promotedSnapshot, true),
                    "restoring " + local.path() + " to " + promotedSnapshot);
        }
        if (rel.isPresent()) {
            return submit(local, "delete", () -> ontap.deleteRelationship(rel.get().uuid(), DeleteScope.DESTINATION_ONLY),
                    "removing the destination side of the relationship of " + local.path());
        }
        return MirrorStep.done(local.path() + " is read-write" + (promotedSnapshot == null ? ""
                : " at " + promotedSnapshot));
    }

    /**
     * The local volume (read-write, promoted) becomes a mirror of {@code remote} again: create the relationship if
     * missing (ONTAP creates it broken off because the volumes share a snapshot), then resync, which rolls the local
     * volume back to the newest common snapshot and makes it DP. Used for resync and for reverse resync alike.
     */
    public MirrorStep reestablish(MirrorEndpoint local, MirrorEndpoint remote, String policy, String schedule) {
        OntapPort ontap = port(local);
        Optional<MirrorStep> busy = pendingJob(ontap, local);
        if (busy.isPresent()) {
            return busy.get();
        }
        Optional<RelationshipRecord> rel = relationship(local);
        if (rel.isEmpty()) {
            return submit(local, "create", () -> ontap.createRelationship(new RelationshipCreate(remote.path(), local.path(), policy,
                    schedule)), "creating SnapMirror relationship " + remote.path() + " -> " + local.path());
        }
        RelationshipRecord r = rel.get();
        if (!r.sourcePath().equals(remote.path())) {
            return MirrorStep.failed(local.path() + " mirrors " + r.sourcePath() + ", not " + remote.path());
        }
        return switch (r.state()) {
            case BROKEN_OFF, UNINITIALIZED, PAUSED -> running(r) ? MirrorStep.inProgress(transferMessage(r, "transfer"))
                    : submit(local, "resync", () -> ontap.patchRelationship(r.uuid(),
                    RelationshipPatch.state(RelationshipState.SNAPMIRRORED)), "resyncing " + local.path()
                    + " from " + remote.path());
            case SNAPMIRRORED -> running(r) ? MirrorStep.inProgress(transferMessage(r, "resync transfer"))
                    : r.healthy() ? MirrorStep.done("mirroring " + remote.path() + " -> " + local.path())
                    : MirrorStep.inProgress("relationship to " + local.path() + " unhealthy: "
                    + r.unhealthyReason().get(0).message());
        };
    }

    /** On the source cluster: releases the source side of the relationship to {@code destination}. */
    public MirrorStep release(MirrorEndpoint source, MirrorEndpoint destination) {
        OntapPort ontap = port(source);
        Optional<MirrorStep> busy = pendingJob(ontap, source);
        if (busy.isPresent()) {
            return busy.get();
        }
        Optional<RelationshipRecord> rel = ontap.relationships(true).stream()
                .filter(r -> r.sourcePath().equals(source.path()) && r.destinationPath().equals(destination.path()))
                .findFirst();
        if (rel.isEmpty()) {
            return MirrorStep.done("nothing to release for " + source.path() + " -> " + destination.path());
        }
        return submit(source, "release", () -> ontap.deleteRelationship(rel.get().uuid(), DeleteScope.SOURCE_ONLY),
                "releasing " + source.path() + " -> " + destination.path());
    }

    private OntapPort port(MirrorEndpoint endpoint) {
        return connector.connect(endpoint.managementLif());
    }

    private static VolumeRecord volume(OntapPort ontap, MirrorEndpoint e) {
        return ontap.volume(e.svm(), e.volume()).orElseThrow(() -> new OntapException(404, "4",
                "volume " + e.path() + " not found on " + e.managementLif()));
    }

    /** While a submitted job runs the step waits; a failed job is reported once and then the step is retried. */
    private Optional<MirrorStep> pendingJob(OntapPort ontap, MirrorEndpoint local) {
        Pending pending = jobs.get(local.path());
        if (pending == null) {
            return Optional.empty();
        }
        JobRecord job;
        try {
            job = ontap.job(pending.uuid());
        } catch (OntapException lost) {
            jobs.remove(local.path());
            return Optional.empty();
        }
        if (!job.state().isDone()) {
            return Optional.of(MirrorStep.inProgress(job.description()));
        }
        jobs.remove(local.path());
        if (!job.succeeded()) {
            return Optional.of(MirrorStep.failed(job.description() + " failed: " + job.message() + " (ONTAP "
                    + job.code() + ")"));
        }
        return Optional.empty();
    }

    /** Submits an ONTAP change; a synchronous refusal is a failed step carrying ONTAP's code. */
    private MirrorStep submit(MirrorEndpoint local, String kind, Supplier<JobRecord> call, String message) {
        try {
            jobs.put(local.path(), new Pending(call.get().uuid(), kind));
            return MirrorStep.inProgress(message);
        } catch (OntapException e) {
            return MirrorStep.failed(message + " refused: " + e.getMessage() + " (ONTAP " + e.code() + ")");
        }
    }

    /** Whether a quiesce this object asked for is still waiting (for the transfer to end). */
    private boolean quiescing(OntapPort ontap, MirrorEndpoint local) {
        Pending p = jobs.get(local.path());
        if (p == null || !p.kind().equals("quiesce")) {
            return false;
        }
        try {
            return !ontap.job(p.uuid()).state().isDone();
        } catch (OntapException lost) {
            return false;
        }
    }

    private static boolean running(RelationshipRecord r) {
        return r.transfer() != null && r.transfer().state().isRunning();
    }

    private static String transferMessage(RelationshipRecord r, String what) {
        return what + " of " + r.destinationPath() + " running";
    }

    private static String failureSuffix(RelationshipRecord r) {
        return r.healthy() || r.unhealthyReason().isEmpty() ? ""
                : " (last attempt: " + r.unhealthyReason().get(0).message() + ")";
    }

    /** Whether any snapshot was taken after {@code name}: the port lists snapshots oldest first. */
    private static boolean newerThan(List<SnapshotRecord> snapshots, String name) {
        int index = snapshots.stream().map(SnapshotRecord::name).toList().indexOf(name);
        return index >= 0 && index < snapshots.size() - 1;
    }
}
