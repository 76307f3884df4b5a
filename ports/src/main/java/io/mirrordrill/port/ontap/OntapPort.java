package io.mirrordrill.port.ontap;

import java.util.List;
import java.util.Optional;

/**
 * One ONTAP cluster, as its REST API presents it. Each method names the endpoint it maps to, so the REST adapter is a
 * thin translation. Like the real API, mutating calls validate synchronously (throwing {@link OntapException} with
 * ONTAP's code) and otherwise return a job to poll; state changes such as a SnapMirror break are triggered here and
 * observed later through the records. Calls to a cluster that cannot be reached throw
 * {@link io.mirrordrill.port.UnreachableException}.
 */
public interface OntapPort {

    /** {@code GET /api/cluster}. */
    ClusterRecord cluster();

    // ---- SVMs ---------------------------------------------------------------------------------------------------

    /** {@code GET /api/svm/svms}. */
    List<SvmRecord> svms();

    /** {@code GET /api/svm/svms?name=}. */
    Optional<SvmRecord> svm(String name);

    /** {@code POST /api/svm/svms {name, subtype}}. */
    JobRecord createSvm(String name, SvmSubtype subtype);

    /** {@code PATCH /api/svm/svms/{uuid} {state}}: start or stop an SVM. */
    JobRecord setSvmState(String name, SvmState state);

    // ---- peering ------------------------------------------------------------------------------------------------

    /** {@code GET /api/cluster/peers}. */
    List<ClusterPeerRecord> clusterPeers();

    /** {@code POST /api/cluster/peers {remote.ip_addresses, authentication.passphrase}}; run on both clusters. */
    ClusterPeerRecord createClusterPeer(List<String> remoteAddresses, String passphrase);

    /** {@code GET /api/svm/peers}. */
    List<SvmPeerRecord> svmPeers();

    /** {@code POST /api/svm/peers {svm.name, peer.cluster.name, peer.svm.name, applications}}. */
    JobRecord createSvmPeer(String svm, String peerCluster, String peerSvm, List<String> applications);

    /** {@code PATCH /api/svm/peers/{uuid} {state: peered}} on the accepting cluster. */
    JobRecord acceptSvmPeer(String uuid);

    // ---- volumes and snapshots ----------------------------------------------------------------------------------

    /** {@code GET /api/storage/volumes?svm.name=} (all SVMs when {@code svm} is null). */
    List<VolumeRecord> volumes(String svm);

    /** {@code GET /api/storage/volumes?svm.name=&name=}. */
    Optional<VolumeRecord> volume(String svm, String name);

    /** {@code POST /api/storage/volumes}. */
    JobRecord createVolume(VolumeCreate request);

    /** {@code DELETE /api/storage/volumes/{uuid}}. */
    JobRecord deleteVolume(String volumeUuid);

    /**
     * {@code PATCH /api/storage/volumes/{uuid} {restore_to.snapshot.name, restore_to.snapshot.force}}: the volume
     * returns to the snapshot, later data and newer snapshots are discarded.
     */
    JobRecord restoreVolume(String volumeUuid, String snapshotName, boolean force);

    /**
     * {@code PATCH /api/storage/volumes/{uuid} {snapshot_policy.name, snapshot_directory_access_enabled}}
     * ({@code volume modify -snapshot-policy -snapdir-access}). Ports that do not model it refuse it.
     */
    default JobRecord modifyVolume(String volumeUuid, VolumeModify modify) {
        throw new OntapException(400, OntapErrors.NOT_SUPPORTED, "volume modify is not supported here");
    }

    /** {@code GET /api/storage/volumes/{uuid}/snapshots}, oldest first. */
    List<SnapshotRecord> snapshots(String volumeUuid);

    /** {@code POST /api/storage/volumes/{uuid}/snapshots {name, comment, snapmirror_label}}. */
    JobRecord createSnapshot(String volumeUuid, String name, String comment, String snapmirrorLabel);

    /** {@code DELETE /api/storage/volumes/{uuid}/snapshots/{snapshot uuid}}. */
    JobRecord deleteSnapshot(String volumeUuid, String snapshotUuid);

    // ---- SnapMirror ---------------------------------------------------------------------------------------------

    /** {@code GET /api/snapmirror/policies}. */
    List<PolicyRecord> snapmirrorPolicies();

    /** {@code POST /api/snapmirror/policies}. */
    JobRecord createSnapmirrorPolicy(PolicyRecord policy);

    /** {@code GET /api/cluster/schedules}. */
    List<ScheduleRecord> schedules();

    /** {@code POST /api/cluster/schedules {name, cron}}. */
    JobRecord createSchedule(ScheduleRecord schedule);

    /**
     * {@code GET /api/snapmirror/relationships}: relationships whose destination is on this cluster, or with
     * {@code listDestinationsOnly} ({@code list_destinations_only=true}) those whose source is here.
     */
    List<RelationshipRecord> relationships(boolean listDestinationsOnly);

    /**
     * {@code GET /api/snapmirror/relationships?destination.path=svm:volume}: the relationship into that volume of
     * this cluster. One record, where listing them all costs what the cluster holds: the engine asks this for every
     * volume it mirrors.
     */
    Optional<RelationshipRecord> relationshipTo(String destinationPath);

    /** {@code GET /api/snapmirror/relationships/{uuid}}, seen from either side. */
    Optional<RelationshipRecord> relationship(String uuid);

    /** {@code POST /api/snapmirror/relationships} on the destination cluster. */
    JobRecord createRelationship(RelationshipCreate request);

    /** {@code PATCH /api/snapmirror/relationships/{uuid}}: initialize, quiesce, resume, break, resync, reverse. */
    JobRecord patchRelationship(String uuid, RelationshipPatch patch);

    /** {@code POST /api/snapmirror/relationships/{uuid}/transfers}: an update (201, no job). */
    TransferRecord startTransfer(String relationshipUuid, String sourceSnapshot);

    /** {@code GET /api/snapmirror/relationships/{uuid}/transfers}, oldest first. */
    List<TransferRecord> transfers(String relationshipUuid);

    /** {@code PATCH /api/snapmirror/relationships/{uuid}/transfers/{t} {state: aborted|hard_aborted}}. */
    JobRecord abortTransfer(String relationshipUuid, String transferUuid, boolean hard);

    /** {@code DELETE /api/snapmirror/relationships/{uuid}} with {@code source_only} / {@code destination_only}. */
    JobRecord deleteRelationship(String uuid, DeleteScope scope);

    // ---- jobs ---------------------------------------------------------------------------------------------------

    /** {@code GET /api/cluster/jobs/{uuid}}. */
    JobRecord job(String uuid);

    /** {@code GET /api/cluster/jobs}: the cluster's jobs, oldest first. */
    List<JobRecord> jobs();
}
