package io.mirrordrill.emulator.ontap;

import io.mirrordrill.emulator.ontap.snapmirror.CronSchedule;
import io.mirrordrill.emulator.ontap.snapmirror.Policy;
import io.mirrordrill.port.ontap.ClusterPeerRecord;
import io.mirrordrill.port.ontap.ClusterRecord;
import io.mirrordrill.port.ontap.DeleteScope;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.PolicyRecord;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.ScheduleRecord;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.SvmPeerRecord;
import io.mirrordrill.port.ontap.SvmRecord;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.port.ontap.TransferRecord;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeModify;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One emulated ONTAP cluster, implementing {@link OntapPort} directly. Callers outside the emulator get it through
 * {@link OntapEmulator#port}, which adds the network reachability check a real client would face.
 */
public final class OntapCluster implements OntapPort {
    private static final Pattern VOLUME_NAME = Pattern.compile("[A-Za-z0-9_]*");

    final String name;
    final String uuid;
    final String site;
    final String interclusterAddress;
    final Jobs jobs;
    private final SnapshotPolicies snapshotPolicies;
    private final World world;
    private final OntapEmulator emulator;
    final Map<String, Svm> svms = new TreeMap<>();
    /** Volumes by uuid as last found: the engine names volumes by uuid on every call. */
    private final Map<String, Volume> byUuid = new HashMap<>();
    private final Map<String, Policy> policies = Policy.builtIns();
    private final Map<String, CronSchedule> schedules = CronSchedule.builtIns();
    final List<Peering.ClusterPeer> clusterPeers = new ArrayList<>();
    final List<Peering.SvmPeer> svmPeers = new ArrayList<>();

    OntapCluster(World world, OntapEmulator emulator, String name, String site) {
        this.world = world;
        this.emulator = emulator;
        this.name = name;
        this.site = site;
        this.uuid = world.random("ontap/" + name).uuid().toString();
        this.interclusterAddress = name + ".intercluster";
        this.jobs = new Jobs(world, name);
        this.snapshotPolicies = new SnapshotPolicies(world, this);
    }

    public String name() {
        return name;
    }

    public String site() {
        return site;
    }

    /** The address other clusters use to peer with this one ({@code remote.ip_addresses}). */
    public String interclusterAddress() {
        return interclusterAddress;
    }

    /** How long mutating calls take before their job runs (default one second). */
    public void jobLatency(Duration latency) {
        jobs.latency(latency);
    }

    private void record(String message) {
        world.record("ontap/" + name, message);
    }

    @Override
    public ClusterRecord cluster() {
        return new ClusterRecord(name, uuid, "NetApp Release 9.15.1 (mirrordrill emulator)", site);
    }

    // ---- SVMs ---------------------------------------------------------------------------------------------------

    @Override
    public List<SvmRecord> svms() {
        return svms.values().stream().map(Svm::record).toList();
    }

    @Override
    public Optional<SvmRecord> svm(String name) {
        return Optional.ofNullable(svms.get(name)).map(Svm::record);
    }

    @Override
    public JobRecord createSvm(String svmName, SvmSubtype subtype) {
        if (svmName == null || svmName.isBlank()) {
            throw new OntapException(400, OntapErrors.INVALID, "Field \"name\" is required", "name");
        }
        if (emulator.findSvm(svmName).isPresent()) {
            throw new OntapException(409, OntapErrors.EXISTS, "Duplicate SVM name \"" + svmName
                    + "\": SVM names must be unique across peered clusters", "name");
        }
        return jobs.submit("svm create " + svmName, () -> addSvm(svmName, subtype));
    }

    Svm addSvm(String svmName, SvmSubtype subtype) {
        Svm svm = new Svm(world.random("ontap/" + name).uuid().toString(), svmName, this, subtype);
        svms.put(svmName, svm);
        record("svm create " + svmName + " subtype=" + subtype.rest() + " state=" + svm.state.rest());
        return svm;
    }

    @Override
    public JobRecord setSvmState(String svmName, SvmState state) {
        Svm svm = requireSvm(svmName, "name");
        if (state == SvmState.RUNNING) {
            checkCanStart(svm);
        } else if (state != SvmState.STOPPED) {
            throw new OntapException(400, OntapErrors.INVALID, "SVM state can be set to running or stopped", "state");
        }
        return jobs.submit("svm " + svmName + " " + state.rest(), () -> {
            if (state == SvmState.RUNNING) {
                checkCanStart(svm);
            }
            svm.state = state;
            record("svm " + svmName + " " + state.rest());
        });
    }

    private void checkCanStart(Svm svm) {
        if (svm.subtype == SvmSubtype.DP_DESTINATION) {
            throw new OntapException(409, OntapErrors.SVM_DP_DESTINATION_START, "Cannot start SVM \"" + svm.name
                    + "\": it is a dp_destination SVM; break its SnapMirror relationship first", "state");
        }
        emulator.snapMirror().runningIdentityTwin(svm).ifPresent(twin -> {
            throw new OntapException(409, OntapErrors.SVM_DR_SOURCE_RUNNING, "Cannot start SVM \"" + svm.name
                    + "\": it preserves the identity of SVM \"" + twin.name + "\" on cluster " + twin.cluster.name
                    + ", which is running. Stop the source SVM first.", "state");
        });
    }

    Svm requireSvm(String svmName, String field) {
        Svm svm = svms.get(svmName);
        if (svm == null) {
            throw new OntapException(404, OntapErrors.VOLUME_SVM_NOT_FOUND,
                    "SVM \"" + svmName + "\" does not exist on cluster " + name, field);
        }
        return svm;
    }

    // ---- peering ------------------------------------------------------------------------------------------------

    @Override
    public List<ClusterPeerRecord> clusterPeers() {
        return clusterPeers.stream().map(p -> p.record(world)).toList();
    }

    @Override
    public ClusterPeerRecord createClusterPeer(List<String> remoteAddresses, String passphrase) {
        return emulator.peering().createClusterPeer(this, remoteAddresses, passphrase);
    }

    @Override
    public List<SvmPeerRecord> svmPeers() {
        return svmPeers.stream().map(Peering.SvmPeer::record).toList();
    }

    @Override
    public JobRecord createSvmPeer(String svm, String peerCluster, String peerSvm, List<String> applications) {
        return emulator.peering().createSvmPeer(this, svm, peerCluster, peerSvm, applications);
    }

    @Override
    public JobRecord acceptSvmPeer(String peerUuid) {
        return emulator.peering().acceptSvmPeer(this, peerUuid);
    }

    // ---- volumes ------------------------------------------------------------------------------------------------

    @Override
    public List<VolumeRecord> volumes(String svm) {
        return allVolumes().stream().filter(v -> svm == null || v.svm.name.equals(svm)).map(this::volumeRecord)
                .toList();
    }

    @Override
    public Optional<VolumeRecord> volume(String svm, String volumeName) {
        return Optional.ofNullable(svms.get(svm)).map(s -> s.volumes.get(volumeName)).map(this::volumeRecord);
    }

    private VolumeRecord volumeRecord(Volume v) {
        return v.record(emulator.snapMirror().isProtected(v));
    }

    List<Volume> allVolumes() {
        return svms.values().stream().flatMap(s -> s.volumes.values().stream()).toList();
    }

    @Override
    public JobRecord createVolume(VolumeCreate request) {
        validateVolumeCreate(request);
        return jobs.submit("volume create " + request.svm() + ":" + request.name(), () -> {
            Snapshot parent = validateVolumeCreate(request);
            Volume v = addVolume(svms.get(request.svm()), request.name(), request.size(),
                    request.type() == null ? VolumeType.RW : request.type(),
                    request.snapshotPolicy() == null ? "none" : request.snapshotPolicy());
            if (parent != null) {
                v.fs.load(parent.image);
                record("volume clone " + v.path() + " from " + request.cloneParentVolume() + "@" + parent.name);
            }
            if (!v.snapshotPolicy.equals("none")) {
                snapshotPolicies.start(v);
            }
        });
    }

    @Override
    public JobRecord modifyVolume(String volumeUuid, VolumeModify modify) {
        Volume v = requireVolume(volumeUuid);
        checkModify(modify);
        return jobs.submit("volume modify " + v.path(), () -> {
            checkModify(modify);
            if (modify.snapshotDirectoryAccess() != null) {
                v.snapdirAccess = modify.snapshotDirectoryAccess();
            }
            if (modify.snapshotPolicy() != null && !modify.snapshotPolicy().equals(v.snapshotPolicy)) {
                v.snapshotPolicy = modify.snapshotPolicy();
                snapshotPolicies.start(v);
            }
            record("volume modify " + v.path() + " snapshot_policy=" + v.snapshotPolicy
                    + " snapshot_directory_access_enabled=" + v.snapdirAccess);
        });
    }

    /** (chosen code: 2) A snapshot policy this emulator does not know: only ONTAP's built-in ones exist here. */
    private static void checkModify(VolumeModify modify) {
        if (modify.snapshotPolicy() == null && modify.snapshotDirectoryAccess() == null) {
            throw new OntapException(400, OntapErrors.INVALID, "Nothing to modify: give snapshot_policy.name or"
                    + " snapshot_directory_access_enabled", "snapshot_policy.name");
        }
        if (modify.snapshotPolicy() != null && !SnapshotPolicies.names().contains(modify.snapshotPolicy())) {
            throw new OntapException(404, OntapErrors.INVALID, "Snapshot policy \"" + modify.snapshotPolicy()
                    + "\" does not exist; known: " + SnapshotPolicies.names(), "snapshot_policy.name");
        }
    }

    /** Checks a create request; for a clone, returns the parent snapshot. */
    private Snapshot validateVolumeCreate(VolumeCreate request) {
        String n = request.name();
        if (n == null || n.isEmpty()) {
            throw new OntapException(400, OntapErrors.INVALID, "Field \"name\" is required", "name");
        }
        if (n.length() > 203) {
            throw new OntapException(400, OntapErrors.VOLUME_NAME_TOO_LONG,
                    "Volume name \"" + n + "\" is too long: the maximum is 203 characters", "name");
        }
        if (!(Character.isLetter(n.charAt(0)) || n.charAt(0) == '_') || !VOLUME_NAME.matcher(n).matches()) {
            throw new OntapException(400, OntapErrors.VOLUME_NAME_BAD_FIRST_CHAR, "Invalid volume name \"" + n
                    + "\": it must begin with a letter or underscore and contain only letters, digits and underscores",
                    "name");
        }
        Svm svm = requireSvm(request.svm(), "svm.name");
        if (svm.volumes.containsKey(n)) {
            throw new OntapException(409, OntapErrors.VOLUME_DUPLICATE_NAME,
                    "Duplicate volume name \"" + n + "\" in SVM \"" + svm.name + "\"", "name");
        }
        if (request.size() <= 0) {
            throw new OntapException(400, OntapErrors.INVALID_VALUE, "\"" + request.size()
                    + "\" is an invalid value for field \"size\": it must be positive", "size");
        }
        if (svm.subtype == SvmSubtype.DP_DESTINATION && request.type() != VolumeType.DP) {
            throw new OntapException(400, OntapErrors.NOT_SUPPORTED, "SVM \"" + svm.name
                    + "\" is a dp_destination SVM: its volumes come from SVM disaster recovery", "svm.name");
        }
        if (!request.isClone()) {
            return null;
        }
        Volume parent = svm.volumes.get(request.cloneParentVolume());
        if (parent == null) {
            throw new OntapException(404, OntapErrors.NOT_FOUND, "Clone parent volume \"" + request.cloneParentVolume()
                    + "\" not found in SVM \"" + svm.name + "\"", "clone.parent_volume.name");
        }
        Snapshot snapshot = parent.requireSnapshot(request.cloneParentSnapshot());
        if (request.size() < snapshot.image.usedBytes()) {
            throw new OntapException(400, OntapErrors.INVALID, "Clone size " + request.size()
                    + " is smaller than the data of " + parent.path() + "@" + snapshot.name, "size");
        }
        return snapshot;
    }

    Volume addVolume(Svm svm, String volumeName, long size, VolumeType type, String snapshotPolicy) {
        var random = world.random("ontap/" + name);
        Volume v = new Volume(random.uuid().toString(), volumeName, svm, random.nextLong(2_000_000_000L, 2_147_483_647L),
                size, type, snapshotPolicy, world.now());
        svm.volumes.put(volumeName, v);
        byUuid.put(v.uuid, v);
        record("volume create " + v.path() + " type=" + type.rest() + " size=" + size);
        return v;
    }

    void resize(String svmName, String volumeName, long bytes) {
        Svm s = svms.get(svmName);
        Volume v = s == null ? null : s.volumes.get(volumeName);
        if (v == null) {
            throw new OntapException(404, OntapErrors.NOT_FOUND, "Volume \"" + svmName + ":" + volumeName
                    + "\" not found", "name");
        }
        if (bytes < v.size) {
            throw new OntapException(400, OntapErrors.INVALID_VALUE, "Cannot shrink volume " + v.path() + " from "
                    + v.size + " to " + bytes + " bytes", "size");
        }
        if (bytes > v.size) {
            record("volume resize " + v.path() + " size=" + v.size + "->" + bytes);
            v.size = bytes;
        }
    }

    Volume requireVolume(String volumeUuid) {
        Volume known = byUuid.get(volumeUuid);
        if (known != null && svms.get(known.svm.name) == known.svm && known.svm.volumes.get(known.name) == known) {
            return known; // still where it was found: the index is only a hint, checked on every use
        }
        Volume found = allVolumes().stream().filter(v -> v.uuid.equals(volumeUuid)).findFirst().orElseThrow(() ->
                new OntapException(404, OntapErrors.NOT_FOUND, "Volume \"" + volumeUuid + "\" not found", "uuid"));
        byUuid.put(volumeUuid, found);
        return found;
    }

    @Override
    public JobRecord deleteVolume(String volumeUuid) {
        Volume v = requireVolume(volumeUuid);
        if (emulator.snapMirror().isSource(v)) {
            throw new OntapException(409, OntapErrors.VOLUME_SNAPMIRROR_SOURCE, "Volume \"" + v.name
                    + "\" in Vserver \"" + v.svm.name + "\" is the source endpoint of one or more SnapMirror"
                    + " relationships. Before you delete the volume, you must release the source information of the"
                    + " SnapMirror relationships using \"snapmirror release\". To display the destinations to be"
                    + " used in the \"snapmirror release\" commands, use the \"snapmirror list-destinations"
                    + " -source-vserver " + v.svm.name + " -source-volume " + v.name + "\" command.", "uuid");
        }
        if (emulator.snapMirror().isProtected(v)) {
            throw new OntapException(409, OntapErrors.IN_USE, "Volume " + v.path()
                    + " is in a SnapMirror relationship; delete or release the relationship first", "uuid");
        }
        return jobs.submit("volume delete " + v.path(), () -> {
            v.svm.volumes.remove(v.name);
            record("volume delete " + v.path());
        });
    }

    @Override
    public JobRecord restoreVolume(String volumeUuid, String snapshotName, boolean force) {
        Volume v = requireVolume(volumeUuid);
        checkRestore(v, snapshotName, force);
        return jobs.submit("volume restore " + v.path() + " to " + snapshotName, () -> {
            Snapshot target = checkRestore(v, snapshotName, force);
            v.rollBackTo(target);
            record("volume restore " + v.path() + " to " + snapshotName + (force ? " (forced)" : ""));
        });
    }

    private Snapshot checkRestore(Volume v, String snapshotName, boolean force) {
        if (v.type != VolumeType.RW) {
            throw new OntapException(400, OntapErrors.NOT_SUPPORTED,
                    "Cannot restore " + v.path() + ": snapshot restore needs a read-write volume", "uuid");
        }
        Snapshot target = v.requireSnapshot(snapshotName);
        Optional<Snapshot> reference = v.snapshots.stream()
                .filter(s -> s.isNewerThan(target) && (s.isSnapMirror() || !s.owners.isEmpty()))
                .findFirst();
        if (reference.isPresent() && !force) {
            throw new OntapException(409, OntapErrors.SNAPSHOT_RESTORE_NEWER_SNAPMIRROR, "Cannot restore volume "
                    + v.path() + " to \"" + snapshotName + "\": newer Snapshot copy \"" + reference.get().name
                    + "\" is a SnapMirror reference. Restoring would break the relationship; use force to proceed.",
                    "restore_to.snapshot.name");
        }
        return target;
    }

    // ---- snapshots ----------------------------------------------------------------------------------------------

    @Override
    public List<SnapshotRecord> snapshots(String volumeUuid) {
        return requireVolume(volumeUuid).snapshots.stream().map(Snapshot::record).toList();
    }

    @Override
    public JobRecord createSnapshot(String volumeUuid, String snapshotName, String comment, String label) {
        Volume v = requireVolume(volumeUuid);
        checkSnapshotCreate(v, snapshotName);
        return jobs.submit("snapshot create " + v.path() + "@" + snapshotName, () -> {
            checkSnapshotCreate(v, snapshotName);
            takeSnapshot(v, snapshotName, comment, label);
        });
    }

    Snapshot takeSnapshot(Volume v, String snapshotName, String comment, String label) {
        Snapshot s = new Snapshot(world.random("ontap/" + name).uuid().toString(), snapshotName, world.now(), comment,
                label, v.fs.freeze(), emulator.nextSnapshotSequence());
        v.snapshots.add(s);
        record("snapshot create " + v.path() + "@" + snapshotName + " blocks=" + s.image.usedBlocks());
        return s;
    }

    private void checkSnapshotCreate(Volume v, String snapshotName) {
        if (v.type != VolumeType.RW) {
            throw new OntapException(400, OntapErrors.SNAPSHOT_ONLY_ON_RW,
                    "Snapshot copies can only be created on read-write volumes; " + v.path() + " is " + v.type.rest(),
                    "volume");
        }
        if (snapshotName == null || snapshotName.isBlank()) {
            throw new OntapException(400, OntapErrors.INVALID, "Field \"name\" is required", "name");
        }
        if (v.snapshot(snapshotName).isPresent()) {
            throw new OntapException(409, OntapErrors.SNAPSHOT_NAME_EXISTS,
                    "Snapshot copy \"" + snapshotName + "\" already exists on volume " + v.path(), "name");
        }
    }

    @Override
    public JobRecord deleteSnapshot(String volumeUuid, String snapshotUuid) {
        Volume v = requireVolume(volumeUuid);
        checkSnapshotDelete(v, snapshotUuid);
        return jobs.submit("snapshot delete " + v.path() + "@" + snapshotUuid, () -> {
            Snapshot s = checkSnapshotDelete(v, snapshotUuid);
            v.snapshots.remove(s);
            record("snapshot delete " + v.path() + "@" + s.name);
        });
    }

    private Snapshot checkSnapshotDelete(Volume v, String snapshotUuid) {
        Snapshot s = v.snapshotByUuid(snapshotUuid).orElseThrow(() -> new OntapException(404,
                OntapErrors.SNAPSHOT_NOT_FOUND, "Snapshot copy \"" + snapshotUuid + "\" does not exist on volume "
                + v.path(), "uuid"));
        if (v.type != VolumeType.RW) {
            throw new OntapException(400, OntapErrors.SNAPSHOT_DELETE_ONLY_ON_RW,
                    "Snapshot copies can only be deleted on read-write volumes; " + v.path() + " is " + v.type.rest());
        }
        if (!s.owners.isEmpty()) {
            throw new OntapException(409, OntapErrors.SNAPSHOT_HAS_OWNER, "Snapshot copy \"" + s.name
                    + "\" has owners " + s.owners + " and cannot be deleted", "uuid");
        }
        return s;
    }

    // ---- SnapMirror ---------------------------------------------------------------------------------------------

    @Override
    public List<PolicyRecord> snapmirrorPolicies() {
        return policies.values().stream().map(Policy::record).toList();
    }

    @Override
    public JobRecord createSnapmirrorPolicy(PolicyRecord policy) {
        if (policies.containsKey(policy.name())) {
            throw new OntapException(409, OntapErrors.EXISTS, "Policy \"" + policy.name() + "\" already exists", "name");
        }
        if (!List.of("async", "sync", "continuous").contains(policy.type())) {
            throw new OntapException(400, OntapErrors.INVALID_VALUE, "\"" + policy.type()
                    + "\" is an invalid value for field \"type\"", "type");
        }
        return jobs.submit("snapmirror policy create " + policy.name(),
                () -> policies.put(policy.name(), new Policy(policy)));
    }

    Policy policy(String policyName) {
        Policy p = policies.get(policyName);
        if (p == null) {
            throw new OntapException(400, OntapErrors.SM_INVALID_POLICY, "Invalid SnapMirror policy \"" + policyName
                    + "\"; known policies: " + policies.keySet(), "policy.name");
        }
        return p;
    }

    @Override
    public List<ScheduleRecord> schedules() {
        return schedules.values().stream().map(CronSchedule::record).toList();
    }

    @Override
    public JobRecord createSchedule(ScheduleRecord schedule) {
        if (schedules.containsKey(schedule.name())) {
            throw new OntapException(409, OntapErrors.EXISTS, "Schedule \"" + schedule.name() + "\" already exists",
                    "name");
        }
        CronSchedule cron = new CronSchedule(schedule);
        return jobs.submit("schedule create " + schedule.name(), () -> schedules.put(schedule.name(), cron));
    }

    CronSchedule schedule(String scheduleName) {
        CronSchedule cron = schedules.get(scheduleName);
        if (cron == null) {
            throw new OntapException(404, OntapErrors.SM_SCHEDULE_NOT_FOUND, "Schedule \"" + scheduleName
                    + "\" not found; known schedules: " + schedules.keySet(), "transfer_schedule.name");
        }
        return cron;
    }

    @Override
    public List<RelationshipRecord> relationships(boolean listDestinationsOnly) {
        return emulator.snapMirror().visibleFrom(this, listDestinationsOnly).stream()
                .map(r -> r.record(world.now())).toList();
    }

    @Override
    public Optional<RelationshipRecord> relationshipTo(String destinationPath) {
        return emulator.snapMirror().into(this, destinationPath).map(r -> r.record(world.now()));
    }

    @Override
    public Optional<RelationshipRecord> relationship(String relationshipUuid) {
        try {
            return Optional.of(emulator.snapMirror().require(this, relationshipUuid).record(world.now()));
        } catch (OntapException notFound) {
            return Optional.empty();
        }
    }

    @Override
    public JobRecord createRelationship(RelationshipCreate request) {
        return emulator.snapMirror().create(this, request);
    }

    @Override
    public JobRecord patchRelationship(String relationshipUuid, RelationshipPatch patch) {
        if (patch.state() == null) {
            throw new OntapException(400, OntapErrors.INVALID, "Field \"state\" is required", "state");
        }
        return emulator.snapMirror().patch(this, relationshipUuid, patch);
    }

    @Override
    public TransferRecord startTransfer(String relationshipUuid, String sourceSnapshot) {
        return emulator.snapMirror().update(this, relationshipUuid, sourceSnapshot);
    }

    @Override
    public List<TransferRecord> transfers(String relationshipUuid) {
        Relationship r = emulator.snapMirror().require(this, relationshipUuid);
        return r.transfers.stream().map(t -> t.record(r.uuid)).toList();
    }

    @Override
    public JobRecord abortTransfer(String relationshipUuid, String transferUuid, boolean hard) {
        return emulator.snapMirror().abort(this, relationshipUuid, transferUuid, hard);
    }

    @Override
    public JobRecord deleteRelationship(String relationshipUuid, DeleteScope scope) {
        return emulator.snapMirror().delete(this, relationshipUuid, scope);
    }

    @Override
    public JobRecord job(String jobUuid) {
        return jobs.get(jobUuid);
    }

    @Override
    public List<JobRecord> jobs() {
        return jobs.all();
    }
}
