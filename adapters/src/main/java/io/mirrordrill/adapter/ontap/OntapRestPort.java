package io.mirrordrill.adapter.ontap;

import static io.mirrordrill.adapter.ontap.Query.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.util.List;
import java.util.Optional;

/**
 * {@link OntapPort} over ONTAP's REST API: each method is the request its javadoc in {@code OntapPort} names.
 * Mutating calls answer with the job they started, read back from {@code /api/cluster/jobs/{uuid}}. Lookups by name
 * ask the server with a field query and keep only exact matches (a name is never taken for a pattern).
 */
public final class OntapRestPort implements OntapPort {
    private static final String VOLUMES = "/api/storage/volumes";
    private static final String RELATIONSHIPS = "/api/snapmirror/relationships";

    private final OntapHttp http;

    public OntapRestPort(OntapRestConfig config) {
        this.http = new OntapHttp(config);
    }

    @Override
    public ClusterRecord cluster() {
        return OntapRecords.cluster(http.get("/api/cluster", Query.fields(OntapRecords.CLUSTER)));
    }

    // ---- SVMs ---------------------------------------------------------------------------------------------------

    @Override
    public List<SvmRecord> svms() {
        return http.records("/api/svm/svms", Query.fields(OntapRecords.SVM)).stream().map(OntapRecords::svm)
                .toList();
    }

    @Override
    public Optional<SvmRecord> svm(String name) {
        return http.records("/api/svm/svms", Query.fields(OntapRecords.SVM).add("name", name)).stream()
                .map(OntapRecords::svm).filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public JobRecord createSvm(String name, SvmSubtype subtype) {
        return job("POST", "/api/svm/svms", body().put("name", name).put("subtype", subtype.rest()));
    }

    @Override
    public JobRecord setSvmState(String name, SvmState state) {
        SvmRecord svm = svm(name).orElseThrow(() -> new OntapException(404, OntapErrors.VOLUME_SVM_NOT_FOUND,
                "SVM \"" + name + "\" does not exist on cluster " + http.base(), "name"));
        return job("PATCH", "/api/svm/svms/" + segment(svm.uuid()), body().put("state", state.rest()));
    }

    // ---- peering ------------------------------------------------------------------------------------------------

    @Override
    public List<ClusterPeerRecord> clusterPeers() {
        return http.records("/api/cluster/peers", Query.fields(OntapRecords.CLUSTER_PEER)).stream()
                .map(OntapRecords::clusterPeer).toList();
    }

    @Override
    public ClusterPeerRecord createClusterPeer(List<String> remoteAddresses, String passphrase) {
        String uuid = created(http.send("POST", "/api/cluster/peers",
                OntapBodies.clusterPeer(remoteAddresses, passphrase)), "/api/cluster/peers");
        return OntapRecords.clusterPeer(http.get("/api/cluster/peers/" + segment(uuid),
                Query.fields(OntapRecords.CLUSTER_PEER)));
    }

    @Override
    public List<SvmPeerRecord> svmPeers() {
        return http.records("/api/svm/peers", Query.fields(OntapRecords.SVM_PEER)).stream()
                .map(OntapRecords::svmPeer).toList();
    }

    @Override
    public JobRecord createSvmPeer(String svm, String peerCluster, String peerSvm, List<String> applications) {
        return job("POST", "/api/svm/peers", OntapBodies.svmPeer(svm, peerCluster, peerSvm, applications));
    }

    @Override
    public JobRecord acceptSvmPeer(String uuid) {
        return job("PATCH", "/api/svm/peers/" + segment(uuid), body().put("state", "peered"));
    }

    // ---- volumes and snapshots ----------------------------------------------------------------------------------

    @Override
    public List<VolumeRecord> volumes(String svm) {
        return http.records(VOLUMES, Query.fields(OntapRecords.VOLUME).add("svm.name", svm)).stream()
                .map(OntapRecords::volume).filter(v -> svm == null || v.svm().equals(svm)).toList();
    }

    @Override
    public Optional<VolumeRecord> volume(String svm, String name) {
        return http.records(VOLUMES, Query.fields(OntapRecords.VOLUME).add("svm.name", svm).add("name", name))
                .stream().map(OntapRecords::volume).filter(v -> v.svm().equals(svm) && v.name().equals(name))
                .findFirst();
    }

    @Override
    public JobRecord createVolume(VolumeCreate request) {
        return job("POST", VOLUMES, OntapBodies.volume(request));
    }

    @Override
    public JobRecord deleteVolume(String volumeUuid) {
        return job("DELETE", VOLUMES + "/" + segment(volumeUuid), null);
    }

    @Override
    public JobRecord restoreVolume(String volumeUuid, String snapshotName, boolean force) {
        return job("PATCH", VOLUMES + "/" + segment(volumeUuid), OntapBodies.restore(snapshotName, force));
    }

    @Override
    public JobRecord modifyVolume(String volumeUuid, VolumeModify modify) {
        return job("PATCH", VOLUMES + "/" + segment(volumeUuid), OntapBodies.modify(modify));
    }

    @Override
    public List<SnapshotRecord> snapshots(String volumeUuid) {
        return http.records(snapshotsOf(volumeUuid), Query.fields(OntapRecords.SNAPSHOT)
                .add("order_by", "create_time")).stream().map(OntapRecords::snapshot).toList();
    }

    @Override
    public JobRecord createSnapshot(String volumeUuid, String name, String comment, String snapmirrorLabel) {
        return job("POST", snapshotsOf(volumeUuid), OntapBodies.snapshot(name, comment, snapmirrorLabel));
    }

    @Override
    public JobRecord deleteSnapshot(String volumeUuid, String snapshotUuid) {
        return job("DELETE", snapshotsOf(volumeUuid) + "/" + segment(snapshotUuid), null);
    }

    private static String snapshotsOf(String volumeUuid) {
        return VOLUMES + "/" + segment(volumeUuid) + "/snapshots";
    }

    // ---- SnapMirror ---------------------------------------------------------------------------------------------

    @Override
    public List<PolicyRecord> snapmirrorPolicies() {
        return http.records("/api/snapmirror/policies", Query.fields(OntapRecords.POLICY)).stream()
                .map(OntapRecords::policy).toList();
    }

    @Override
    public JobRecord createSnapmirrorPolicy(PolicyRecord policy) {
        return job("POST", "/api/snapmirror/policies", OntapBodies.policy(policy));
    }

    @Override
    public List<ScheduleRecord> schedules() {
        return http.records("/api/cluster/schedules", Query.fields(OntapRecords.SCHEDULE).add("type", "cron"))
                .stream().map(OntapRecords::schedule).toList();
    }

    @Override
    public JobRecord createSchedule(ScheduleRecord schedule) {
        return job("POST", "/api/cluster/schedules", OntapBodies.schedule(schedule));
    }

    @Override
    public List<RelationshipRecord> relationships(boolean listDestinationsOnly) {
        return http.records(RELATIONSHIPS, Query.fields(OntapRecords.RELATIONSHIP)
                .add("list_destinations_only", listDestinationsOnly ? "true" : null)).stream()
                .map(OntapRecords::relationship).toList();
    }

    @Override
    public Optional<RelationshipRecord> relationshipTo(String destinationPath) {
        return http.records(RELATIONSHIPS, Query.fields(OntapRecords.RELATIONSHIP)
                .add("destination.path", destinationPath)).stream().map(OntapRecords::relationship).findFirst();
    }

    @Override
    public Optional<RelationshipRecord> relationship(String uuid) {
        try {
            return Optional.of(OntapRecords.relationship(http.get(RELATIONSHIPS + "/" + segment(uuid),
                    Query.fields(OntapRecords.RELATIONSHIP))));
        } catch (OntapException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public JobRecord createRelationship(RelationshipCreate request) {
        return job("POST", RELATIONSHIPS, OntapBodies.relationship(request));
    }

    @Override
    public JobRecord patchRelationship(String uuid, RelationshipPatch patch) {
        return job("PATCH", RELATIONSHIPS + "/" + segment(uuid), OntapBodies.relationshipPatch(patch));
    }

    @Override
    public TransferRecord startTransfer(String relationshipUuid, String sourceSnapshot) {
        ObjectNode body = body();
        if (sourceSnapshot != null) {
            body.put("source_snapshot", sourceSnapshot);
        }
        String transfers = transfersOf(relationshipUuid);
        String uuid = created(http.send("POST", transfers, body), transfers);
        return OntapRecords.transfer(http.get(transfers + "/" + segment(uuid), Query.fields(OntapRecords.TRANSFER)),
                relationshipUuid);
    }

    @Override
    public List<TransferRecord> transfers(String relationshipUuid) {
        return http.records(transfersOf(relationshipUuid), Query.fields(OntapRecords.TRANSFER)
                .add("order_by", "start_time")).stream().map(t -> OntapRecords.transfer(t, relationshipUuid))
                .toList();
    }

    @Override
    public JobRecord abortTransfer(String relationshipUuid, String transferUuid, boolean hard) {
        return job("PATCH", transfersOf(relationshipUuid) + "/" + segment(transferUuid),
                body().put("state", hard ? "hard_aborted" : "aborted"));
    }

    private static String transfersOf(String relationshipUuid) {
        return RELATIONSHIPS + "/" + segment(relationshipUuid) + "/transfers";
    }

    @Override
    public JobRecord deleteRelationship(String uuid, DeleteScope scope) {
        Query query = new Query().add("source_only", scope == DeleteScope.SOURCE_ONLY ? "true" : null)
                .add("destination_only", scope == DeleteScope.DESTINATION_ONLY ? "true" : null);
        return job("DELETE", RELATIONSHIPS + "/" + segment(uuid) + query, null);
    }

    // ---- jobs ---------------------------------------------------------------------------------------------------

    @Override
    public JobRecord job(String uuid) {
        return OntapRecords.job(http.get("/api/cluster/jobs/" + segment(uuid), Query.fields(OntapRecords.JOB)));
    }

    @Override
    public List<JobRecord> jobs() {
        return http.records("/api/cluster/jobs", Query.fields(OntapRecords.JOB)).stream().map(OntapRecords::job)
                .toList();
    }

    /** Sends a mutating request and reads back the job it started. */
    private JobRecord job(String method, String path, ObjectNode body) {
        JsonNode answer = http.send(method, path, body);
        String uuid = OntapRecords.text(answer, "job.uuid");
        if (uuid == null) {
            throw new OntapException(502, OntapErrors.INVALID, method + " " + path + " on " + http.base()
                    + " answered without a job");
        }
        return job(uuid);
    }

    /** The uuid of the record a POST created (ONTAP answers 201 with it in {@code records}). */
    private String created(JsonNode answer, String path) {
        String uuid = OntapRecords.text(answer.path("records").path(0), "uuid");
        if (uuid == null) {
            throw new OntapException(502, OntapErrors.INVALID, "POST " + path + " on " + http.base()
                    + " answered without the created record");
        }
        return uuid;
    }

    private static ObjectNode body() {
        return OntapBodies.object();
    }

    @Override
    public String toString() {
        return "OntapRestPort[" + http.base() + "]";
    }
}
