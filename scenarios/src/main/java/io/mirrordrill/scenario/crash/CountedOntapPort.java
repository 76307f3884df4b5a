package io.mirrordrill.scenario.crash;

import io.mirrordrill.port.ontap.ClusterPeerRecord;
import io.mirrordrill.port.ontap.ClusterRecord;
import io.mirrordrill.port.ontap.DeleteScope;
import io.mirrordrill.port.ontap.JobRecord;
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

import java.util.List;
import java.util.Optional;

/**
 * The ONTAP port with each call counted by the crash point ({@link CrashingPorts#call}): a plain forwarding
 * class rather than a reflective proxy, which boxed every call's arguments and invoked the target reflectively.
 * The compiler keeps it complete: a method added to the port must be forwarded here, defaults included (each
 * counts as the one call the engine made, as the proxy counted it).
 */
final class CountedOntapPort implements OntapPort {
    private final CrashingPorts crash;
    private final OntapPort target;

    CountedOntapPort(CrashingPorts crash, OntapPort target) {
        this.crash = crash;
        this.target = target;
    }

    @Override
    public ClusterRecord cluster() {
        return crash.call(() -> target.cluster());
    }

    @Override
    public List<SvmRecord> svms() {
        return crash.call(() -> target.svms());
    }

    @Override
    public Optional<SvmRecord> svm(String name) {
        return crash.call(() -> target.svm(name));
    }

    @Override
    public JobRecord createSvm(String name, SvmSubtype subtype) {
        return crash.call(() -> target.createSvm(name, subtype));
    }

    @Override
    public JobRecord setSvmState(String name, SvmState state) {
        return crash.call(() -> target.setSvmState(name, state));
    }

    @Override
    public List<ClusterPeerRecord> clusterPeers() {
        return crash.call(() -> target.clusterPeers());
    }

    @Override
    public ClusterPeerRecord createClusterPeer(List<String> remoteAddresses, String passphrase) {
        return crash.call(() -> target.createClusterPeer(remoteAddresses, passphrase));
    }

    @Override
    public List<SvmPeerRecord> svmPeers() {
        return crash.call(() -> target.svmPeers());
    }

    @Override
    public JobRecord createSvmPeer(String svm, String peerCluster, String peerSvm, List<String> applications) {
        return crash.call(() -> target.createSvmPeer(svm, peerCluster, peerSvm, applications));
    }

    @Override
    public JobRecord acceptSvmPeer(String uuid) {
        return crash.call(() -> target.acceptSvmPeer(uuid));
    }

    @Override
    public List<VolumeRecord> volumes(String svm) {
        return crash.call(() -> target.volumes(svm));
    }

    @Override
    public Optional<VolumeRecord> volume(String svm, String name) {
        return crash.call(() -> target.volume(svm, name));
    }

    @Override
    public JobRecord createVolume(VolumeCreate request) {
        return crash.call(() -> target.createVolume(request));
    }

    @Override
    public JobRecord deleteVolume(String volumeUuid) {
        return crash.call(() -> target.deleteVolume(volumeUuid));
    }

    @Override
    public JobRecord restoreVolume(String volumeUuid, String snapshotName, boolean force) {
        return crash.call(() -> target.restoreVolume(volumeUuid, snapshotName, force));
    }

    @Override
    public JobRecord modifyVolume(String volumeUuid, VolumeModify modify) {
        return crash.call(() -> target.modifyVolume(volumeUuid, modify));
    }

    @Override
    public List<SnapshotRecord> snapshots(String volumeUuid) {
        return crash.call(() -> target.snapshots(volumeUuid));
    }

    @Override
    public JobRecord createSnapshot(String volumeUuid, String name, String comment, String snapmirrorLabel) {
        return crash.call(() -> target.createSnapshot(volumeUuid, name, comment, snapmirrorLabel));
    }

    @Override
    public JobRecord deleteSnapshot(String volumeUuid, String snapshotUuid) {
        return crash.call(() -> target.deleteSnapshot(volumeUuid, snapshotUuid));
    }

    @Override
    public List<PolicyRecord> snapmirrorPolicies() {
        return crash.call(() -> target.snapmirrorPolicies());
    }

    @Override
    public JobRecord createSnapmirrorPolicy(PolicyRecord policy) {
        return crash.call(() -> target.createSnapmirrorPolicy(policy));
    }

    @Override
    public List<ScheduleRecord> schedules() {
        return crash.call(() -> target.schedules());
    }

    @Override
    public JobRecord createSchedule(ScheduleRecord schedule) {
        return crash.call(() -> target.createSchedule(schedule));
    }

    @Override
    public List<RelationshipRecord> relationships(boolean listDestinationsOnly) {
        return crash.call(() -> target.relationships(listDestinationsOnly));
    }

    @Override
    public Optional<RelationshipRecord> relationshipTo(String destinationPath) {
        return crash.call(() -> target.relationshipTo(destinationPath));
    }

    @Override
    public Optional<RelationshipRecord> relationship(String uuid) {
        return crash.call(() -> target.relationship(uuid));
    }

    @Override
    public JobRecord createRelationship(RelationshipCreate request) {
        return crash.call(() -> target.createRelationship(request));
    }

    @Override
    public JobRecord patchRelationship(String uuid, RelationshipPatch patch) {
        return crash.call(() -> target.patchRelationship(uuid, patch));
    }

    @Override
    public TransferRecord startTransfer(String relationshipUuid, String sourceSnapshot) {
        return crash.call(() -> target.startTransfer(relationshipUuid, sourceSnapshot));
    }

    @Override
    public List<TransferRecord> transfers(String relationshipUuid) {
        return crash.call(() -> target.transfers(relationshipUuid));
    }

    @Override
    public JobRecord abortTransfer(String relationshipUuid, String transferUuid, boolean hard) {
        return crash.call(() -> target.abortTransfer(relationshipUuid, transferUuid, hard));
    }

    @Override
    public JobRecord deleteRelationship(String uuid, DeleteScope scope) {
        return crash.call(() -> target.deleteRelationship(uuid, scope));
    }

    @Override
    public JobRecord job(String uuid) {
        return crash.call(() -> target.job(uuid));
    }

    @Override
    public List<JobRecord> jobs() {
        return crash.call(() -> target.jobs());
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
