package io.mirrordrill.emulator.element.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.element.AccountRecord;
import io.mirrordrill.port.element.Qos;
import io.mirrordrill.port.element.ScheduleRecord;
import io.mirrordrill.port.element.SnapshotRecord;
import io.mirrordrill.port.element.VolumeAccessGroupRecord;
import io.mirrordrill.port.element.VolumeRecord;

import java.time.Instant;
import java.util.List;

/** The records as the Element API writes its objects (member names and shapes of the Element API reference). */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ObjectNode account(AccountRecord a) {
        ObjectNode node = object().put("accountID", a.accountID()).put("username", a.username())
                .put("status", a.status());
        longs(node.putArray("volumes"), a.volumes());
        node.putObject("attributes");
        return node;
    }

    static ObjectNode qos(Qos q) {
        // burstTime: Element's fixed burst credit window, in seconds
        return object().put("minIOPS", q.minIOPS()).put("maxIOPS", q.maxIOPS()).put("burstIOPS", q.burstIOPS())
                .put("burstTime", 60);
    }

    static ObjectNode volume(VolumeRecord v) {
        ObjectNode node = object().put("volumeID", v.volumeID()).put("name", v.name())
                .put("accountID", v.accountID()).put("createTime", time(v.createTime())).put("status", v.status())
                .put("access", v.access().wire()).put("enable512e", v.enable512e()).put("iqn", v.iqn());
        node.set("qos", qos(v.qos()));
        longs(node.putArray("volumeAccessGroups"), v.volumeAccessGroups());
        node.putArray("volumePairs");
        // Element writes an empty string, not null, for the times of a volume that is not deleted
        node.put("deleteTime", time(v.deleteTime())).put("purgeTime", time(v.purgeTime()))
                .put("sliceCount", 1).put("totalSize", v.totalSize()).put("blockSize", v.blockSize());
        node.putObject("attributes");
        return node;
    }

    static ObjectNode accessGroup(VolumeAccessGroupRecord g) {
        ObjectNode node = object().put("volumeAccessGroupID", g.volumeAccessGroupID()).put("name", g.name());
        ArrayNode initiators = node.putArray("initiators");
        g.initiators().forEach(initiators::add);
        longs(node.putArray("volumes"), g.volumes());
        node.putArray("deletedVolumes");
        node.putObject("attributes");
        return node;
    }

    static ObjectNode snapshot(SnapshotRecord s) {
        ObjectNode node = object().put("snapshotID", s.snapshotID()).put("volumeID", s.volumeID())
                .put("name", s.name()).put("checksum", s.checksum()).put("status", s.status())
                .put("totalSize", s.totalSize()).put("createTime", time(s.createTime()))
                .put("enableRemoteReplication", false);
        if (s.expirationTime() == null) {
            node.putNull("expirationTime");
        } else {
            node.put("expirationTime", time(s.expirationTime()));
        }
        ObjectNode attributes = node.putObject("attributes");
        if (!s.scheduleName().isEmpty()) {
            attributes.put("scheduleName", s.scheduleName());
        }
        return node;
    }

    static ObjectNode schedule(ScheduleRecord s) {
        ObjectNode node = object().put("scheduleID", s.scheduleID()).put("scheduleName", s.scheduleName())
                .put("scheduleType", s.scheduleType());
        node.putObject("attributes").put("frequency", s.frequency());
        node.put("hours", s.hours()).put("minutes", s.minutes()).put("paused", s.paused())
                .put("recurring", s.recurring()).put("runNextInterval", false).put("toBeDeleted", false);
        node.putArray("monthdays");
        node.putArray("weekdays");
        ObjectNode info = node.putObject("scheduleInfo");
        longs(info.putArray("volumes"), s.volumeIDs());
        info.put("name", s.snapshotName()).put("retention", s.retention()).put("enableRemoteReplication", false);
        node.put("lastRunStatus", s.lastRunStatus()).put("hasError", s.hasError())
                .put("startingDate", time(s.startingDate()));
        if (s.lastRunTimeStarted() == null) {
            node.putNull("lastRunTimeStarted");
        } else {
            node.put("lastRunTimeStarted", time(s.lastRunTimeStarted()));
        }
        return node;
    }

    static ArrayNode array(List<ObjectNode> items) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(array::add);
        return array;
    }

    private static void longs(ArrayNode array, List<Long> values) {
        values.forEach(array::add);
    }

    /** ISO 8601 in UTC, as Element writes times; the empty string for none. */
    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
