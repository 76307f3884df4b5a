package io.mirrordrill.emulator.ontap;

import io.mirrordrill.emulator.ontap.blocks.Image;
import io.mirrordrill.emulator.ontap.snapmirror.CronSchedule;
import io.mirrordrill.emulator.ontap.snapmirror.Operation;
import io.mirrordrill.emulator.ontap.snapmirror.Policy;
import io.mirrordrill.emulator.ontap.snapmirror.Refusals;
import io.mirrordrill.port.ontap.DeleteScope;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.port.ontap.TransferRecord;
import io.mirrordrill.port.ontap.TransferState;
import io.mirrordrill.port.ontap.UnhealthyReason;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.runtime.statemachine.StateMachine;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SnapMirror across all emulated clusters: relationships, transfers over the simulated network, schedules and the
 * snapshot bookkeeping (SnapMirror's own snapshots, the newest common snapshot). Behaviour follows ONTAP's
 * documentation (docs/ontap-emulator.md); choices where ONTAP is not documented are marked "(chosen)".
 */
final class SnapMirror {
    /** (chosen) How long a transfer keeps retrying an unreachable source before it fails. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter SNAPSHOT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss").withZone(ZoneOffset.UTC);

    private final World world;
    private final OntapEmulator emulator;
    private final Map<String, Relationship> relationships = new LinkedHashMap<>();
    /** The relationship into each destination as last found (ONTAP allows one per destination volume). */
    private final Map<String, Relationship> byDestination = new HashMap<>();
    /** A relationship covering each volume, as last found: every volume record says whether it is protected. */
    private final Map<Volume, Relationship> protecting = new IdentityHashMap<>();
    private long nextId = 2_147_484_000L;

    /** What a row's effect works on: the relationship, and what the request asked for or its checks prepared. */
    record Step(Relationship r, String sourceSnapshot, Resync resync) {
        static Step of(Relationship r) {
            return new Step(r, null, null);
        }
    }

    /** A resync's checked plan: the new direction and, per volume pair, the newest common snapshot. */
    record Resync(boolean reverse, Endpoint source, Endpoint destination, List<Volume[]> pairs,
                  List<Snapshot> commons) {}

    /**
     * The relationship lifecycle in one place (reference/ontap.md). A row's effect runs once the state moved;
     * checks that may refuse (a transfer running, no common snapshot) run before a row is taken, so a refusal changes
     * nothing. Anything not listed is refused with the code ONTAP gives for that operation ({@link Refusals}).
     * {@code TransitionCoverageTest} fails when a row is never taken.
     */
    final StateMachine<RelationshipState, Operation, Step> lifecycle;

    SnapMirror(World world, OntapEmulator emulator) {
        this.world = world;
        this.emulator = emulator;
        this.lifecycle = lifecycle();
        world.network().onChange(change -> failUnreachableTransfers());
    }

    private StateMachine<RelationshipState, Operation, Step> lifecycle() {
        return StateMachine.<RelationshipState, Operation, Step>named("SnapMirror relationship")
                // the baseline transfer arrived (the PATCH or POST .../transfers started it)
                .add(RelationshipState.UNINITIALIZED, Operation.INITIALIZE, RelationshipState.SNAPMIRRORED,
                    s -> { })
                .add(RelationshipState.SNAPMIRRORED, Operation.UPDATE, RelationshipState.SNAPMIRRORED,
                    s -> startTransfer(s.r(), "update", s.sourceSnapshot()))
                // taken once no transfer runs (a running one finishes first)
                .add(RelationshipState.SNAPMIRRORED, Operation.QUIESCE, RelationshipState.PAUSED, s -> { })
                .add(RelationshipState.PAUSED, Operation.RESUME, RelationshipState.SNAPMIRRORED, s -> { })
                .add(RelationshipState.SNAPMIRRORED, Operation.BREAK, RelationshipState.BROKEN_OFF,
                    s -> brokenOff(s.r()))
                .add(RelationshipState.PAUSED, Operation.BREAK, RelationshipState.BROKEN_OFF,
                    s -> brokenOff(s.r()))
                .add(RelationshipState.BROKEN_OFF, Operation.RESYNC, RelationshipState.SNAPMIRRORED,
                    s -> resynced(s.r(), s.resync()))
                .add(RelationshipState.BROKEN_OFF, Operation.REVERSE_RESYNC, RelationshipState.SNAPMIRRORED,
                    s -> resynced(s.r(), s.resync()))
                .labels(RelationshipState::rest, op -> op.name().toLowerCase())
                .stamped(() -> world.now().toString())
                .onTransition((s, row) -> {
                    s.r().state = row.to();
                    world.record("snapmirror", "transition " + s.r().uuid + " " + row);
                })
                .build();
    }

    /** Throws ONTAP's refusal, with the relationship's history, unless the lifecycle allows {@code op} now. */
    private void check(Relationship r, Operation op) {
        if (!lifecycle.allows(r.state, op)) {
            throw new OntapException(409, Refusals.code(op), "Invalid state transition: cannot "
                    + op.name().toLowerCase() + " relationship " + r.uuid + " (" + r.source.path() + " -> "
                    + r.destination.path() + ") in state \"" + r.state.rest() + "\". History: "
                    + (r.history.isEmpty() ? "[created]" : r.history));
        }
    }

    /** Takes the lifecycle's row for {@code op}: the state moves, then the row's effect runs. */
    private void transition(Step step, Operation op) {
        check(step.r(), op);
        lifecycle.fire(step.r().state, op, step, step.r().history);
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    List<Relationship> all() {
        return List.copyOf(relationships.values());
    }

    /** Relationships whose destination is on {@code cluster} (or, for the source's view, whose source is). */
    List<Relationship> visibleFrom(OntapCluster cluster, boolean sourceView) {
        return relationships.values().stream()
                .filter(r -> sourceView ? r.source.cluster() == cluster && !r.sourceReleased
                        : r.destination.cluster() == cluster && !r.destinationDeleted)
                .toList();
    }

    /** The relationship into {@code destinationPath} on {@code cluster}, as that cluster lists it. */
    Optional<Relationship> into(OntapCluster cluster, String destinationPath) {
        String key = cluster.name + " " + destinationPath;
        Relationship known = byDestination.get(key);
        if (known != null && isInto(known, cluster, destinationPath)) {
            return Optional.of(known); // a hint checked on every use: a reverse resync turns relationships around
        }
        for (Relationship r : relationships.values()) {
            if (isInto(r, cluster, destinationPath)) {
                byDestination.put(key, r);
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static boolean isInto(Relationship r, OntapCluster cluster, String destinationPath) {
        return r.destination.cluster() == cluster && !r.destinationDeleted && r.destination.path().equals(destinationPath);
    }

    Relationship require(OntapCluster cluster, String uuid) {
        Relationship r = relationships.get(uuid);
        if (r == null || !visible(r, cluster)) {
            throw new OntapException(404, OntapErrors.NOT_FOUND,
                    "SnapMirror relationship \"" + uuid + "\" not found on cluster " + cluster.name, "uuid");
        }
        return r;
    }

    /** As {@link #visibleFrom} decides it, for one relationship. */
    private static boolean visible(Relationship r, OntapCluster cluster) {
        return r.destination.cluster() == cluster && !r.destinationDeleted
                || r.source.cluster() == cluster && !r.sourceReleased;
    }

    boolean isProtected(Volume volume) {
        Relationship known = protecting.get(volume);
        if (known != null && protects(known, volume)) {
            return true; // a hint checked on every use
        }
        for (Relationship r : relationships.values()) {
            if (protects(r, volume)) {
                protecting.put(volume, r);
                return true;
            }
        }
        return false;
    }

    /** Whether the volume is the source of a relationship not yet released on the source side. */
    boolean isSource(Volume volume) {
        return relationships.values().stream().anyMatch(r -> protects(r, volume) && covers(r.source, volume));
    }

    private static boolean protects(Relationship r, Volume volume) {
        return !(r.destinationDeleted && r.sourceReleased) && (covers(r.source, volume) || covers(r.destination, volume));
    }

    private static boolean covers(Endpoint e, Volume v) {
        return e.isSvm() ? e.svm() == v.svm : e.volume() == v;
    }

    // ---- create -------------------------------------------------------------------------------------------------

    JobRecord create(OntapCluster cluster, RelationshipCreate request) {
        Plan plan = plan(cluster, request);
        return cluster.jobs.submit("snapmirror create " + request.destinationPath(), () -> {
            Plan p = plan(cluster, request);
            String uuid = world.random("ontap/snapmirror").uuid().toString();
            Relationship r = new Relationship(uuid, nextId++, p.source, p.destination, p.policy, request.transferSchedule(),
                    p.identityPreservation, p.initial);
            relationships.put(uuid, r);
            world.record("snapmirror", "create " + uuid + " " + r.source.path() + " -> " + r.destination.path()
                    + " policy=" + p.policy.name() + " state=" + r.state.rest());
            armSchedule(r);
        });
    }

    private record Plan(Endpoint source, Endpoint destination, Policy policy, String identityPreservation,
                        RelationshipState initial) {}

    private Plan plan(OntapCluster cluster, RelationshipCreate request) {
        String[] dst = splitPath(request.destinationPath(), "destination.path");
        String[] src = splitPath(request.sourcePath(), "source.path");
        if (dst[1].isEmpty() != src[1].isEmpty()) {
            throw new OntapException(400, OntapErrors.INVALID, "Source and destination must both be volumes or both"
                    + " be SVMs (\"svm:\"), got " + request.sourcePath() + " -> " + request.destinationPath());
        }
        Policy policy = cluster.policy(request.policy() == null ? "Asynchronous" : request.policy());
        if (!policy.isAsync()) {
            throw new OntapException(400, OntapErrors.NOT_SUPPORTED, "(emulator) synchronous policy \""
                    + policy.name() + "\" is not emulated; use an asynchronous policy", "policy.name");
        }
        if (request.transferSchedule() != null) {
            cluster.schedule(request.transferSchedule());
        }
        Svm dstSvm = cluster.requireSvm(dst[0], "destination.path");
        Svm srcSvm = emulator.resolvePeerSvm(dstSvm, src[0]);
        if (srcSvm == dstSvm && src[1].equals(dst[1])) {
            throw new OntapException(400, OntapErrors.SM_SOURCE_EQUALS_DESTINATION,
                    "Source and destination paths are the same: " + request.sourcePath());
        }
        if (dst[1].isEmpty()) {
            return planSvmDr(request, policy, srcSvm, dstSvm);
        }
        Volume dstVol = requireVolume(dstSvm, dst[1], "destination.path");
        Volume srcVol = requireVolume(srcSvm, src[1], "source.path");
        if (relationships.values().stream().anyMatch(r -> !r.destinationDeleted && r.destination.volume() == dstVol)) {
            throw new OntapException(409, OntapErrors.SM_RELATIONSHIP_EXISTS,
                    "A SnapMirror relationship already exists for destination " + request.destinationPath());
        }
        RelationshipState initial = RelationshipState.UNINITIALIZED;
        if (dstVol.type != VolumeType.DP) {
            // (chosen) As "snapmirror create" does for a read-write destination that shares a snapshot with the
            // source (a reverse resync), the relationship starts broken-off and a resync establishes it.
            if (newestCommon(srcVol, dstVol).isEmpty()) {
                throw new OntapException(400, OntapErrors.SM_DESTINATION_NOT_DP,
                        "Destination " + request.destinationPath() + " must be a data protection (DP) volume",
                        "destination.path");
            }
            initial = RelationshipState.BROKEN_OFF;
        }
        return new Plan(new Endpoint(srcSvm, srcVol), new Endpoint(dstSvm, dstVol), policy, null, initial);
    }

    private Plan planSvmDr(RelationshipCreate request, Policy policy, Svm srcSvm, Svm dstSvm) {
        if (dstSvm.subtype != SvmSubtype.DP_DESTINATION) {
            throw new OntapException(400, OntapErrors.SM_DESTINATION_NOT_DP, "Destination SVM \"" + dstSvm.name
                    + "\" must be created with subtype dp_destination for SVM disaster recovery", "destination.path");
        }
        if (relationships.values().stream().anyMatch(r -> !r.destinationDeleted && r.destination.svm() == dstSvm)) {
            throw new OntapException(409, OntapErrors.SM_RELATIONSHIP_EXISTS,
                    "A SnapMirror relationship already exists for destination " + request.destinationPath());
        }
        String identity = request.identityPreservation() != null ? request.identityPreservation()
                : policy.record().identityPreservation() != null ? policy.record().identityPreservation() : "full";
        if (!List.of("full", "exclude_network_config", "exclude_network_and_protocol_config").contains(identity)) {
            throw new OntapException(400, OntapErrors.INVALID_VALUE, "\"" + identity
                    + "\" is an invalid value for field \"identity_preservation\"", "identity_preservation");
        }
        return new Plan(new Endpoint(srcSvm, null), new Endpoint(dstSvm, null), policy, identity,
                RelationshipState.UNINITIALIZED);
    }

    private static String[] splitPath(String path, String field) {
        if (path == null || !path.contains(":")) {
            throw new OntapException(400, OntapErrors.SM_PATH_LACKS_COLON,
                    "Invalid path \"" + path + "\": expected \"svm:volume\" or \"svm:\"", field);
        }
        int colon = path.indexOf(':');
        return new String[] {path.substring(0, colon), path.substring(colon + 1)};
    }

    private static Volume requireVolume(Svm svm, String name, String field) {
        Volume v = svm.volumes.get(name);
        if (v == null) {
            throw new OntapException(404, OntapErrors.NOT_FOUND,
                    "Volume \"" + name + "\" not found in SVM \"" + svm.name + "\"", field);
        }
        return v;
    }

    // ---- state changes ------------------------------------------------------------------------------------------

    JobRecord patch(OntapCluster cluster, String uuid, RelationshipPatch patch) {
        Relationship r = require(cluster, uuid);
        boolean reverse = isReverse(r, patch);
        Optional<Operation> op = operation(r, patch.state(), reverse);
        op.ifPresent(o -> precheck(r, o));
        String what = "snapmirror " + uuid + " -> " + patch.state().rest() + (reverse ? " (reverse)" : "");
        if (op.isEmpty()) {
            return cluster.jobs.submit(what, () -> { });
        }
        return cluster.jobs.submit(what, job -> {
            precheck(r, op.get());
            return apply(r, op.get(), job);
        });
    }

    private boolean isReverse(Relationship r, RelationshipPatch patch) {
        if (patch.sourcePath() == null && patch.destinationPath() == null) {
            return false;
        }
        if (r.source.path().equals(patch.sourcePath()) && r.destination.path().equals(patch.destinationPath())) {
            return false;
        }
        if (r.destination.path().equals(patch.sourcePath()) && r.source.path().equals(patch.destinationPath())) {
            return true;
        }
        throw new OntapException(400, OntapErrors.INVALID, "source.path and destination.path may only be swapped"
                + " (reverse resync) for relationship " + r.uuid, "source.path");
    }

    /** Maps a PATCH target state onto an operation; empty when the relationship is already there. */
    private Optional<Operation> operation(Relationship r, RelationshipState target, boolean reverse) {
        if (reverse) {
            return Optional.of(Operation.REVERSE_RESYNC);
        }
        return switch (target) {
            case SNAPMIRRORED -> switch (r.state) {
                case UNINITIALIZED -> Optional.of(Operation.INITIALIZE);
                case PAUSED -> Optional.of(Operation.RESUME);
                case BROKEN_OFF -> Optional.of(Operation.RESYNC);
                case SNAPMIRRORED -> Optional.empty();
            };
            case PAUSED -> r.state == RelationshipState.PAUSED ? Optional.empty() : Optional.of(Operation.QUIESCE);
            case BROKEN_OFF -> r.state == RelationshipState.BROKEN_OFF ? Optional.empty()
                    : Optional.of(Operation.BREAK);
            case UNINITIALIZED -> throw new OntapException(400, OntapErrors.SM_INVALID_TRANSITION,
                    "A relationship cannot be returned to \"uninitialized\"", "state");
        };
    }

    private void precheck(Relationship r, Operation op) {
        check(r, op);
        if (op == Operation.BREAK && r.transferring()) {
            throw new OntapException(409, OntapErrors.SM_BREAK_FAILED_TRANSFERRING, "Break failed: a transfer is in"
                    + " progress on relationship " + r.uuid + "; quiesce and abort it first", "state");
        }
        if ((op == Operation.INITIALIZE || op == Operation.RESYNC || op == Operation.REVERSE_RESYNC)
                && r.transferring()) {
            throw new OntapException(409, OntapErrors.SM_TRANSFER_IN_PROGRESS,
                    "Another transfer is in progress on relationship " + r.uuid);
        }
    }

    /** Applies an operation when its job runs; returns false when the job finishes later (quiesce). */
    private boolean apply(Relationship r, Operation op, Jobs.Pending job) {
        switch (op) {
            case INITIALIZE -> startTransfer(r, "initialize", null);
            case QUIESCE -> {
                if (r.transferring()) {
                    r.pendingQuiesce = job;
                    world.record("snapmirror", "quiescing " + r.uuid + ": waiting for transfer " + r.transfer.uuid);
                    return false;
                }
                transition(Step.of(r), Operation.QUIESCE);
            }
            case RESUME -> transition(Step.of(r), Operation.RESUME);
            case BREAK -> transition(Step.of(r), Operation.BREAK);
            case RESYNC -> resync(r, false);
            case REVERSE_RESYNC -> resync(r, true);
            case UPDATE -> throw new IllegalStateException("updates are transfers, not PATCHes");
        }
        return true;
    }

    /** A broken-off destination is writable again. */
    private void brokenOff(Relationship r) {
        for (Volume v : destinationVolumes(r)) {
            v.type = VolumeType.RW;
        }
        if (r.isSvmDr()) {
            r.destination.svm().subtype = SvmSubtype.DEFAULT;
        }
    }

    private void resync(Relationship r, boolean reverse) {
        Endpoint newSource = reverse ? r.destination : r.source;
        Endpoint newDestination = reverse ? r.source : r.destination;
        if (newDestination.isSvm() && newDestination.svm().state != SvmState.STOPPED) {
            throw new OntapException(409, OntapErrors.SM_TO_SNAPMIRRORED_FAILED, "Resync failed: SVM \""
                    + newDestination.svm().name + "\" must be stopped before it becomes a destination");
        }
        List<Volume[]> pairs = pairs(newSource, newDestination, false);
        List<Snapshot> commons = new ArrayList<>();
        for (Volume[] pair : pairs) {
            commons.add(newestCommon(pair[0], pair[1]).orElseThrow(() -> new OntapException(409,
                    OntapErrors.SM_NO_COMMON_SNAPSHOT, "Resync failed: no common Snapshot copy between "
                    + pair[0].path() + " and " + pair[1].path())));
        }
        transition(new Step(r, null, new Resync(reverse, newSource, newDestination, pairs, commons)),
                reverse ? Operation.REVERSE_RESYNC : Operation.RESYNC);
    }

    /** The destination (the old source, reversed) rolls back to the common snapshot and takes the resync transfer. */
    private void resynced(Relationship r, Resync plan) {
        if (plan.reverse()) {
            r.source = plan.source();
            r.destination = plan.destination();
        }
        for (int i = 0; i < plan.pairs().size(); i++) {
            Volume dst = plan.pairs().get(i)[1];
            dst.rollBackTo(plan.commons().get(i));
            dst.type = VolumeType.DP;
            world.record("snapmirror", "resync " + r.uuid + " rolled " + dst.path() + " back to "
                    + plan.commons().get(i).name);
        }
        if (plan.destination().isSvm()) {
            plan.destination().svm().subtype = SvmSubtype.DP_DESTINATION;
        }
        startTransfer(r, "resync", null);
    }

    // ---- transfers ----------------------------------------------------------------------------------------------

    TransferRecord update(OntapCluster cluster, String uuid, String sourceSnapshot) {
        Relationship r = require(cluster, uuid);
        if (r.transferring()) {
            throw new OntapException(409, OntapErrors.SM_TRANSFER_IN_PROGRESS,
                    "Another transfer is in progress on relationship " + r.uuid, "uuid");
        }
        if (r.state == RelationshipState.UNINITIALIZED) {
            check(r, Operation.INITIALIZE);
            return startTransfer(r, "initialize", sourceSnapshot).record(r.uuid);
        }
        transition(new Step(r, sourceSnapshot, null), Operation.UPDATE);
        return r.transfer.record(r.uuid);
    }

    private Transfer startTransfer(Relationship r, String type, String sourceSnapshot) {
        boolean baseline = type.equals("initialize");
        List<Transfer.Leg> legs = new ArrayList<>();
        long blocks = 0;
        String failure = null;
        String failureCode = null;
        for (Volume[] pair : pairs(r.source, r.destination, baseline)) {
            Volume src = pair[0];
            Volume dst = pair[1];
            Optional<Snapshot> base = newestCommon(src, dst);
            if (!baseline && base.isEmpty() && dst.initialized) {
                failureCode = OntapErrors.SM_NO_COMMON_SNAPSHOT;
                failure = "no common Snapshot copy between " + src.path() + " and " + dst.path() + "; resync needed";
                continue;
            }
            Snapshot created = sourceSnapshot != null ? src.requireSnapshot(sourceSnapshot) : createSnapMirrorSnapshot(r, src);
            List<Snapshot> carried = new ArrayList<>();
            Image previous = base.map(s -> s.image).orElse(Image.EMPTY);
            for (Snapshot s : src.snapshots) {
                boolean newer = base.isEmpty() || s.isNewerThan(base.get());
                boolean wanted = s == created || (!s.isSnapMirror() && r.policy.carries(s.label));
                if (newer && wanted && !s.isNewerThan(created)) {
                    blocks += Image.changedBlocks(previous, s.image);
                    previous = s.image;
                    carried.add(s);
                }
            }
            legs.add(new Transfer.Leg(src, dst, carried, created));
        }
        long bytes = blocks * Image.BLOCK_SIZE;
        Transfer t = new Transfer(world.random("ontap/snapmirror").uuid().toString(), type, world.now(), legs, bytes);
        r.transfer = t;
        r.transfers.add(t);
        String srcSite = r.source.cluster().site;
        String dstSite = r.destination.cluster().site;
        world.record("snapmirror", "transfer start " + r.uuid + " type=" + type + " bytes=" + bytes);
        if (failure != null) {
            String code = failureCode;
            String message = failure;
            t.completion = world.schedule(Duration.ZERO, "snapmirror transfer fails " + r.uuid,
                    () -> fail(r, t, code, message));
        } else if (!world.network().reachable(srcSite, dstSite)) {
            t.completion = world.schedule(CONNECT_TIMEOUT, "snapmirror transfer times out " + r.uuid,
                    () -> fail(r, t, OntapErrors.SM_TRANSFER_NETWORK_FAILED, unreachableMessage(r)));
        } else {
            Duration duration = world.network().transferTime(srcSite, dstSite, bytes);
            t.completion = world.schedule(duration, "snapmirror transfer " + r.uuid, () -> complete(r, t));
        }
        return t;
    }

    private Snapshot createSnapMirrorSnapshot(Relationship r, Volume src) {
        String name = r.snapshotPrefix() + src.msid + "." + SNAPSHOT_TIME.format(world.now());
        Snapshot s = new Snapshot(world.random("ontap/snapmirror").uuid().toString(), name, world.now(), null, null,
                src.fs.freeze(), emulator.nextSnapshotSequence());
        s.owners.add(Snapshot.OWNER_SNAPMIRROR);
        src.snapshots.add(s);
        return s;
    }

    private void complete(Relationship r, Transfer t) {
        for (Transfer.Leg leg : t.legs) {
            Volume dst = leg.destination();
            dst.fs.load(leg.created().image);
            dst.initialized = true;
            for (Snapshot s : leg.snapshots()) {
                if (dst.snapshotByUuid(s.uuid).isEmpty()) {
                    dst.snapshots.add(s.replica());
                }
            }
            dst.snapshots.sort(Comparator.comparingLong((Snapshot s) -> s.sequence));
            rollOff(r, leg.source(), dst);
        }
        t.state = TransferState.SUCCESS;
        t.end = world.now();
        r.healthy = true;
        r.unhealthy = List.of();
        r.lastTransferType = t.type;
        if (!t.legs.isEmpty()) {
            r.exportedSnapshot = t.legs.get(0).created().name;
            r.exportedTime = t.legs.get(0).created().createTime;
        }
        world.record("snapmirror", "transfer success " + r.uuid + " type=" + t.type + " bytes=" + t.bytes
                + " snapshot=" + r.exportedSnapshot);
        if (r.state == RelationshipState.UNINITIALIZED) {
            transition(Step.of(r), Operation.INITIALIZE);
        }
        finishQuiesce(r);
    }

    /**
     * Snapshot retention after a transfer: the source keeps only its newest SnapMirror snapshot (the common one),
     * the destination its two newest, and the destination drops copies whose source snapshot was deleted.
     */
    private void rollOff(Relationship r, Volume src, Volume dst) {
        String prefix = r.snapshotPrefix();
        List<Snapshot> srcOwn = src.snapshots.stream().filter(s -> s.name.startsWith(prefix)).toList();
        for (int i = 0; i < srcOwn.size() - 1; i++) {
            src.snapshots.remove(srcOwn.get(i));
        }
        List<Snapshot> dstOwn = dst.snapshots.stream().filter(s -> s.name.startsWith(prefix)).toList();
        for (int i = 0; i < dstOwn.size() - 2; i++) {
            dst.snapshots.remove(dstOwn.get(i));
        }
        dst.snapshots.removeIf(s -> !s.name.startsWith(prefix) && src.snapshotByUuid(s.uuid).isEmpty());
    }

    private void fail(Relationship r, Transfer t, String code, String message) {
        if (!t.isRunning()) {
            return;
        }
        t.completion.cancel();
        t.state = TransferState.FAILED;
        t.end = world.now();
        t.errorCode = code;
        t.errorMessage = message;
        r.healthy = false;
        r.unhealthy = List.of(new UnhealthyReason(code, message));
        for (Transfer.Leg leg : t.legs) {
            // (chosen) a failed transfer does not leave its new SnapMirror snapshot behind on the source
            if (leg.created().isSnapMirror() && leg.created().name.startsWith(r.snapshotPrefix())) {
                leg.source().snapshots.remove(leg.created());
            }
        }
        world.record("snapmirror", "transfer failed " + r.uuid + " code=" + code + " " + message);
        finishQuiesce(r);
    }

    JobRecord abort(OntapCluster cluster, String uuid, String transferUuid, boolean hard) {
        Relationship r = require(cluster, uuid);
        Transfer t = r.transfers.stream().filter(x -> x.uuid.equals(transferUuid)).findFirst().orElseThrow(() ->
                new OntapException(404, OntapErrors.NOT_FOUND, "Transfer \"" + transferUuid + "\" not found", "uuid"));
        return cluster.jobs.submit("snapmirror abort " + transferUuid, () -> {
            if (!t.isRunning()) {
                return;
            }
            t.completion.cancel();
            t.state = hard ? TransferState.HARD_ABORTED : TransferState.ABORTED;
            t.end = world.now();
            for (Transfer.Leg leg : t.legs) {
                if (leg.created().name.startsWith(r.snapshotPrefix())) {
                    leg.source().snapshots.remove(leg.created());
                }
            }
            world.record("snapmirror", "transfer " + t.state.rest() + " " + r.uuid);
            finishQuiesce(r);
        });
    }

    private void finishQuiesce(Relationship r) {
        if (r.pendingQuiesce != null) {
            Jobs.Pending job = r.pendingQuiesce;
            r.pendingQuiesce = null;
            transition(Step.of(r), Operation.QUIESCE);
            job.succeed();
        }
    }

    private void failUnreachableTransfers() {
        for (Relationship r : all()) {
            if (r.transferring() && !world.network().reachable(r.source.cluster().site, r.destination.cluster().site)) {
                fail(r, r.transfer, OntapErrors.SM_TRANSFER_NETWORK_FAILED, unreachableMessage(r));
            }
        }
    }

    private static String unreachableMessage(Relationship r) {
        return "Transfer failed: cannot reach source cluster " + r.source.cluster().name + " from "
                + r.destination.cluster().name + " (network unreachable)";
    }

    // ---- schedules ----------------------------------------------------------------------------------------------

    private void armSchedule(Relationship r) {
        if (r.schedule == null || r.destinationDeleted) {
            return;
        }
        CronSchedule cron = r.destination.cluster().schedule(r.schedule);
        r.scheduleTimer = world.scheduleAt(cron.next(world.now()), "snapmirror schedule " + r.schedule + " " + r.uuid,
                () -> {
                    scheduledUpdate(r);
                    armSchedule(r);
                });
    }

    private void scheduledUpdate(Relationship r) {
        if (r.state != RelationshipState.SNAPMIRRORED || r.transferring()) {
            return;
        }
        transition(Step.of(r), Operation.UPDATE);
    }

    // ---- delete and release -------------------------------------------------------------------------------------

    JobRecord delete(OntapCluster cluster, String uuid, DeleteScope scope) {
        Relationship r = require(cluster, uuid);
        if (scope == DeleteScope.SOURCE_ONLY ? r.source.cluster() != cluster : r.destination.cluster() != cluster) {
            throw new OntapException(400, OntapErrors.INVALID, (scope == DeleteScope.SOURCE_ONLY
                    ? "Release must be run on the source cluster " + r.source.cluster().name
                    : "Delete must be run on the destination cluster " + r.destination.cluster().name), "uuid");
        }
        if (r.transferring()) {
            throw new OntapException(409, OntapErrors.SM_TRANSFER_IN_PROGRESS,
                    "Cannot delete relationship " + uuid + " while a transfer is in progress; abort it first");
        }
        return cluster.jobs.submit("snapmirror delete " + uuid + " " + scope, () -> {
            String prefix = r.snapshotPrefix();
            if (scope != DeleteScope.SOURCE_ONLY) {
                r.destinationDeleted = true;
                if (r.scheduleTimer != null) {
                    r.scheduleTimer.cancel();
                }
            }
            if (scope != DeleteScope.DESTINATION_ONLY) {
                r.sourceReleased = true;
                for (Volume v : sourceVolumes(r)) {
                    v.snapshots.stream().filter(s -> s.name.startsWith(prefix)).forEach(s -> s.owners.clear());
                }
            }
            if (scope == DeleteScope.BOTH) {
                sourceVolumes(r).forEach(v -> v.snapshots.removeIf(s -> s.name.startsWith(prefix)));
                destinationVolumes(r).forEach(v -> v.snapshots.removeIf(s -> s.name.startsWith(prefix)));
            }
            if (r.destinationDeleted && r.sourceReleased) {
                relationships.remove(uuid);
            }
            world.record("snapmirror", "delete " + uuid + " scope=" + scope);
        });
    }

    // ---- volume pairs and common snapshots ----------------------------------------------------------------------

    /**
     * The (source, destination) volume pairs of a relationship. For SVM-DR every read-write source volume is paired
     * with the same-named destination volume, created as DP when {@code createMissing} (a baseline) needs it.
     */
    private List<Volume[]> pairs(Endpoint source, Endpoint destination, boolean createMissing) {
        if (!source.isSvm()) {
            return List.<Volume[]>of(new Volume[] {source.volume(), destination.volume()});
        }
        List<Volume[]> pairs = new ArrayList<>();
        for (Volume src : source.svm().volumes.values()) {
            Volume dst = destination.svm().volumes.get(src.name);
            if (dst == null && createMissing) {
                dst = destination.cluster().addVolume(destination.svm(), src.name, src.size, VolumeType.DP, "none");
            }
            if (dst != null) {
                pairs.add(new Volume[] {src, dst});
            }
        }
        return pairs;
    }

    private List<Volume> destinationVolumes(Relationship r) {
        return r.destination.isSvm() ? List.copyOf(r.destination.svm().volumes.values())
                : List.of(r.destination.volume());
    }

    private List<Volume> sourceVolumes(Relationship r) {
        return r.source.isSvm() ? List.copyOf(r.source.svm().volumes.values()) : List.of(r.source.volume());
    }

    /** The newest snapshot (by identity) present on both volumes. */
    static Optional<Snapshot> newestCommon(Volume a, Volume b) {
        for (int i = b.snapshots.size() - 1; i >= 0; i--) {
            Snapshot candidate = b.snapshots.get(i);
            Optional<Snapshot> onA = a.snapshotByUuid(candidate.uuid);
            if (onA.isPresent()) {
                return onA;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether starting {@code svm} would run an identity that an SVM-DR peer is already running. (chosen) A peer whose
     * site cannot be reached does not count: in a disaster the destination cannot know, and must be able to start.
     */
    Optional<Svm> runningIdentityTwin(Svm svm) {
        for (Relationship r : relationships.values()) {
            if (!r.isSvmDr() || !"full".equals(r.identityPreservation)) {
                continue;
            }
            Svm other = r.destination.svm() == svm ? r.source.svm() : r.source.svm() == svm ? r.destination.svm() : null;
            if (other != null && other.state == SvmState.RUNNING
                    && world.network().reachable(svm.cluster.site, other.cluster.site)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }
}
