package io.mirrordrill.adapter.ontap;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.ontap.ClusterPeerRecord;
import io.mirrordrill.port.ontap.ClusterRecord;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.JobState;
import io.mirrordrill.port.ontap.PolicyRecord;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.RelationshipState;
import io.mirrordrill.port.ontap.ScheduleRecord;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.SvmPeerRecord;
import io.mirrordrill.port.ontap.SvmRecord;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.port.ontap.TransferRecord;
import io.mirrordrill.port.ontap.TransferState;
import io.mirrordrill.port.ontap.UnhealthyReason;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.port.ontap.VolumeType;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ONTAP's JSON records read into the port's records. The field lists are what the adapter asks for with
 * {@code fields=}; an absent field reads as null (or false, 0, an empty list).
 */
final class OntapRecords {
    static final String CLUSTER = "name,uuid,version,location";
    static final String SVM = "uuid,name,subtype,state";
    static final String CLUSTER_PEER = "uuid,name,remote.name,remote.ip_addresses,status.state";
    static final String SVM_PEER = "uuid,svm.name,svm.uuid,peer.svm.name,peer.svm.uuid,peer.cluster.name,state,"
            + "applications";
    static final String VOLUME = "uuid,name,svm.name,svm.uuid,size,type,state,create_time,snapshot_policy.name,"
            + "snapmirror.is_protected,space.used";
    static final String SNAPSHOT = "uuid,name,create_time,comment,snapmirror_label,owners,state,size";
    static final String POLICY = "name,type,copy_all_source_snapshots,identity_preservation,retention";
    static final String SCHEDULE = "name,cron";
    static final String TRANSFER = "uuid,relationship.uuid,type,state,bytes_transferred,start_time,end_time,"
            + "total_duration,snapshot,error_info";
    static final String RELATIONSHIP = "uuid,source,destination,policy,state,healthy,unhealthy_reason,"
            + "exported_snapshot,lag_time,last_transfer_type,transfer,transfer_schedule,group_type,"
            + "identity_preservation";
    static final String JOB = "uuid,description,state,message,code,start_time,end_time,error";

    private OntapRecords() {}

    static ClusterRecord cluster(JsonNode n) {
        return new ClusterRecord(text(n, "name"), text(n, "uuid"), text(n, "version.full"), text(n, "location"));
    }

    static SvmRecord svm(JsonNode n) {
        return new SvmRecord(text(n, "uuid"), text(n, "name"), enumOf(SvmSubtype.class, text(n, "subtype")),
                enumOf(SvmState.class, text(n, "state")));
    }

    static ClusterPeerRecord clusterPeer(JsonNode n) {
        String remote = text(n, "remote.name") != null ? text(n, "remote.name") : text(n, "name");
        return new ClusterPeerRecord(text(n, "uuid"), remote, texts(n, "remote.ip_addresses"),
                text(n, "status.state"));
    }

    static SvmPeerRecord svmPeer(JsonNode n) {
        return new SvmPeerRecord(text(n, "uuid"), text(n, "svm.name"), text(n, "peer.svm.name"),
                text(n, "peer.cluster.name"), text(n, "state"), texts(n, "applications"), text(n, "svm.uuid"),
                text(n, "peer.svm.uuid"));
    }

    static VolumeRecord volume(JsonNode n) {
        return new VolumeRecord(text(n, "uuid"), text(n, "name"), text(n, "svm.name"), number(n, "size"),
                enumOf(VolumeType.class, text(n, "type")), text(n, "state"), instant(n, "create_time"),
                text(n, "snapshot_policy.name"), bool(n, "snapmirror.is_protected"), number(n, "space.used"),
                text(n, "svm.uuid"));
    }

    static SnapshotRecord snapshot(JsonNode n) {
        return new SnapshotRecord(text(n, "uuid"), text(n, "name"), instant(n, "create_time"), text(n, "comment"),
                text(n, "snapmirror_label"), texts(n, "owners"), text(n, "state"), number(n, "size"));
    }

    static PolicyRecord policy(JsonNode n) {
        List<PolicyRecord.Retention> retention = new ArrayList<>();
        n.path("retention").forEach(r -> retention.add(new PolicyRecord.Retention(text(r, "label"),
                text(r, "count"))));
        return new PolicyRecord(text(n, "name"), text(n, "type"), bool(n, "copy_all_source_snapshots"),
                text(n, "identity_preservation"), retention);
    }

    static ScheduleRecord schedule(JsonNode n) {
        return new ScheduleRecord(text(n, "name"), integers(n, "cron.minutes"), integers(n, "cron.hours"),
                integers(n, "cron.days"), integers(n, "cron.weekdays"), integers(n, "cron.months"));
    }

    static TransferRecord transfer(JsonNode n, String relationshipUuid) {
        String relationship = text(n, "relationship.uuid") != null ? text(n, "relationship.uuid") : relationshipUuid;
        return new TransferRecord(text(n, "uuid"), relationship, text(n, "type"),
                enumOf(TransferState.class, text(n, "state")), number(n, "bytes_transferred"),
                instant(n, "start_time"), instant(n, "end_time"), duration(n, "total_duration"), text(n, "snapshot"),
                text(n, "error_info.code"), text(n, "error_info.message"));
    }

    static RelationshipRecord relationship(JsonNode n) {
        List<UnhealthyReason> unhealthy = new ArrayList<>();
        n.path("unhealthy_reason").forEach(u -> unhealthy.add(new UnhealthyReason(text(u, "code"),
                text(u, "message"))));
        JsonNode transfer = n.path("transfer");
        String uuid = text(n, "uuid");
        return new RelationshipRecord(uuid, text(n, "source.path"), text(n, "source.cluster.name"),
                text(n, "destination.path"), text(n, "destination.cluster.name"), text(n, "policy.name"),
                text(n, "policy.type"), enumOf(RelationshipState.class, text(n, "state")),
                !n.has("healthy") || bool(n, "healthy"), unhealthy, text(n, "exported_snapshot"),
                duration(n, "lag_time"), text(n, "last_transfer_type"),
                transfer.isObject() ? transfer(transfer, uuid) : null, text(n, "transfer_schedule.name"),
                text(n, "group_type"), text(n, "identity_preservation"), text(n, "source.svm.uuid"),
                text(n, "destination.svm.uuid"), text(n, "policy.uuid"));
    }

    static JobRecord job(JsonNode n) {
        return new JobRecord(text(n, "uuid"), text(n, "description"), enumOf(JobState.class, text(n, "state")),
                text(n, "message"), text(n, "code"), instant(n, "start_time"), instant(n, "end_time"));
    }

    // ---- fields -------------------------------------------------------------------------------------------------

    private static JsonNode at(JsonNode n, String path) {
        JsonNode node = n;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    static String text(JsonNode n, String path) {
        JsonNode v = at(n, path);
        return v == null ? null : v.asText();
    }

    private static long number(JsonNode n, String path) {
        JsonNode v = at(n, path);
        return v == null ? 0 : v.asLong();
    }

    private static boolean bool(JsonNode n, String path) {
        JsonNode v = at(n, path);
        return v != null && v.asBoolean();
    }

    private static List<String> texts(JsonNode n, String path) {
        List<String> out = new ArrayList<>();
        JsonNode v = at(n, path);
        if (v != null) {
            v.forEach(item -> out.add(item.asText()));
        }
        return out;
    }

    private static List<Integer> integers(JsonNode n, String path) {
        List<Integer> out = new ArrayList<>();
        JsonNode v = at(n, path);
        if (v != null) {
            v.forEach(item -> out.add(item.asInt()));
        }
        return out;
    }

    private static Instant instant(JsonNode n, String path) {
        String v = text(n, path);
        return v == null ? null : OffsetDateTime.parse(v).toInstant();
    }

    private static Duration duration(JsonNode n, String path) {
        String v = text(n, path);
        return v == null ? null : Duration.parse(v);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new io.mirrordrill.port.ontap.OntapException(502,
                    io.mirrordrill.port.ontap.OntapErrors.INVALID, "ONTAP answered a " + type.getSimpleName()
                    + " this client does not know: \"" + value + "\"");
        }
    }
}
