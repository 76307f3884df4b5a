package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.UnreachableException;
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
import io.mirrordrill.sim.World;

import java.util.List;
import java.util.Optional;

/**
 * A cluster's management API as seen from a caller's site: each call first checks that the site can reach the
 * cluster and throws {@link UnreachableException} otherwise. A plain forwarding class rather than a reflective proxy
 * (which boxed every call's arguments); the compiler keeps it complete when the port gains a method.
 */
final class ReachablePort implements OntapPort {
    private final World world;
    private final String callerSite;
    private final OntapCluster target;

    ReachablePort(World world, String callerSite, OntapCluster target) {
        this.world = world;
        this.callerSite = callerSite;
        this.target = target;
    }

    @Override
    public ClusterRecord cluster() {
        return reached().cluster();
    }

    @Override
    public List<SvmRecord> svms() {
        return reached().svms();
    }

    @Override
    public Optional<SvmRecord> svm(String name) {
        return reached().svm(name);
    }

    @Override
    public JobRecord createSvm(String name, SvmSubtype subtype) {
        return reached().createSvm(name, subtype);
    }

    @Override
    public JobRecord setSvmState(String name, SvmState state) {
        return reached().setSvmState(name, state);
    }

    @Override
    public List<ClusterPeerRecord> clusterPeers() {
        return reached().clusterPeers();
    }

    @Override
    public ClusterPeerRecord createClusterPeer(List<String> remoteAddresses, String passphrase) {
        return reached().createClusterPeer(remoteAddresses, passphrase);
    }

    @Override
    public List<SvmPeerRecord> svmPeers() {
        return reached().svmPeers();
    }

    @Override
    public JobRecord createSvmPeer(String svm, String peerCluster, String peerSvm, List<String> applications) {
        return reached().createSvmPeer(svm, peerCluster, peerSvm, applications);
    }

    @Override
    public JobRecord acceptSvmPeer(String uuid) {
        return reached().acceptSvmPeer(uuid);
    }

    @Override
    public List<VolumeRecord> volumes(String svm) {
        return reached().volumes(svm);
    }

    @Override
    public Optional<VolumeRecord> volume(String svm, String name) {
        return reached().volume(svm, name);
    }

    @Override
    public JobRecord createVolume(VolumeCreate request) {
        return reached().createVolume(request);
    }

    @Override
    public JobRecord deleteVolume(String volumeUuid) {
        return reached().deleteVolume(volumeUuid);
    }

    @Override
    public JobRecord restoreVolume(String volumeUuid, String snapshotName, boolean force) {
        return reached().restoreVolume(volumeUuid, snapshotName, force);
    }

    @Override
    public JobRecord modifyVolume(String volumeUuid, VolumeModify modify) {
        return reached().modifyVolume(volumeUuid, modify);
    }

    @Override
    public List<SnapshotRecord> snapshots(String volumeUuid) {
        return reached().snapshots(volumeUuid);
    }

    @Override
    public JobRecord createSnapshot(String volumeUuid, String name, String comment, String snapmirrorLabel) {
        return reached().createSnapshot(volumeUuid, name, comment, snapmirrorLabel);
    }

    @Override
    public JobRecord deleteSnapshot(String volumeUuid, String snapshotUuid) {
        return reached().deleteSnapshot(volumeUuid, snapshotUuid);
    }

    @Override
    public List<PolicyRecord> snapmirrorPolicies() {
        return reached().snapmirrorPolicies();
    }

    @Override
    public JobRecord createSnapmirrorPolicy(PolicyRecord policy) {
        return reached().createSnapmirrorPolicy(policy);
    }

    @Override
    public List<ScheduleRecord> schedules() {
        return reached().schedules();
    }

    @Override
    public JobRecord createSchedule(ScheduleRecord schedule) {
        return reached().createSchedule(schedule);
    }

    @Override
    public List<RelationshipRecord> relationships(boolean listDestinationsOnly) {
        return reached().relationships(listDestinationsOnly);
    }

    @Override
    public Optional<RelationshipRecord> relationshipTo(String destinationPath) {
        return reached().relationshipTo(destinationPath);
    }

    @Override
    public Optional<RelationshipRecord> relationship(String uuid) {
        return reached().relationship(uuid);
    }

    @Override
    public JobRecord createRelationship(RelationshipCreate request) {
        return reached().createRelationship(request);
    }

    @Override
    public JobRecord patchRelationship(String uuid, RelationshipPatch patch) {
        return reached().patchRelationship(uuid, patch);
    }

    @Override
    public TransferRecord startTransfer(String relationshipUuid, String sourceSnapshot) {
        return reached().startTransfer(relationshipUuid, sourceSnapshot);
    }

    @Override
    public List<TransferRecord> transfers(String relationshipUuid) {
        return reached().transfers(relationshipUuid);
    }

    @Override
    public JobRecord abortTransfer(String relationshipUuid, String transferUuid, boolean hard) {
        return reached().abortTransfer(relationshipUuid, transferUuid, hard);
    }

    @Override
    public JobRecord deleteRelationship(String uuid, DeleteScope scope) {
        return reached().deleteRelationship(uuid, scope);
    }

    @Override
    public JobRecord job(String uuid) {
        return reached().job(uuid);
    }

    @Override
    public List<JobRecord> jobs() {
        return reached().jobs();
    }

    /** The cluster, once the caller's site is found to reach it. */
    private OntapCluster reached() {
        if (!world.network().reachable(callerSite, target.site)) {
            throw new UnreachableException("ONTAP cluster " + target.name(), "no route from site " + callerSite
                    + " to site " + target.site);
        }
        return target;
    }

    @Override
    public String toString() {
        return "OntapPort[" + target.name() + " from " + callerSite + "]";
    }
}
