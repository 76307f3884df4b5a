package io.mirrordrill.port.element;

import java.util.List;
import java.util.OptionalLong;

/**
 * One Element software (SolidFire) cluster, as its JSON-RPC API presents it at {@code https://<mvip>/json-rpc/<v>}.
 * Each method names the API method it maps to, so the JSON-RPC adapter is a thin translation. Calls complete
 * synchronously; refusals throw {@link ElementException} with Element's error name. Calls to a cluster that cannot
 * be reached throw {@link io.mirrordrill.port.UnreachableException}.
 */
public interface ElementPort {

    // ---- accounts -----------------------------------------------------------------------------------------------

    /** {@code AddAccount {username}}: the new account's ID. */
    long addAccount(String username);

    /** {@code ListAccounts}, by account ID. */
    List<AccountRecord> listAccounts();

    // ---- volumes ------------------------------------------------------------------------------------------------

    /** {@code CreateVolume}: the new volume's ID. */
    long createVolume(VolumeCreate request);

    /** {@code ListVolumes}: active and deleted (not yet purged) volumes, by volume ID. */
    List<VolumeRecord> listVolumes();

    /** {@code ModifyVolume}: the volume after the change. */
    VolumeRecord modifyVolume(VolumeModify request);

    /** {@code DeleteVolume {volumeID}}: the volume becomes {@code deleted} and is purged later. */
    void deleteVolume(long volumeID);

    // ---- volume access groups -----------------------------------------------------------------------------------

    /** {@code CreateVolumeAccessGroup {name, initiators, volumes}}: the new group's ID. */
    long createVolumeAccessGroup(String name, List<String> initiators, List<Long> volumes);

    /** {@code AddVolumesToVolumeAccessGroup {volumeAccessGroupID, volumes}}: the group after the change. */
    VolumeAccessGroupRecord addVolumesToVolumeAccessGroup(long volumeAccessGroupID, List<Long> volumes);

    /** {@code ListVolumeAccessGroups}, by group ID. */
    List<VolumeAccessGroupRecord> listVolumeAccessGroups();

    // ---- snapshots ----------------------------------------------------------------------------------------------

    /**
     * {@code CreateSnapshot {volumeID, name, retention}}: a snapshot of the volume's current data, kept for
     * {@code retention} ({@code HH:mm:ss}; null to keep it until deleted).
     */
    SnapshotRecord createSnapshot(long volumeID, String name, String retention);

    /** {@code ListSnapshots {volumeID}}, oldest first; every volume's when {@code volumeID} is null. */
    List<SnapshotRecord> listSnapshots(Long volumeID);

    /** {@code DeleteSnapshot {snapshotID}}. */
    void deleteSnapshot(long snapshotID);

    /**
     * {@code RollbackToSnapshot {volumeID, snapshotID, saveCurrentState, name}}: the volume's data becomes exactly
     * the snapshot's; the snapshot and every other snapshot are kept. With {@code saveCurrentState} the data before
     * the rollback is first kept as a new snapshot named {@code name}, whose ID is returned; otherwise it is lost
     * and the result is empty.
     */
    OptionalLong rollbackToSnapshot(long volumeID, long snapshotID, boolean saveCurrentState, String name);

    // ---- schedules ----------------------------------------------------------------------------------------------

    /** {@code CreateSchedule}: the new schedule's ID. */
    long createSchedule(ScheduleCreate request);

    /** {@code ListSchedules}, by schedule ID. */
    List<ScheduleRecord> listSchedules();

    /** {@code ModifySchedule}: the schedule after the change (as it was, when it is deleted). */
    ScheduleRecord modifySchedule(ScheduleModify request);
}
