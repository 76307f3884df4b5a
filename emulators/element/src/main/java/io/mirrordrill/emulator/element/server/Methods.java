package io.mirrordrill.emulator.element.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.element.ElementErrors;
import io.mirrordrill.port.element.ElementException;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.port.element.Qos;
import io.mirrordrill.port.element.ScheduleCreate;
import io.mirrordrill.port.element.ScheduleModify;
import io.mirrordrill.port.element.SnapshotRecord;
import io.mirrordrill.port.element.VolumeAccess;
import io.mirrordrill.port.element.VolumeCreate;
import io.mirrordrill.port.element.VolumeModify;
import io.mirrordrill.port.element.VolumeRecord;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** The API methods the server answers: each reads its {@code params}, calls the port and writes its {@code result}. */
final class Methods {
    private final Map<String, BiFunction<ElementPort, Params, JsonNode>> table = new TreeMap<>();

    Methods() {
        table.put("AddAccount", (port, p) -> {
            long id = port.addAccount(p.requiredString("username"));
            ObjectNode result = Wire.object().put("accountID", id);
            port.listAccounts().stream().filter(a -> a.accountID() == id).findFirst()
                    .ifPresent(a -> result.set("account", Wire.account(a)));
            return result;
        });
        table.put("ListAccounts", (port, p) -> result("accounts", Wire.array(
                port.listAccounts().stream().map(Wire::account).toList())));
        table.put("CreateVolume", (port, p) -> {
            long id = port.createVolume(new VolumeCreate(p.requiredString("name"), p.requiredLong("accountID"),
                    p.requiredLong("totalSize"), p.requiredBoolean("enable512e"), qos(p)));
            ObjectNode result = Wire.object().put("volumeID", id);
            result.set("volume", Wire.volume(volume(port, id)));
            return result;
        });
        table.put("GetAccountByName", (port, p) -> {
            String username = p.requiredString("username");
            return result("account", Wire.account(port.listAccounts().stream()
                    .filter(a -> a.username().equals(username)).findFirst()
                    .orElseThrow(() -> new ElementException(ElementErrors.UNKNOWN_ACCOUNT, "Account " + username
                            + " does not exist."))));
        });
        table.put("GetAccountByID", (port, p) -> {
            long accountID = p.requiredLong("accountID");
            return result("account", Wire.account(port.listAccounts().stream()
                    .filter(a -> a.accountID() == accountID).findFirst()
                    // Element names an unknown account this way whether asked by name or by ID
                    .orElseThrow(() -> new ElementException(ElementErrors.UNKNOWN_ACCOUNT, "AccountID "
                            + accountID + " does not exist."))));
        });
        // the listing methods Trident's solidfire-san driver uses, as filters of ListVolumes
        table.put("ListVolumes", (port, p) -> {
            List<Long> ids = p.longs("volumeIDs");
            List<Long> accounts = p.longs("accounts");
            return volumes(port, v -> (ids.isEmpty() || ids.contains(v.volumeID()))
                    && (accounts.isEmpty() || accounts.contains(v.accountID())), p);
        });
        table.put("ListActiveVolumes", (port, p) -> volumes(port, v -> v.status().equals("active"), p));
        table.put("ListVolumesForAccount", (port, p) -> {
            long accountID = p.requiredLong("accountID");
            if (port.listAccounts().stream().noneMatch(a -> a.accountID() == accountID)) {
                throw new ElementException(ElementErrors.ACCOUNT_ID_DOES_NOT_EXIST, "AccountID " + accountID
                        + " does not exist.");
            }
            return volumes(port, v -> v.accountID() == accountID, p);
        });
        table.put("ModifyVolume", (port, p) -> {
            String access = p.optionalString("access");
            VolumeRecord volume = port.modifyVolume(new VolumeModify(p.requiredLong("volumeID"),
                    p.optionalLong("accountID"), access == null ? null : VolumeAccess.of(access), qos(p),
                    p.optionalLong("totalSize")));
            return result("volume", Wire.volume(volume));
        });
        table.put("DeleteVolume", (port, p) -> {
            long id = p.requiredLong("volumeID");
            port.deleteVolume(id);
            return result("volume", Wire.volume(volume(port, id)));
        });
        table.put("CreateVolumeAccessGroup", (port, p) -> {
            long id = port.createVolumeAccessGroup(p.requiredString("name"), p.strings("initiators"),
                    p.longs("volumes"));
            ObjectNode result = Wire.object().put("volumeAccessGroupID", id);
            port.listVolumeAccessGroups().stream().filter(g -> g.volumeAccessGroupID() == id).findFirst()
                    .ifPresent(g -> result.set("volumeAccessGroup", Wire.accessGroup(g)));
            return result;
        });
        table.put("AddVolumesToVolumeAccessGroup", (port, p) -> result("volumeAccessGroup", Wire.accessGroup(
                port.addVolumesToVolumeAccessGroup(p.requiredLong("volumeAccessGroupID"), p.longs("volumes")))));
        table.put("ListVolumeAccessGroups", (port, p) -> result("volumeAccessGroups", Wire.array(
                port.listVolumeAccessGroups().stream().map(Wire::accessGroup).toList())));
        table.put("CreateSnapshot", (port, p) -> {
            SnapshotRecord snapshot = port.createSnapshot(p.requiredLong("volumeID"), p.optionalString("name"),
                    p.optionalString("retention"));
            ObjectNode result = Wire.object().put("snapshotID", snapshot.snapshotID())
                    .put("checksum", snapshot.checksum());
            result.set("snapshot", Wire.snapshot(snapshot));
            return result;
        });
        table.put("ListSnapshots", (port, p) -> result("snapshots", Wire.array(
                port.listSnapshots(p.optionalLong("volumeID")).stream().map(Wire::snapshot).toList())));
        table.put("DeleteSnapshot", (port, p) -> {
            port.deleteSnapshot(p.requiredLong("snapshotID"));
            return Wire.object();
        });
        table.put("RollbackToSnapshot", (port, p) -> {
            long volumeID = p.requiredLong("volumeID");
            long snapshotID = p.requiredLong("snapshotID");
            OptionalLong saved = port.rollbackToSnapshot(volumeID, snapshotID, p.requiredBoolean("saveCurrentState"),
                    p.optionalString("name"));
            // the checksum is the volume's after the rollback: the snapshot's
            ObjectNode result = Wire.object().put("checksum", port.listSnapshots(volumeID).stream()
                    .filter(s -> s.snapshotID() == snapshotID).findFirst().map(SnapshotRecord::checksum).orElse(""));
            if (saved.isPresent()) {
                result.put("snapshotID", saved.getAsLong());
            } else {
                result.putNull("snapshotID");
            }
            return result;
        });
        table.put("CreateSchedule", (port, p) -> {
            String type = p.requiredString("scheduleType");
            String frequency = p.object("attributes").requiredString("frequency");
            if (!type.equals("Snapshot") || !frequency.equals("Time Interval")) {
                throw new ElementException(ElementErrors.INVALID_PARAMETER, "The emulator models Snapshot schedules"
                        + " of frequency Time Interval only, not " + type + " / " + frequency);
            }
            if (Boolean.FALSE.equals(p.optionalBoolean("recurring"))) {
                throw new ElementException(ElementErrors.INVALID_PARAMETER,
                        "The emulator models recurring schedules only");
            }
            Params info = p.object("scheduleInfo");
            var volumes = info.longs("volumes");
            if (info.has("volumeID")) {
                volumes.add(info.requiredLong("volumeID"));
            }
            long id = port.createSchedule(new ScheduleCreate(p.requiredString("scheduleName"),
                    orZero(p.optionalInt("hours")), orZero(p.optionalInt("minutes")), volumes,
                    info.optionalString("name"), info.optionalString("retention"),
                    Boolean.TRUE.equals(p.optionalBoolean("paused")), date(p.optionalString("startingDate"))));
            ObjectNode result = Wire.object().put("scheduleID", id);
            port.listSchedules().stream().filter(s -> s.scheduleID() == id).findFirst()
                    .ifPresent(s -> result.set("schedule", Wire.schedule(s)));
            return result;
        });
        table.put("ListSchedules", (port, p) -> result("schedules", Wire.array(
                port.listSchedules().stream().map(Wire::schedule).toList())));
        table.put("ModifySchedule", (port, p) -> result("schedule", Wire.schedule(port.modifySchedule(
                new ScheduleModify(p.requiredLong("scheduleID"), p.optionalBoolean("paused"),
                        p.optionalInt("hours"), p.optionalInt("minutes"),
                        p.object("scheduleInfo").optionalString("retention"), p.optionalBoolean("toBeDeleted"))))));
    }

    JsonNode call(ElementPort port, String method, JsonNode params) {
        var handler = table.get(method);
        if (handler == null) {
            throw new ElementException(ElementErrors.UNKNOWN_API_METHOD, "Unknown API method method=" + method);
        }
        return handler.apply(port, Params.of(params));
    }

    private static ObjectNode result(String member, JsonNode value) {
        ObjectNode result = Wire.object();
        result.set(member, value);
        return result;
    }

    private static Qos qos(Params p) {
        if (!p.has("qos")) {
            return null;
        }
        Params q = p.object("qos");
        long min = q.has("minIOPS") ? q.requiredLong("minIOPS") : Qos.DEFAULT.minIOPS();
        long max = q.has("maxIOPS") ? q.requiredLong("maxIOPS") : Qos.DEFAULT.maxIOPS();
        long burst = q.has("burstIOPS") ? q.requiredLong("burstIOPS") : Math.max(max, Qos.DEFAULT.burstIOPS());
        return new Qos(min, max, burst);
    }

    /** The volumes that pass {@code filter}, from {@code startVolumeID}, at most {@code limit} of them. */
    private static JsonNode volumes(ElementPort port, Predicate<VolumeRecord> filter, Params p) {
        long start = p.optionalLong("startVolumeID") == null ? 0 : p.optionalLong("startVolumeID");
        long limit = p.optionalLong("limit") == null ? Long.MAX_VALUE : p.optionalLong("limit");
        return result("volumes", Wire.array(port.listVolumes().stream()
                .filter(v -> v.volumeID() >= start && filter.test(v)).limit(limit).map(Wire::volume).toList()));
    }

    private static VolumeRecord volume(ElementPort port, long id) {
        return port.listVolumes().stream().filter(v -> v.volumeID() == id).findFirst().orElseThrow();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static Instant date(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ElementException(ElementErrors.INVALID_PARAMETER, "startingDate must be an ISO 8601 UTC time: "
                    + value);
        }
    }
}
