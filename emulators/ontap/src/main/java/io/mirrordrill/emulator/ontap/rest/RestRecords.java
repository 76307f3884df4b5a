package io.mirrordrill.emulator.ontap.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.ontap.ClusterPeerRecord;
import io.mirrordrill.port.ontap.ClusterRecord;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.JobState;
import io.mirrordrill.port.ontap.PolicyRecord;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.ScheduleRecord;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.SvmPeerRecord;
import io.mirrordrill.port.ontap.SvmRecord;
import io.mirrordrill.port.ontap.TransferRecord;
import io.mirrordrill.port.ontap.VolumeRecord;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The port's records in ONTAP's JSON shape; the field names are those of {@link Resource}. A reference to an SVM
 * carries its {@code name} and {@code uuid}, and {@code _links} when the SVM is on this cluster; a relationship's
 * policy carries {@code name}, {@code type}, {@code uuid} and {@code _links}.
 */
final class RestRecords {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private RestRecords() {}

    static ObjectNode cluster(ClusterRecord c) {
        Json json = Json.object().put("name", c.name()).put("uuid", c.uuid()).put("version.full", c.version())
                .put("location", c.site());
        Matcher m = VERSION.matcher(c.version());
        if (m.find()) {
            json.put("version.generation", Integer.parseInt(m.group(1)))
                    .put("version.major", Integer.parseInt(m.group(2)))
                    .put("version.minor", m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        }
        return json.node();
    }

    static ObjectNode job(JobRecord j) {
        Json json = Json.object().put("uuid", j.uuid()).put("description", j.description())
                .put("state", j.state().rest()).put("message", j.message()).put("code", code(j.code()))
                .put("start_time", j.startTime()).put("end_time", j.endTime());
        if (j.state() == JobState.FAILURE) {
            json.put("error.code", j.code()).put("error.message", j.message());
        }
        return json.node();
    }

    /** ONTAP sends a job's code as a number. */
    private static Object code(String code) {
        return code != null && code.matches("\\d{1,18}") ? (Object) Long.parseLong(code) : code;
    }

    static ObjectNode svm(SvmRecord s) {
        return Json.object().put("uuid", s.uuid()).put("name", s.name()).put("subtype", s.subtype().rest())
                .put("state", s.state().rest()).node();
    }

    static ObjectNode clusterPeer(ClusterPeerRecord p) {
        return Json.object().put("uuid", p.uuid()).put("name", p.remoteName()).put("remote.name", p.remoteName())
                .put("remote.ip_addresses", p.remoteAddresses()).put("status.state", p.state()).node();
    }

    static ObjectNode svmPeer(SvmPeerRecord p) {
        return Json.object().put("uuid", p.uuid()).put("svm", localSvm(p.svm(), p.svmUuid()))
                .put("peer.svm.name", p.peerSvm()).put("peer.svm.uuid", p.peerSvmUuid())
                .put("peer.cluster.name", p.peerCluster()).put("state", p.state())
                .put("applications", p.applications()).node();
    }

    static ObjectNode volume(VolumeRecord v) {
        return Json.object().put("uuid", v.uuid()).put("name", v.name()).put("svm", localSvm(v.svm(), v.svmUuid()))
                .put("size", v.size()).put("type", v.type().rest()).put("state", v.state())
                .put("create_time", v.createTime()).put("snapshot_policy.name", v.snapshotPolicy())
                .put("snapmirror.is_protected", v.isProtected()).put("space.used", v.usedBytes()).node();
    }

    static ObjectNode snapshot(String volumeUuid, SnapshotRecord s) {
        return Json.object().put("uuid", s.uuid()).put("name", s.name()).put("volume.uuid", volumeUuid)
                .put("create_time", s.createTime()).put("comment", s.comment())
                .put("snapmirror_label", s.snapmirrorLabel()).put("owners", s.owners()).put("state", s.state())
                .put("size", s.size()).node();
    }

    static ObjectNode policy(String uuid, PolicyRecord p) {
        List<ObjectNode> retention = p.retention() == null ? List.of() : p.retention().stream()
                .map(r -> Json.object().put("label", r.label()).put("count", r.count()).node()).toList();
        return Json.object().put("uuid", uuid).put("name", p.name()).put("type", p.type())
                .put("copy_all_source_snapshots", p.copyAllSourceSnapshots())
                .put("identity_preservation", p.identityPreservation()).put("retention", retention).node();
    }

    static ObjectNode schedule(String uuid, ScheduleRecord s) {
        return Json.object().put("uuid", uuid).put("name", s.name()).put("type", "cron")
                .put("cron.minutes", s.minutes()).put("cron.hours", s.hours()).put("cron.days", s.days())
                .put("cron.weekdays", s.weekdays()).put("cron.months", s.months()).node();
    }

    static ObjectNode relationship(RelationshipRecord r) {
        List<ObjectNode> unhealthy = r.unhealthyReason().stream()
                .map(u -> Json.object().put("code", u.code()).put("message", u.message()).node()).toList();
        return Json.object().put("uuid", r.uuid()).put("source.path", r.sourcePath())
                .put("source.svm.name", svmOf(r.sourcePath())).put("source.svm.uuid", r.sourceSvmUuid())
                .put("source.cluster.name", r.sourceCluster()).put("destination.path", r.destinationPath())
                .put("destination.svm.name", svmOf(r.destinationPath()))
                .put("destination.svm.uuid", r.destinationSvmUuid())
                .put("destination.cluster.name", r.destinationCluster()).put("policy.name", r.policy())
                .put("policy.type", r.policyType()).put("policy.uuid", r.policyUuid())
                .put("policy._links.self.href", "/api/snapmirror/policies/" + r.policyUuid())
                .put("state", r.state().rest()).put("healthy", r.healthy())
                .put("unhealthy_reason", unhealthy).put("exported_snapshot", r.exportedSnapshot())
                .put("lag_time", r.lagTime()).put("last_transfer_type", r.lastTransferType())
                .put("transfer", r.transfer() == null ? null : transferFields(r.transfer()).node())
                .put("transfer_schedule.name", r.transferSchedule()).put("group_type", r.groupType())
                .put("identity_preservation", r.identityPreservation()).node();
    }

    static ObjectNode transfer(TransferRecord t) {
        return transferFields(t).put("relationship.uuid", t.relationshipUuid()).node();
    }

    private static Json transferFields(TransferRecord t) {
        return Json.object().put("uuid", t.uuid()).put("type", t.type()).put("state", t.state().rest())
                .put("bytes_transferred", t.bytesTransferred()).put("start_time", t.startTime())
                .put("end_time", t.endTime()).put("total_duration", t.totalDuration())
                .put("snapshot", t.snapshot()).put("error_info.code", t.errorCode())
                .put("error_info.message", t.errorMessage());
    }

    /** A reference to an SVM of this cluster, with its link. */
    private static ObjectNode localSvm(String name, String uuid) {
        return Json.object().put("name", name).put("uuid", uuid).put("_links.self.href", "/api/svm/svms/" + uuid)
                .node();
    }

    private static String svmOf(String path) {
        return path.substring(0, path.indexOf(':'));
    }
}
