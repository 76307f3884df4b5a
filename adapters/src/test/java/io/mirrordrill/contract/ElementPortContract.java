package io.mirrordrill.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.element.AccountRecord;
import io.mirrordrill.port.element.ElementErrors;
import io.mirrordrill.port.element.ElementException;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The one contract of {@link ElementPort}: the emulator called directly and the JSON-RPC adapter talking to the
 * emulator's server run these tests. A target offers one empty cluster whose simulated clock starts at {@link #START}
 * and moves only through {@link #letTimePass}; a host can write and read the files of a volume's filesystem.
 */
public abstract class ElementPortContract {
    protected static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long GIB = 1L << 30;

    // ---- target hooks -------------------------------------------------------------------------------------------

    protected abstract ElementPort port();

    /** Lets simulated time pass on the cluster. */
    protected abstract void letTimePass(Duration duration);

    /** Writes a whole file on the volume's filesystem, as a logged-in host would. */
    protected abstract void write(long volumeID, String file, String content);

    /** Reads a whole file of the volume's filesystem, or null when it does not exist. */
    protected abstract String read(long volumeID, String file);

    /** Takes the cluster's site off the network, or brings it back. */
    protected abstract void clusterReachable(boolean reachable);

    // ---- helpers ------------------------------------------------------------------------------------------------

    private long account(String username) {
        return port().addAccount(username);
    }

    private long volume(long accountID, String name) {
        return port().createVolume(new VolumeCreate(name, accountID, GIB, true, null));
    }

    private long volume(String name) {
        return volume(account("tenant-" + name), name);
    }

    private VolumeRecord volumeRecord(long volumeID) {
        return port().listVolumes().stream().filter(v -> v.volumeID() == volumeID).findFirst().orElseThrow();
    }

    private List<SnapshotRecord> snapshots(long volumeID) {
        return port().listSnapshots(volumeID);
    }

    private static void refused(String name, Executable call) {
        ElementException e = assertThrows(ElementException.class, call);
        assertEquals(name, e.name(), () -> "error name of " + e);
        assertEquals(500, e.code(), () -> "error code of " + e);
    }

    // ---- accounts -----------------------------------------------------------------------------------------------

    @Test
    void accountsGetIncreasingIdsAndAreListedActiveInIdOrder() {
        long first = account("alpha");
        long second = account("beta");
        assertTrue(second > first);
        List<AccountRecord> accounts = port().listAccounts();
        assertEquals(List.of("alpha", "beta"), accounts.stream().map(AccountRecord::username).toList());
        assertEquals(List.of(first, second), accounts.stream().map(AccountRecord::accountID).toList());
        assertTrue(accounts.stream().allMatch(a -> a.status().equals("active") && a.volumes().isEmpty()));
    }

    @Test
    void aSecondAccountWithTheSameUsernameIsRefusedAsDuplicate() {
        account("alpha");
        refused(ElementErrors.DUPLICATE_USERNAME, () -> port().addAccount("alpha"));
        assertEquals(1, port().listAccounts().size());
    }

    @Test
    void anAccountListsTheVolumesItOwns() {
        long accountID = account("owner");
        long a = volume(accountID, "vol-a");
        long b = volume(accountID, "vol-b");
        assertEquals(List.of(a, b), port().listAccounts().get(0).volumes());
    }

    // ---- volumes ------------------------------------------------------------------------------------------------

    @Test
    void aCreatedVolumeIsListedActiveReadWriteWithItsSizeRoundedUpToAWholeMib() {
        long accountID = account("owner");
        long id = port().createVolume(new VolumeCreate("pvc-1234", accountID, GIB + 1, true,
                new Qos(100, 1000, 2000)));
        VolumeRecord volume = volumeRecord(id);
        assertEquals("pvc-1234", volume.name());
        assertEquals(accountID, volume.accountID());
        assertEquals(GIB + (1L << 20), volume.totalSize());
        assertEquals("active", volume.status());
        assertEquals(VolumeAccess.READ_WRITE, volume.access());
        assertEquals(new Qos(100, 1000, 2000), volume.qos());
        assertEquals(4096, volume.blockSize());
        assertEquals(START, volume.createTime());
        assertTrue(volume.enable512e());
        assertTrue(volume.iqn().startsWith("iqn.2010-01.com.solidfire:") && volume.iqn().endsWith(".pvc-1234." + id),
                volume.iqn());
        assertNull(volume.deleteTime());
    }

    @Test
    void aVolumeCreatedWithoutQosGetsTheDefaultQos() {
        assertEquals(Qos.DEFAULT, volumeRecord(volume("plain")).qos());
    }

    @Test
    void aVolumeForAnUnknownAccountIsRefused() {
        refused(ElementErrors.ACCOUNT_ID_DOES_NOT_EXIST,
                () -> port().createVolume(new VolumeCreate("orphan", 999, GIB, false, null)));
        assertTrue(port().listVolumes().isEmpty());
    }

    @Test
    void aVolumeNameWithCharactersOtherThanLettersDigitsAndDashesIsRefused() {
        long accountID = account("owner");
        refused(ElementErrors.INVALID_PARAMETER,
                () -> port().createVolume(new VolumeCreate("bad_name", accountID, GIB, false, null)));
    }

    @Test
    void modifyVolumeGrowsTheVolumeAndChangesAccessAndQos() {
        long id = volume("grow");
        VolumeRecord after = port().modifyVolume(VolumeModify.of(id).withTotalSize(2 * GIB)
                .withAccess(VolumeAccess.READ_ONLY).withQos(new Qos(200, 2000, 4000)));
        assertEquals(2 * GIB, after.totalSize());
        assertEquals(VolumeAccess.READ_ONLY, after.access());
        assertEquals(new Qos(200, 2000, 4000), after.qos());
        assertEquals(after, volumeRecord(id));
    }

    @Test
    void aVolumeCannotShrinkAndARefusedModifyChangesNothing() {
        long id = volume("shrink");
        refused(ElementErrors.VOLUME_SHRINK_PROHIBITED, () -> port().modifyVolume(VolumeModify.of(id)
                .withAccess(VolumeAccess.LOCKED).withTotalSize(GIB / 2)));
        VolumeRecord volume = volumeRecord(id);
        assertEquals(GIB, volume.totalSize());
        assertEquals(VolumeAccess.READ_WRITE, volume.access());
    }

    @Test
    void qosWithMinimumAboveMaximumIsRefused() {
        long id = volume("qos");
        refused(ElementErrors.INVALID_PARAMETER, () -> port().modifyVolume(VolumeModify.of(id)
                .withQos(new Qos(5000, 1000, 1000))));
        assertEquals(Qos.DEFAULT, volumeRecord(id).qos());
    }

    @Test
    void modifyingAnUnknownVolumeIsRefused() {
        refused(ElementErrors.VOLUME_ID_DOES_NOT_EXIST, () -> port().modifyVolume(VolumeModify.of(42)
                .withAccess(VolumeAccess.READ_ONLY)));
    }

    @Test
    void aDeletedVolumeIsListedDeletedUntilItIsPurgedEightHoursLater() {
        long accountID = account("owner");
        long id = volume(accountID, "doomed");
        letTimePass(Duration.ofMinutes(5));
        port().deleteVolume(id);
        VolumeRecord deleted = volumeRecord(id);
        assertEquals("deleted", deleted.status());
        assertEquals(START.plus(Duration.ofMinutes(5)), deleted.deleteTime());
        assertEquals(deleted.deleteTime().plus(Duration.ofHours(8)), deleted.purgeTime());
        letTimePass(Duration.ofHours(8).minusSeconds(1));
        assertEquals(1, port().listVolumes().size());
        letTimePass(Duration.ofSeconds(1));
        assertTrue(port().listVolumes().isEmpty());
        assertTrue(port().listAccounts().get(0).volumes().isEmpty());
    }

    @Test
    void aDeletedVolumeTakesNoSnapshotAndCannotBeDeletedAgain() {
        long id = volume("gone");
        port().deleteVolume(id);
        refused(ElementErrors.VOLUME_ID_DOES_NOT_EXIST, () -> port().createSnapshot(id, "late", null));
        refused(ElementErrors.VOLUME_ID_DOES_NOT_EXIST, () -> port().deleteVolume(id));
    }

    // ---- volume access groups -----------------------------------------------------------------------------------

    @Test
    void anAccessGroupCreatedWithVolumesIsListedAndItsVolumesNameIt() {
        long a = volume("vag-a");
        long b = volume("vag-b");
        long group = port().createVolumeAccessGroup("k8s-nodes", List.of("iqn.1993-08.org.debian:01:node1"),
                List.of(b, a));
        VolumeAccessGroupRecord record = port().listVolumeAccessGroups().get(0);
        assertEquals(group, record.volumeAccessGroupID());
        assertEquals("k8s-nodes", record.name());
        assertEquals(List.of("iqn.1993-08.org.debian:01:node1"), record.initiators());
        assertEquals(List.of(a, b), record.volumes());
        assertEquals(List.of(group), volumeRecord(a).volumeAccessGroups());
    }

    @Test
    void volumesAddedToAnAccessGroupJoinIt() {
        long a = volume("join-a");
        long b = volume("join-b");
        long group = port().createVolumeAccessGroup("nodes", List.of(), List.of(a));
        VolumeAccessGroupRecord after = port().addVolumesToVolumeAccessGroup(group, List.of(b));
        assertEquals(List.of(a, b), after.volumes());
        assertEquals(List.of(group), volumeRecord(b).volumeAccessGroups());
    }

    @Test
    void addingAVolumeAlreadyInTheGroupIsRefusedAndAddsNoneOfTheBatch() {
        long a = volume("dup-a");
        long b = volume("dup-b");
        long group = port().createVolumeAccessGroup("nodes", List.of(), List.of(a));
        refused(ElementErrors.ALREADY_IN_VOLUME_ACCESS_GROUP,
                () -> port().addVolumesToVolumeAccessGroup(group, List.of(b, a)));
        assertEquals(List.of(a), port().listVolumeAccessGroups().get(0).volumes());
    }

    @Test
    void accessGroupCallsNamingUnknownGroupsOrVolumesAreRefusedAndCreateNothing() {
        long a = volume("known");
        refused(ElementErrors.VOLUME_ACCESS_GROUP_ID_DOES_NOT_EXIST,
                () -> port().addVolumesToVolumeAccessGroup(77, List.of(a)));
        refused(ElementErrors.VOLUME_ID_DOES_NOT_EXIST,
                () -> port().createVolumeAccessGroup("nodes", List.of(), List.of(a, 999L)));
        assertTrue(port().listVolumeAccessGroups().isEmpty());
    }

    // ---- snapshots ----------------------------------------------------------------------------------------------

    @Test
    void aSnapshotIsListedDoneWithTheVolumesSizeAndNoExpiryOldestFirst() {
        long id = volume("snap");
        SnapshotRecord first = port().createSnapshot(id, "first", null);
        letTimePass(Duration.ofMinutes(1));
        SnapshotRecord second = port().createSnapshot(id, "second", null);
        assertEquals(List.of(first, second), snapshots(id));
        assertEquals(id, first.volumeID());
        assertEquals("first", first.name());
        assertEquals("done", first.status());
        assertEquals(GIB, first.totalSize());
        assertEquals(START, first.createTime());
        assertEquals(START.plus(Duration.ofMinutes(1)), second.createTime());
        assertNull(first.expirationTime());
        assertTrue(second.snapshotID() > first.snapshotID());
    }

    @Test
    void aSnapshotWithRetentionExpiresAndDisappearsWhenItRunsOut() {
        long id = volume("retained");
        SnapshotRecord snapshot = port().createSnapshot(id, "short", "00:30:00");
        assertEquals(START.plus(Duration.ofMinutes(30)), snapshot.expirationTime());
        letTimePass(Duration.ofMinutes(29));
        assertEquals(1, snapshots(id).size());
        letTimePass(Duration.ofMinutes(1));
        assertTrue(snapshots(id).isEmpty());
    }

    @Test
    void aRetentionNotWrittenAsHoursMinutesSecondsIsRefused() {
        long id = volume("badretention");
        refused(ElementErrors.INVALID_PARAMETER, () -> port().createSnapshot(id, "x", "30m"));
        assertTrue(snapshots(id).isEmpty());
    }

    @Test
    void snapshotsOfEqualDataHaveEqualChecksumsAndOfDifferentDataDifferentOnes() {
        long id = volume("sums");
        write(id, "records.log", "1\n2\n");
        String first = port().createSnapshot(id, "a", null).checksum();
        String same = port().createSnapshot(id, "b", null).checksum();
        write(id, "records.log", "1\n2\n3\n");
        String changed = port().createSnapshot(id, "c", null).checksum();
        assertEquals(first, same);
        assertNotEquals(first, changed);
        assertTrue(first.startsWith("0x"), first);
    }

    @Test
    void aDeletedSnapshotIsGoneAndCannotBeDeletedAgain() {
        long id = volume("delsnap");
        SnapshotRecord keep = port().createSnapshot(id, "keep", null);
        SnapshotRecord drop = port().createSnapshot(id, "drop", null);
        port().deleteSnapshot(drop.snapshotID());
        assertEquals(List.of(keep), snapshots(id));
        refused(ElementErrors.SNAPSHOT_ID_DOES_NOT_EXIST, () -> port().deleteSnapshot(drop.snapshotID()));
    }

    @Test
    void listingSnapshotsOfAnUnknownVolumeIsRefusedAndWithoutAVolumeListsEveryVolumes() {
        long a = volume("list-a");
        long b = volume("list-b");
        port().createSnapshot(b, "b1", null);
        port().createSnapshot(a, "a1", null);
        assertEquals(List.of(b, a), port().listSnapshots(null).stream().map(SnapshotRecord::volumeID).toList());
        refused(ElementErrors.VOLUME_ID_DOES_NOT_EXIST, () -> port().listSnapshots(999L));
    }

    @Test
    void aVolumeHoldsAtMost32Snapshots() {
        long id = volume("many");
        for (int i = 0; i < 32; i++) {
            port().createSnapshot(id, "s" + i, null);
        }
        refused(ElementErrors.MAX_SNAPSHOTS_PER_VOLUME_EXCEEDED, () -> port().createSnapshot(id, "s32", null));
        assertEquals(32, snapshots(id).size());
    }

    // ---- rollback -----------------------------------------------------------------------------------------------

    @Test
    void rollbackRestoresExactlyTheSnapshotsDataAndKeepsEverySnapshot() {
        long id = volume("rollback");
        write(id, "records.log", "1\n2\n");
        write(id, "config", "v1");
        SnapshotRecord good = port().createSnapshot(id, "good", null);
        letTimePass(Duration.ofMinutes(10));
        write(id, "records.log", "1\n2\ncorrupt\n");
        write(id, "junk", "written after the snapshot");
        SnapshotRecord later = port().createSnapshot(id, "later", null);

        OptionalLong saved = port().rollbackToSnapshot(id, good.snapshotID(), false, null);

        assertTrue(saved.isEmpty());
        assertEquals("1\n2\n", read(id, "records.log"));
        assertEquals("v1", read(id, "config"));
        assertNull(read(id, "junk"));
        assertEquals(List.of(good, later), snapshots(id));
        assertEquals(good.checksum(), port().createSnapshot(id, "after", null).checksum());
    }

    @Test
    void rollbackSavingTheCurrentStateKeepsItAsANewSnapshotToRollForwardTo() {
        long id = volume("saver");
        write(id, "records.log", "1\n");
        SnapshotRecord old = port().createSnapshot(id, "old", null);
        write(id, "records.log", "1\n2\n3\n");

        OptionalLong saved = port().rollbackToSnapshot(id, old.snapshotID(), true, "before-rollback");

        assertTrue(saved.isPresent());
        assertEquals("1\n", read(id, "records.log"));
        SnapshotRecord current = snapshots(id).stream().filter(s -> s.snapshotID() == saved.getAsLong())
                .findFirst().orElseThrow();
        assertEquals("before-rollback", current.name());
        port().rollbackToSnapshot(id, current.snapshotID(), false, null);
        assertEquals("1\n2\n3\n", read(id, "records.log"));
    }

    @Test
    void rollbackToAnotherVolumesSnapshotOrAnUnknownOneIsRefusedAndChangesNoData() {
        long a = volume("roll-a");
        long b = volume("roll-b");
        write(b, "f", "b's data");
        SnapshotRecord ofA = port().createSnapshot(a, "a", null);
        refused(ElementErrors.SNAPSHOT_ID_DOES_NOT_EXIST,
                () -> port().rollbackToSnapshot(b, ofA.snapshotID(), true, null));
        refused(ElementErrors.SNAPSHOT_ID_DOES_NOT_EXIST, () -> port().rollbackToSnapshot(b, 999, false, null));
        assertEquals("b's data", read(b, "f"));
        assertTrue(snapshots(b).isEmpty());
    }

    // ---- schedules ----------------------------------------------------------------------------------------------

    @Test
    void aScheduleSnapshotsEachVolumeOnceEveryIntervalOnTheSimulatedClock() {
        long a = volume("sched-a");
        long b = volume("sched-b");
        long schedule = port().createSchedule(new ScheduleCreate("hourly", 1, 0, List.of(a, b), "auto", null,
                false, null));
        ScheduleRecord created = port().listSchedules().get(0);
        assertEquals(schedule, created.scheduleID());
        assertEquals("Snapshot", created.scheduleType());
        assertEquals("Time Interval", created.frequency());
        assertEquals(List.of(a, b), created.volumeIDs());
        assertEquals("", created.lastRunStatus());
        assertNull(created.lastRunTimeStarted());

        letTimePass(Duration.ofMinutes(59));
        assertTrue(port().listSnapshots(null).isEmpty());
        letTimePass(Duration.ofMinutes(1));
        assertEquals(1, snapshots(a).size());
        assertEquals(1, snapshots(b).size());
        SnapshotRecord taken = snapshots(a).get(0);
        assertEquals("auto", taken.name());
        assertEquals("hourly", taken.scheduleName());
        assertEquals(START.plus(Duration.ofHours(1)), taken.createTime());
        ScheduleRecord ran = port().listSchedules().get(0);
        assertEquals("Success", ran.lastRunStatus());
        assertEquals(START.plus(Duration.ofHours(1)), ran.lastRunTimeStarted());

        letTimePass(Duration.ofHours(2));
        assertEquals(3, snapshots(a).size());
    }

    @Test
    void scheduledSnapshotsOlderThanTheRetentionAreGone() {
        long id = volume("retention");
        port().createSchedule(new ScheduleCreate("hourly", 1, 0, List.of(id), "auto", "03:00:00", false, null));
        letTimePass(Duration.ofHours(10).plusMinutes(1));
        List<Instant> kept = snapshots(id).stream().map(SnapshotRecord::createTime).toList();
        assertEquals(List.of(START.plus(Duration.ofHours(8)), START.plus(Duration.ofHours(9)),
                START.plus(Duration.ofHours(10))), kept);
        assertTrue(snapshots(id).stream().allMatch(s -> s.expirationTime().equals(s.createTime()
                .plus(Duration.ofHours(3)))));
    }

    @Test
    void aPausedScheduleTakesNothingUntilItIsResumed() {
        long id = volume("paused");
        long schedule = port().createSchedule(new ScheduleCreate("every-15m", 0, 15, List.of(id), "auto", null,
                true, null));
        letTimePass(Duration.ofHours(1));
        assertTrue(snapshots(id).isEmpty());
        assertTrue(port().modifySchedule(ScheduleModify.of(schedule).withPaused(false)).paused() == false);
        letTimePass(Duration.ofMinutes(15));
        assertEquals(1, snapshots(id).size());
    }

    @Test
    void aNewIntervalCountsFromTheModificationAndADeletedScheduleStops() {
        long id = volume("modsched");
        long schedule = port().createSchedule(ScheduleCreate.every("sched", 1, 0, List.of(id), null));
        letTimePass(Duration.ofMinutes(30));
        ScheduleRecord modified = port().modifySchedule(ScheduleModify.of(schedule).withInterval(0, 10));
        assertEquals(0, modified.hours());
        assertEquals(10, modified.minutes());
        letTimePass(Duration.ofMinutes(10));
        assertEquals(List.of(START.plus(Duration.ofMinutes(40))),
                snapshots(id).stream().map(SnapshotRecord::createTime).toList());
        port().modifySchedule(ScheduleModify.of(schedule).deleted());
        assertTrue(port().listSchedules().isEmpty());
        letTimePass(Duration.ofHours(1));
        assertEquals(1, snapshots(id).size());
    }

    @Test
    void schedulesWithoutAnIntervalOrOnUnknownVolumesAreRefusedAndUnknownSchedulesCannotBeModified() {
        long id = volume("badsched");
        refused(ElementErrors.INVALID_PARAMETER,
                () -> port().createSchedule(ScheduleCreate.every("never", 0, 0, List.of(id), null)));
        refused(ElementErrors.VOLUME_ID_DOES_NOT_EXIST,
                () -> port().createSchedule(ScheduleCreate.every("ghost", 1, 0, List.of(id, 999L), null)));
        refused(ElementErrors.SCHEDULE_ID_DOES_NOT_EXIST,
                () -> port().modifySchedule(ScheduleModify.of(5).withPaused(true)));
        assertTrue(port().listSchedules().isEmpty());
    }

    @Test
    void aScheduleWhoseVolumeWasDeletedRecordsAFailedRun() {
        long kept = volume("kept");
        long gone = volume("deleted-later");
        port().createSchedule(ScheduleCreate.every("mixed", 1, 0, List.of(kept, gone), null));
        port().deleteVolume(gone);
        letTimePass(Duration.ofHours(1));
        ScheduleRecord ran = port().listSchedules().get(0);
        assertEquals("Failed", ran.lastRunStatus());
        assertTrue(ran.hasError());
        assertEquals(1, snapshots(kept).size());
    }

    // ---- faults -------------------------------------------------------------------------------------------------

    @Test
    void aClusterOffTheNetworkIsUnreachableAndAnswersAgainWhenBack() {
        long id = volume("net");
        clusterReachable(false);
        assertThrows(UnreachableException.class, () -> port().listVolumes());
        assertThrows(UnreachableException.class, () -> port().createSnapshot(id, "x", null));
        clusterReachable(true);
        assertFalse(port().listVolumes().isEmpty());
        assertTrue(snapshots(id).isEmpty());
    }
}
