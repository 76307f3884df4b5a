package io.mirrordrill.emulator.element;

import io.mirrordrill.port.element.AccountRecord;
import io.mirrordrill.port.element.ElementErrors;
import io.mirrordrill.port.element.ElementException;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.port.element.Qos;
import io.mirrordrill.port.element.ScheduleCreate;
import io.mirrordrill.port.element.ScheduleModify;
import io.mirrordrill.port.element.ScheduleRecord;
import io.mirrordrill.port.element.SnapshotRecord;
import io.mirrordrill.port.element.VolumeAccessGroupRecord;
import io.mirrordrill.port.element.VolumeCreate;
import io.mirrordrill.port.element.VolumeModify;
import io.mirrordrill.port.element.VolumeRecord;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One emulated Element cluster, implementing {@link ElementPort} directly. Callers outside the emulator get it through
 * {@link ElementEmulator#port}, which adds the network reachability check a real client would face. IDs of every
 * kind count up from 1 in creation order, as Element's do; every map is ordered by ID, so listings and traces are
 * the same on every run.
 */
public final class ElementCluster implements ElementPort {
    /** Element keeps a deleted volume this long before purging it. */
    static final Duration PURGE_DELAY = Duration.ofHours(8);
    static final int MAX_SNAPSHOTS_PER_VOLUME = 32;
    static final int MAX_VOLUMES_PER_ACCESS_GROUP = 2000;
    private static final long MIB = 1L << 20;
    private static final Pattern VOLUME_NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern RETENTION = Pattern.compile("(\\d{1,5}):([0-5]\\d):([0-5]\\d)");

    final String name;
    final String site;
    private final World world;
    private final String uniqueID;
    private final Map<Long, Account> accounts = new TreeMap<>();
    final Map<Long, Volume> volumes = new TreeMap<>();
    private final Map<Long, Snapshot> snapshots = new TreeMap<>();
    private final Map<Long, AccessGroup> accessGroups = new TreeMap<>();
    private final Map<Long, Schedule> schedules = new TreeMap<>();
    private long lastAccountID;
    private long lastVolumeID;
    private long lastSnapshotID;
    private long lastAccessGroupID;
    private long lastScheduleID;

    ElementCluster(World world, String name, String site) {
        this.world = world;
        this.name = name;
        this.site = site;
        // the cluster's unique ID is part of every IQN: four lower-case letters, from the seed
        StringBuilder id = new StringBuilder();
        var random = world.random("element/" + name);
        for (int i = 0; i < 4; i++) {
            id.append((char) ('a' + random.nextInt(26)));
        }
        this.uniqueID = id.toString();
    }

    public String name() {
        return name;
    }

    public String site() {
        return site;
    }

    private void record(String message) {
        world.record("element/" + name, message);
    }

    // ---- accounts -----------------------------------------------------------------------------------------------

    @Override
    public long addAccount(String username) {
        require(username, "username");
        if (username.length() > 64) {
            throw invalid("username must be 1 to 64 characters: \"" + username + "\"");
        }
        if (accounts.values().stream().anyMatch(a -> a.username.equals(username))) {
            throw new ElementException(ElementErrors.DUPLICATE_USERNAME, "Username " + username + " already exists");
        }
        Account account = new Account(++lastAccountID, username);
        accounts.put(account.id, account);
        record("AddAccount " + username + " accountID=" + account.id);
        return account.id;
    }

    @Override
    public List<AccountRecord> listAccounts() {
        return accounts.values().stream().map(Account::record).toList();
    }

    // ---- volumes ------------------------------------------------------------------------------------------------

    @Override
    public long createVolume(VolumeCreate request) {
        require(request.name(), "name");
        if (!VOLUME_NAME.matcher(request.name()).matches()) {
            throw invalid("Volume name \"" + request.name() + "\" must be 1 to 64 letters, digits and dashes");
        }
        Account account = account(request.accountID());
        long size = size(request.totalSize());
        Qos qos = request.qos() == null ? Qos.DEFAULT : checked(request.qos());
        long id = ++lastVolumeID;
        Volume volume = new Volume(id, request.name(), account.id, world.now(), request.enable512e(),
                "iqn.2010-01.com.solidfire:" + uniqueID + "." + request.name() + "." + id, qos, size);
        volumes.put(id, volume);
        account.volumes.add(id);
        record("CreateVolume " + request.name() + " volumeID=" + id + " accountID=" + account.id + " totalSize="
                + size);
        return id;
    }

    @Override
    public List<VolumeRecord> listVolumes() {
        return volumes.values().stream().map(Volume::record).toList();
    }

    @Override
    public VolumeRecord modifyVolume(VolumeModify request) {
        Volume volume = activeVolume(request.volumeID());
        Account account = request.accountID() == null ? null : account(request.accountID());
        Qos qos = request.qos() == null ? null : checked(request.qos());
        Long size = request.totalSize() == null ? null : size(request.totalSize());
        if (size != null && size < volume.totalSize) {
            throw new ElementException(ElementErrors.VOLUME_SHRINK_PROHIBITED, "Volume " + volume.id
                    + " cannot shrink from " + volume.totalSize + " to " + size + " bytes");
        }
        // every parameter is checked before any is applied: a refused call changes nothing
        if (account != null && account.id != volume.accountID) {
            accounts.get(volume.accountID).volumes.remove(volume.id);
            account.volumes.add(volume.id);
            volume.accountID = account.id;
        }
        if (request.access() != null) {
            volume.access = request.access();
        }
        if (qos != null) {
            volume.qos = qos;
        }
        if (size != null) {
            volume.totalSize = size;
            volume.data.resize(size);
        }
        record("ModifyVolume " + volume.id + " access=" + volume.access.wire() + " totalSize=" + volume.totalSize);
        return volume.record();
    }

    @Override
    public void deleteVolume(long volumeID) {
        Volume volume = activeVolume(volumeID);
        volume.deleteTime = world.now();
        volume.purgeTime = world.now().plus(PURGE_DELAY);
        for (long group : volume.accessGroups) {
            accessGroups.get(group).volumes.remove(volumeID);
        }
        volume.accessGroups.clear();
        world.schedule(PURGE_DELAY, "element/" + name + " purge volume " + volumeID, () -> purge(volume));
        record("DeleteVolume " + volumeID + " purge at " + volume.purgeTime);
    }

    private void purge(Volume volume) {
        if (volumes.get(volume.id) != volume) {
            return;
        }
        volumes.remove(volume.id);
        accounts.get(volume.accountID).volumes.remove(volume.id);
        for (Snapshot snapshot : snapshotsOf(volume.id)) {
            remove(snapshot);
        }
        record("purged volume " + volume.id);
    }

    // ---- volume access groups -----------------------------------------------------------------------------------

    @Override
    public long createVolumeAccessGroup(String groupName, List<String> initiators, List<Long> volumeIDs) {
        require(groupName, "name");
        List<Volume> members = distinctActive(volumeIDs);
        limitGroup(members.size(), groupName);
        AccessGroup group = new AccessGroup(++lastAccessGroupID, groupName,
                initiators == null ? List.of() : initiators);
        accessGroups.put(group.id, group);
        members.forEach(v -> join(group, v));
        record("CreateVolumeAccessGroup " + groupName + " volumeAccessGroupID=" + group.id + " volumes="
                + group.volumes);
        return group.id;
    }

    @Override
    public VolumeAccessGroupRecord addVolumesToVolumeAccessGroup(long volumeAccessGroupID, List<Long> volumeIDs) {
        AccessGroup group = accessGroups.get(volumeAccessGroupID);
        if (group == null) {
            throw new ElementException(ElementErrors.VOLUME_ACCESS_GROUP_ID_DOES_NOT_EXIST,
                    "VolumeAccessGroupID " + volumeAccessGroupID + " does not exist.");
        }
        List<Volume> members = distinctActive(volumeIDs);
        for (Volume volume : members) {
            if (group.volumes.contains(volume.id)) {
                throw new ElementException(ElementErrors.ALREADY_IN_VOLUME_ACCESS_GROUP, "Volume " + volume.id
                        + " is already in volume access group " + group.id);
            }
        }
        limitGroup(group.volumes.size() + members.size(), group.name);
        members.forEach(v -> join(group, v));
        record("AddVolumesToVolumeAccessGroup " + group.id + " volumes=" + group.volumes);
        return group.record();
    }

    @Override
    public List<VolumeAccessGroupRecord> listVolumeAccessGroups() {
        return accessGroups.values().stream().map(AccessGroup::record).toList();
    }

    private List<Volume> distinctActive(List<Long> volumeIDs) {
        List<Volume> found = new ArrayList<>();
        for (long id : new TreeSet<>(volumeIDs == null ? List.of() : volumeIDs)) {
            found.add(activeVolume(id));
        }
        return found;
    }

    private static void limitGroup(int size, String groupName) {
        if (size > MAX_VOLUMES_PER_ACCESS_GROUP) {
            throw new ElementException(ElementErrors.EXCEEDED_LIMIT, "A volume access group holds at most "
                    + MAX_VOLUMES_PER_ACCESS_GROUP + " volumes; " + groupName + " would hold " + size);
        }
    }

    private static void join(AccessGroup group, Volume volume) {
        group.volumes.add(volume.id);
        volume.accessGroups.add(group.id);
    }

    // ---- snapshots ----------------------------------------------------------------------------------------------

    @Override
    public SnapshotRecord createSnapshot(long volumeID, String snapshotName, String retention) {
        Volume volume = activeVolume(volumeID);
        Duration keep = retention(retention);
        return take(volume, snapshotName, keep, "").record();
    }

    private Snapshot take(Volume volume, String snapshotName, Duration retention, String scheduleName) {
        if (snapshotsOf(volume.id).size() >= MAX_SNAPSHOTS_PER_VOLUME) {
            throw new ElementException(ElementErrors.MAX_SNAPSHOTS_PER_VOLUME_EXCEEDED,
                    "Maximum snapshots per volume exceeded (" + MAX_SNAPSHOTS_PER_VOLUME + ") on volume " + volume.id);
        }
        Instant now = world.now();
        String named = snapshotName == null || snapshotName.isEmpty() ? now.toString() : snapshotName;
        Snapshot snapshot = new Snapshot(++lastSnapshotID, volume.id, named, volume.data.freeze(),
                Checksum.of(volume.data), volume.totalSize, now, retention == null ? null : now.plus(retention),
                scheduleName);
        snapshots.put(snapshot.id, snapshot);
        if (retention != null) {
            snapshot.expiry = world.schedule(retention, "element/" + name + " snapshot " + snapshot.id + " expires",
                    () -> {
                        if (snapshots.get(snapshot.id) == snapshot) {
                            remove(snapshot);
                            record("snapshot " + snapshot.id + " of volume " + snapshot.volumeID + " expired");
                        }
                    });
        }
        record("CreateSnapshot " + named + " snapshotID=" + snapshot.id + " volumeID=" + volume.id + " checksum="
                + snapshot.checksum + (retention == null ? "" : " expires " + snapshot.expirationTime));
        return snapshot;
    }

    @Override
    public List<SnapshotRecord> listSnapshots(Long volumeID) {
        if (volumeID == null) {
            return snapshots.values().stream().map(Snapshot::record).toList();
        }
        activeVolume(volumeID);
        return snapshotsOf(volumeID).stream().map(Snapshot::record).toList();
    }

    @Override
    public void deleteSnapshot(long snapshotID) {
        Snapshot snapshot = snapshot(snapshotID);
        remove(snapshot);
        record("DeleteSnapshot " + snapshotID);
    }

    @Override
    public OptionalLong rollbackToSnapshot(long volumeID, long snapshotID, boolean saveCurrentState,
                                           String snapshotName) {
        Volume volume = activeVolume(volumeID);
        Snapshot target = snapshot(snapshotID);
        if (target.volumeID != volumeID) {
            throw new ElementException(ElementErrors.SNAPSHOT_ID_DOES_NOT_EXIST, "SnapshotID " + snapshotID
                    + " does not exist on volume " + volumeID);
        }
        OptionalLong saved = OptionalLong.empty();
        if (saveCurrentState) {
            saved = OptionalLong.of(take(volume, snapshotName, null, "").id);
        }
        volume.data.load(target.image);
        record("RollbackToSnapshot volumeID=" + volumeID + " snapshotID=" + snapshotID
                + (saved.isPresent() ? " saved current state as snapshotID=" + saved.getAsLong() : ""));
        return saved;
    }

    private List<Snapshot> snapshotsOf(long volumeID) {
        return snapshots.values().stream().filter(s -> s.volumeID == volumeID).toList();
    }

    private Snapshot snapshot(long snapshotID) {
        Snapshot snapshot = snapshots.get(snapshotID);
        if (snapshot == null) {
            throw new ElementException(ElementErrors.SNAPSHOT_ID_DOES_NOT_EXIST, "SnapshotID " + snapshotID
                    + " does not exist.");
        }
        return snapshot;
    }

    private void remove(Snapshot snapshot) {
        snapshots.remove(snapshot.id);
        if (snapshot.expiry != null) {
            snapshot.expiry.cancel();
        }
    }

    // ---- schedules ----------------------------------------------------------------------------------------------

    @Override
    public long createSchedule(ScheduleCreate request) {
        require(request.scheduleName(), "scheduleName");
        interval(request.hours(), request.minutes());
        retention(request.retention());
        if (request.volumeIDs().isEmpty()) {
            throw new ElementException(ElementErrors.MISSING_PARAMETER, "scheduleInfo.volumeIDs is required");
        }
        distinctActive(request.volumeIDs());
        Instant start = request.startingDate() == null ? world.now() : request.startingDate();
        Schedule schedule = new Schedule(++lastScheduleID, request.scheduleName(), request.volumeIDs(),
                request.snapshotName(), start, request.hours(), request.minutes(), request.retention(),
                request.paused());
        schedules.put(schedule.id, schedule);
        arm(schedule, start.isAfter(world.now()) ? start : world.now());
        record("CreateSchedule " + schedule.name + " scheduleID=" + schedule.id + " every " + schedule.interval()
                + " volumes=" + schedule.volumeIDs);
        return schedule.id;
    }

    @Override
    public List<ScheduleRecord> listSchedules() {
        return schedules.values().stream().map(Schedule::record).toList();
    }

    @Override
    public ScheduleRecord modifySchedule(ScheduleModify request) {
        Schedule schedule = schedules.get(request.scheduleID());
        if (schedule == null) {
            throw new ElementException(ElementErrors.SCHEDULE_ID_DOES_NOT_EXIST, "ScheduleID "
                    + request.scheduleID() + " does not exist.");
        }
        int hours = request.hours() == null ? schedule.hours : request.hours();
        int minutes = request.minutes() == null ? schedule.minutes : request.minutes();
        interval(hours, minutes);
        if (request.retention() != null) {
            retention(request.retention());
        }
        if (Boolean.TRUE.equals(request.toBeDeleted())) {
            schedule.next.cancel();
            schedules.remove(schedule.id);
            record("ModifySchedule " + schedule.id + " deleted");
            return schedule.record();
        }
        boolean intervalChanged = hours != schedule.hours || minutes != schedule.minutes;
        schedule.hours = hours;
        schedule.minutes = minutes;
        if (request.retention() != null) {
            schedule.retention = request.retention();
        }
        if (request.paused() != null) {
            schedule.paused = request.paused();
        }
        if (intervalChanged) {
            // the new interval counts from now, like a schedule created now
            schedule.next.cancel();
            arm(schedule, world.now());
        }
        record("ModifySchedule " + schedule.id + " every " + schedule.interval() + " paused=" + schedule.paused);
        return schedule.record();
    }

    private void arm(Schedule schedule, Instant from) {
        schedule.next = world.scheduleAt(from.plus(schedule.interval()), "element/" + name + " schedule "
                + schedule.id, () -> run(schedule));
    }

    /** One run: a snapshot of each volume unless paused; a volume that cannot be snapshotted fails the run. */
    private void run(Schedule schedule) {
        arm(schedule, world.now());
        if (schedule.paused) {
            return;
        }
        schedule.lastRunTimeStarted = world.now();
        boolean failed = false;
        for (long volumeID : schedule.volumeIDs) {
            Volume volume = volumes.get(volumeID);
            try {
                if (volume == null || volume.deleted()) {
                    throw new ElementException(ElementErrors.VOLUME_ID_DOES_NOT_EXIST, "VolumeID " + volumeID
                            + " does not exist.");
                }
                take(volume, schedule.snapshotName, retention(schedule.retention), schedule.name);
            } catch (ElementException e) {
                failed = true;
                record("schedule " + schedule.id + " failed on volume " + volumeID + ": " + e.name());
            }
        }
        schedule.lastRunStatus = failed ? "Failed" : "Success";
        schedule.hasError = failed;
    }

    // ---- checks -------------------------------------------------------------------------------------------------

    private Account account(long accountID) {
        Account account = accounts.get(accountID);
        if (account == null) {
            throw new ElementException(ElementErrors.ACCOUNT_ID_DOES_NOT_EXIST, "AccountID " + accountID
                    + " does not exist.");
        }
        return account;
    }

    /** A volume that exists and is not deleted: a deleted volume only appears in listings until it is purged. */
    Volume activeVolume(long volumeID) {
        Volume volume = volumes.get(volumeID);
        if (volume == null || volume.deleted()) {
            throw new ElementException(ElementErrors.VOLUME_ID_DOES_NOT_EXIST, "VolumeID " + volumeID
                    + " does not exist.");
        }
        return volume;
    }

    private static void require(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw new ElementException(ElementErrors.MISSING_PARAMETER, "Required parameter " + parameter
                    + " is missing");
        }
    }

    private static ElementException invalid(String message) {
        return new ElementException(ElementErrors.INVALID_PARAMETER, message);
    }

    /** Sizes are rounded up to a whole MiB, as Element rounds {@code totalSize}. */
    private static long size(long totalSize) {
        if (totalSize <= 0) {
            throw invalid("totalSize must be positive: " + totalSize);
        }
        return (totalSize + MIB - 1) / MIB * MIB;
    }

    private static Qos checked(Qos qos) {
        if (qos.minIOPS() < 50 || qos.minIOPS() > qos.maxIOPS() || qos.maxIOPS() > qos.burstIOPS()
                || qos.burstIOPS() > 200_000) {
            throw invalid("QoS must satisfy 50 <= minIOPS <= maxIOPS <= burstIOPS <= 200000: " + qos);
        }
        return qos;
    }

    private static void interval(int hours, int minutes) {
        if (hours < 0 || hours > 24 || minutes < 0 || minutes > 59 || hours == 0 && minutes == 0) {
            throw invalid("A Time Interval schedule needs 0-24 hours and 0-59 minutes, not both zero: " + hours
                    + "h " + minutes + "m");
        }
    }

    /** {@code HH:mm:ss} to a duration; null or empty keeps the snapshot until deleted. */
    static Duration retention(String retention) {
        if (retention == null || retention.isEmpty()) {
            return null;
        }
        var m = RETENTION.matcher(retention);
        if (!m.matches()) {
            throw invalid("retention must be HH:mm:ss: \"" + retention + "\"");
        }
        Duration keep = Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)))
                .plusSeconds(Long.parseLong(m.group(3)));
        if (keep.isZero()) {
            throw invalid("retention must be longer than zero: \"" + retention + "\"");
        }
        return keep;
    }
}
