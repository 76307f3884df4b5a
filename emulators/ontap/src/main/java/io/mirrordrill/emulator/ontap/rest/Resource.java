package io.mirrordrill.emulator.ontap.rest;

import java.util.List;

/**
 * The fields of each kind of record the server returns, as dotted paths. They bound what {@code fields=}, field
 * filters and {@code order_by} may name; the key fields are what a collection GET returns without {@code fields=}.
 */
enum Resource {
    CLUSTER(List.of("name", "uuid"), List.of("name", "uuid", "version.full", "version.generation", "version.major",
            "version.minor", "location")),
    SVM(List.of("uuid", "name"), List.of("uuid", "name", "subtype", "state")),
    CLUSTER_PEER(List.of("uuid", "name"), List.of("uuid", "name", "remote.name", "remote.ip_addresses",
            "status.state")),
    SVM_PEER(List.of("uuid"), List.of("uuid", "svm.name", "svm.uuid", "peer.svm.name", "peer.svm.uuid",
            "peer.cluster.name", "state", "applications")),
    VOLUME(List.of("uuid", "name"), List.of("uuid", "name", "svm.name", "svm.uuid", "size", "type", "state",
            "create_time", "snapshot_policy.name", "snapmirror.is_protected", "space.used")),
    SNAPSHOT(List.of("uuid", "name"), List.of("uuid", "name", "volume.uuid", "create_time", "comment",
            "snapmirror_label", "owners", "state", "size")),
    POLICY(List.of("uuid", "name"), List.of("uuid", "name", "type", "copy_all_source_snapshots",
            "identity_preservation", "retention.label", "retention.count")),
    SCHEDULE(List.of("uuid", "name"), List.of("uuid", "name", "type", "cron.minutes", "cron.hours", "cron.days",
            "cron.weekdays", "cron.months")),
    RELATIONSHIP(List.of("uuid"), List.of("uuid", "source.path", "source.svm.name", "source.svm.uuid",
            "source.cluster.name", "destination.path", "destination.svm.name", "destination.svm.uuid",
            "destination.cluster.name", "policy.name", "policy.type", "policy.uuid",
            "state", "healthy", "unhealthy_reason.code", "unhealthy_reason.message", "exported_snapshot", "lag_time",
            "last_transfer_type", "transfer.uuid", "transfer.state", "transfer.type", "transfer.bytes_transferred",
            "transfer.start_time", "transfer.end_time", "transfer.total_duration", "transfer.snapshot",
            "transfer.error_info.code", "transfer.error_info.message", "transfer_schedule.name", "group_type",
            "identity_preservation")),
    TRANSFER(List.of("uuid"), List.of("uuid", "relationship.uuid", "type", "state", "bytes_transferred",
            "start_time", "end_time", "total_duration", "snapshot", "error_info.code", "error_info.message")),
    JOB(List.of("uuid"), List.of("uuid", "description", "state", "message", "code", "start_time", "end_time",
            "error.code", "error.message"));

    private final List<String> keys;
    private final List<String> fields;

    Resource(List<String> keys, List<String> fields) {
        this.keys = keys;
        this.fields = fields;
    }

    List<String> keys() {
        return keys;
    }

    /** Whether {@code path} is a field of this resource or an object holding some ({@code svm} for svm.name). */
    boolean knows(String path) {
        if (path.equals("_links")) {
            return true;
        }
        for (String f : fields) {
            if (f.equals(path) || f.startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }
}
