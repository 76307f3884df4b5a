package io.mirrordrill.adapter.element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.element.AccountRecord;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.port.element.Qos;
import io.mirrordrill.port.element.ScheduleCreate;
import io.mirrordrill.port.element.ScheduleModify;
import io.mirrordrill.port.element.ScheduleRecord;
import io.mirrordrill.port.element.SnapshotRecord;
import io.mirrordrill.port.element.VolumeAccess;
import io.mirrordrill.port.element.VolumeAccessGroupRecord;
import io.mirrordrill.port.element.VolumeCreate;
import io.mirrordrill.port.element.VolumeModify;
import io.mirrordrill.port.element.VolumeRecord;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@link ElementPort} over the Element JSON-RPC API of a real cluster (or the emulator's server): the endpoint is
 * {@code https://<mvip>/json-rpc/<version>}, e.g. {@code https://10.0.0.5/json-rpc/12.3}.
 */
public final class ElementJsonRpcPort implements ElementPort {
    private final ElementJsonRpc rpc;

    public ElementJsonRpcPort(URI endpoint, String username, String password) {
        this(endpoint, username, password, Duration.ofSeconds(10), Duration.ofSeconds(40));
    }

    public ElementJsonRpcPort(URI endpoint, String username, String password, Duration connectTimeout,
                              Duration requestTimeout) {
        this.rpc = new ElementJsonRpc(endpoint, username, password, connectTimeout, requestTimeout);
    }

    @Override
    public String toString() {
        return "ElementJsonRpcPort[" + rpc.endpoint() + "]";
    }

    // ---- accounts -----------------------------------------------------------------------------------------------

    @Override
    public long addAccount(String username) {
        return rpc.call("AddAccount", params().put("username", username)).path("accountID").asLong();
    }

    @Override
    public List<AccountRecord> listAccounts() {
        return each(rpc.call("ListAccounts", params()).path("accounts"), a -> new AccountRecord(
                a.path("accountID").asLong(), a.path("username").asText(), a.path("status").asText(),
                longs(a.path("volumes"))));
    }

    // ---- volumes ------------------------------------------------------------------------------------------------

    @Override
    public long createVolume(VolumeCreate request) {
        ObjectNode params = params().put("name", request.name()).put("accountID", request.accountID())
                .put("totalSize", request.totalSize()).put("enable512e", request.enable512e());
        if (request.qos() != null) {
            params.set("qos", qos(request.qos()));
        }
        return rpc.call("CreateVolume", params).path("volumeID").asLong();
    }

    @Override
    public List<VolumeRecord> listVolumes() {
        return each(rpc.call("ListVolumes", params()).path("volumes"), ElementJsonRpcPort::volume);
    }

    @Override
    public VolumeRecord modifyVolume(VolumeModify request) {
        ObjectNode params = params().put("volumeID", request.volumeID());
        if (request.accountID() != null) {
            params.put("accountID", request.accountID());
        }
        if (request.access() != null) {
            params.put("access", request.access().wire());
        }
        if (request.qos() != null) {
            params.set("qos", qos(request.qos()));
        }
        if (request.totalSize() != null) {
            params.put("totalSize", request.totalSize());
        }
        return volume(rpc.call("ModifyVolume", params).path("volume"));
    }

    @Override
    public void deleteVolume(long volumeID) {
        rpc.call("DeleteVolume", params().put("volumeID", volumeID));
    }

    // ---- volume access groups -----------------------------------------------------------------------------------

    @Override
    public long createVolumeAccessGroup(String name, List<String> initiators, List<Long> volumes) {
        ObjectNode params = params().put("name", name);
        ArrayNode names = params.putArray("initiators");
        initiators.forEach(names::add);
        volumes.forEach(params.putArray("volumes")::add);
        return rpc.call("CreateVolumeAccessGroup", params).path("volumeAccessGroupID").asLong();
    }

    @Override
    public VolumeAccessGroupRecord addVolumesToVolumeAccessGroup(long volumeAccessGroupID, List<Long> volumes) {
        ObjectNode params = params().put("volumeAccessGroupID", volumeAccessGroupID);
        volumes.forEach(params.putArray("volumes")::add);
        return accessGroup(rpc.call("AddVolumesToVolumeAccessGroup", params).path("volumeAccessGroup"));
    }

    @Override
    public List<VolumeAccessGroupRecord> listVolumeAccessGroups() {
        return each(rpc.call("ListVolumeAccessGroups", params()).path("volumeAccessGroups"),
                ElementJsonRpcPort::accessGroup);
    }

    // ---- snapshots ----------------------------------------------------------------------------------------------

    @Override
    public SnapshotRecord createSnapshot(long volumeID, String name, String retention) {
        ObjectNode params = params().put("volumeID", volumeID);
        if (name != null) {
            params.put("name", name);
        }
        if (retention != null) {
            params.put("retention", retention);
        }
        return snapshot(rpc.call("CreateSnapshot", params).path("snapshot"));
    }

    @Override
    public List<SnapshotRecord> listSnapshots(Long volumeID) {
        ObjectNode params = params();
        if (volumeID != null) {
            params.put("volumeID", volumeID);
        }
        return each(rpc.call("ListSnapshots", params).path("snapshots"), ElementJsonRpcPort::snapshot);
    }

    @Override
    public void deleteSnapshot(long snapshotID) {
        rpc.call("DeleteSnapshot", params().put("snapshotID", snapshotID));
    }

    @Override
    public OptionalLong rollbackToSnapshot(long volumeID, long snapshotID, boolean saveCurrentState, String name) {
        ObjectNode params = params().put("volumeID", volumeID).put("snapshotID", snapshotID)
                .put("saveCurrentState", saveCurrentState);
        if (name != null) {
            params.put("name", name);
        }
        JsonNode saved = rpc.call("RollbackToSnapshot", params).path("snapshotID");
        return saved.canConvertToExactIntegral() ? OptionalLong.of(saved.asLong()) : OptionalLong.empty();
    }

    // ---- schedules ----------------------------------------------------------------------------------------------

    @Override
    public long createSchedule(ScheduleCreate request) {
        ObjectNode params = params().put("scheduleName", request.scheduleName()).put("scheduleType", "Snapshot")
                .put("hours", request.hours()).put("minutes", request.minutes()).put("paused", request.paused())
                .put("recurring", true);
        params.putObject("attributes").put("frequency", "Time Interval");
        if (request.startingDate() != null) {
            params.put("startingDate", request.startingDate().toString());
        }
        ObjectNode info = params.putObject("scheduleInfo");
        request.volumeIDs().forEach(info.putArray("volumes")::add);
        if (request.snapshotName() != null) {
            info.put("name", request.snapshotName());
        }
        if (request.retention() != null) {
            info.put("retention", request.retention());
        }
        return rpc.call("CreateSchedule", params).path("scheduleID").asLong();
    }

    @Override
    public List<ScheduleRecord> listSchedules() {
        return each(rpc.call("ListSchedules", params()).path("schedules"), ElementJsonRpcPort::schedule);
    }

    @Override
    public ScheduleRecord modifySchedule(ScheduleModify request) {
        ObjectNode params = params().put("scheduleID", request.scheduleID());
        if (request.paused() != null) {
            params.put("paused", request.paused());
        }
        if (request.hours() != null) {
            params.put("hours", request.hours());
        }
        if (request.minutes() != null) {
            params.put("minutes", request.minutes());
        }
        if (request.retention() != null) {
            params.putObject("scheduleInfo").put("retention", request.retention());
        }
        if (request.toBeDeleted() != null) {
            params.put("toBeDeleted", request.toBeDeleted());
        }
        return schedule(rpc.call("ModifySchedule", params).path("schedule"));
    }

    // ---- wire -> records ----------------------------------------------------------------------------------------

    private static ObjectNode params() {
        return ElementJsonRpc.JSON.createObjectNode();
    }

    private static ObjectNode qos(Qos qos) {
        return params().put("minIOPS", qos.minIOPS()).put("maxIOPS", qos.maxIOPS()).put("burstIOPS", qos.burstIOPS());
    }

    private static VolumeRecord volume(JsonNode v) {
        JsonNode q = v.path("qos");
        return new VolumeRecord(v.path("volumeID").asLong(), v.path("name").asText(), v.path("accountID").asLong(),
                time(v.path("createTime")), v.path("status").asText(), VolumeAccess.of(v.path("access").asText()),
                v.path("enable512e").asBoolean(), v.path("iqn").asText(),
                new Qos(q.path("minIOPS").asLong(), q.path("maxIOPS").asLong(), q.path("burstIOPS").asLong()),
                longs(v.path("volumeAccessGroups")), v.path("totalSize").asLong(), v.path("blockSize").asLong(),
                time(v.path("deleteTime")), time(v.path("purgeTime")));
    }

    private static VolumeAccessGroupRecord accessGroup(JsonNode g) {
        List<String> initiators = new ArrayList<>();
        g.path("initiators").forEach(i -> initiators.add(i.asText()));
        return new VolumeAccessGroupRecord(g.path("volumeAccessGroupID").asLong(), g.path("name").asText(),
                initiators, longs(g.path("volumes")));
    }

    private static SnapshotRecord snapshot(JsonNode s) {
        return new SnapshotRecord(s.path("snapshotID").asLong(), s.path("volumeID").asLong(), s.path("name").asText(),
                s.path("checksum").asText(), s.path("status").asText(), s.path("totalSize").asLong(),
                time(s.path("createTime")), time(s.path("expirationTime")),
                s.path("attributes").path("scheduleName").asText(""));
    }

    private static ScheduleRecord schedule(JsonNode s) {
        JsonNode info = s.path("scheduleInfo");
        List<Long> volumes = longs(info.path("volumes"));
        if (volumes.isEmpty() && info.path("volumeID").canConvertToExactIntegral()) {
            volumes = List.of(info.path("volumeID").asLong());
        }
        return new ScheduleRecord(s.path("scheduleID").asLong(), s.path("scheduleName").asText(),
                s.path("scheduleType").asText(), s.path("attributes").path("frequency").asText(),
                s.path("hours").asInt(), s.path("minutes").asInt(), s.path("paused").asBoolean(),
                s.path("recurring").asBoolean(), volumes, info.path("name").asText(""),
                info.path("retention").asText(""), s.path("lastRunStatus").asText(""),
                time(s.path("lastRunTimeStarted")), s.path("hasError").asBoolean(), time(s.path("startingDate")));
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    /** Element writes times as ISO 8601 strings, and no time as {@code ""} or null. */
    private static Instant time(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Instant.parse(node.asText()) : null;
    }

    private static <T> List<T> each(JsonNode array, java.util.function.Function<JsonNode, T> read) {
        List<T> out = new ArrayList<>();
        array.forEach(n -> out.add(read.apply(n)));
        return out;
    }
}
