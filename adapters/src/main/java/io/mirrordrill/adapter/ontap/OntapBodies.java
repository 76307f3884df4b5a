package io.mirrordrill.adapter.ontap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.ontap.PolicyRecord;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.ScheduleRecord;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeModify;

import java.util.List;

/** The JSON bodies the adapter sends, nested as ONTAP documents them; absent values are left out. */
final class OntapBodies {
    private OntapBodies() {}

    static ObjectNode object() {
        return OntapHttp.JSON.createObjectNode();
    }

    static ObjectNode clusterPeer(List<String> remoteAddresses, String passphrase) {
        ObjectNode body = object();
        ArrayNode addresses = body.putObject("remote").putArray("ip_addresses");
        (remoteAddresses == null ? List.<String>of() : remoteAddresses).forEach(addresses::add);
        body.putObject("authentication").put("passphrase", passphrase);
        return body;
    }

    static ObjectNode svmPeer(String svm, String peerCluster, String peerSvm, List<String> applications) {
        ObjectNode body = object();
        body.putObject("svm").put("name", svm);
        ObjectNode peer = body.putObject("peer");
        peer.putObject("cluster").put("name", peerCluster);
        peer.putObject("svm").put("name", peerSvm);
        if (applications != null) {
            applications.forEach(body.putArray("applications")::add);
        }
        return body;
    }

    static ObjectNode volume(VolumeCreate request) {
        ObjectNode body = object().put("name", request.name()).put("size", request.size());
        body.putObject("svm").put("name", request.svm());
        if (request.type() != null) {
            body.put("type", request.type().rest());
        }
        if (request.snapshotPolicy() != null) {
            body.putObject("snapshot_policy").put("name", request.snapshotPolicy());
        }
        if (request.isClone()) {
            ObjectNode clone = body.putObject("clone").put("is_flexclone", true);
            clone.putObject("parent_volume").put("name", request.cloneParentVolume());
            clone.putObject("parent_snapshot").put("name", request.cloneParentSnapshot());
        }
        return body;
    }

    static ObjectNode restore(String snapshotName, boolean force) {
        ObjectNode body = object();
        ObjectNode snapshot = body.putObject("restore_to").putObject("snapshot").put("name", snapshotName);
        if (force) {
            snapshot.put("force", true);
        }
        return body;
    }

    /** {@code volume modify}: only the settings given. */
    static ObjectNode modify(VolumeModify modify) {
        ObjectNode body = object();
        if (modify.snapshotPolicy() != null) {
            body.putObject("snapshot_policy").put("name", modify.snapshotPolicy());
        }
        if (modify.snapshotDirectoryAccess() != null) {
            body.put("snapshot_directory_access_enabled", modify.snapshotDirectoryAccess());
        }
        return body;
    }

    static ObjectNode snapshot(String name, String comment, String snapmirrorLabel) {
        ObjectNode body = object().put("name", name);
        if (comment != null) {
            body.put("comment", comment);
        }
        if (snapmirrorLabel != null) {
            body.put("snapmirror_label", snapmirrorLabel);
        }
        return body;
    }

    static ObjectNode policy(PolicyRecord policy) {
        ObjectNode body = object().put("name", policy.name()).put("type", policy.type())
                .put("copy_all_source_snapshots", policy.copyAllSourceSnapshots());
        if (policy.identityPreservation() != null) {
            body.put("identity_preservation", policy.identityPreservation());
        }
        ArrayNode retention = body.putArray("retention");
        if (policy.retention() != null) {
            policy.retention().forEach(r -> retention.addObject().put("label", r.label()).put("count", r.count()));
        }
        return body;
    }

    static ObjectNode schedule(ScheduleRecord schedule) {
        ObjectNode body = object().put("name", schedule.name());
        ObjectNode cron = body.putObject("cron");
        cron(cron, "minutes", schedule.minutes());
        cron(cron, "hours", schedule.hours());
        cron(cron, "days", schedule.days());
        cron(cron, "weekdays", schedule.weekdays());
        cron(cron, "months", schedule.months());
        return body;
    }

    /** An empty list means "every", which ONTAP expresses by leaving the field out. */
    private static void cron(ObjectNode cron, String field, List<Integer> values) {
        if (values != null && !values.isEmpty()) {
            values.forEach(cron.putArray(field)::add);
        }
    }

    static ObjectNode relationship(RelationshipCreate request) {
        ObjectNode body = object();
        body.putObject("source").put("path", request.sourcePath());
        body.putObject("destination").put("path", request.destinationPath());
        if (request.policy() != null) {
            body.putObject("policy").put("name", request.policy());
        }
        if (request.transferSchedule() != null) {
            body.putObject("transfer_schedule").put("name", request.transferSchedule());
        }
        if (request.identityPreservation() != null) {
            body.put("identity_preservation", request.identityPreservation());
        }
        return body;
    }

    static ObjectNode relationshipPatch(RelationshipPatch patch) {
        ObjectNode body = object();
        if (patch.state() != null) {
            body.put("state", patch.state().rest());
        }
        if (patch.sourcePath() != null) {
            body.putObject("source").put("path", patch.sourcePath());
        }
        if (patch.destinationPath() != null) {
            body.putObject("destination").put("path", patch.destinationPath());
        }
        return body;
    }
}
