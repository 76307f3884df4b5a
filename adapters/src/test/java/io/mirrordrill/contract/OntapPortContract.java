package io.mirrordrill.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.ontap.DeleteScope;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.JobState;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.PolicyRecord;
import io.mirrordrill.port.ontap.RelationshipCreate;
import io.mirrordrill.port.ontap.RelationshipPatch;
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
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeModify;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.port.ontap.VolumeType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The one contract of {@link OntapPort}: the emulator called directly and the REST adapter talking to the emulator's
 * REST server run these tests. A target offers two clusters, {@value #SOURCE} and {@value #DESTINATION}, at two
 * sites joined by a link of 10 ms latency and 1 MB/s, with nothing configured on them and the default job latency
 * of one second. Simulated time passes only through
 * {@link #letTimePass(Duration)} (and {@link #awaitJob}, which polls the job as a client would). A target that
 * genuinely lacks a behaviour says so in {@link #gap(Capability)}; the test is then skipped with that reason.
 */
public abstract class OntapPortContract {
    protected static final String SOURCE = "c1";
    protected static final String DESTINATION = "c2";
    private static final long GIB = 1L << 30;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String PASSPHRASE = "contract passphrase 42";

    /** Behaviours beyond the REST API that a target may lack. */
    protected enum Capability {
        /** Writing into a volume's files as an NFS client of the cluster would. */
        CLIENT_DATA,
        /** Taking a cluster's site off the network and back. */
        SITE_FAILURE
    }

    // ---- target hooks -------------------------------------------------------------------------------------------

    /** The port of cluster {@value #SOURCE}. */
    protected abstract OntapPort source();

    /** The port of cluster {@value #DESTINATION}. */
    protected abstract OntapPort destination();

    /** The intercluster address of a cluster, for {@code remote.ip_addresses}. */
    protected abstract String interclusterAddress(String cluster);

    /** Lets simulated time pass on both clusters. */
    protected abstract void letTimePass(Duration duration);

    /** Waits for a job to finish and returns it: by default it polls the job, letting time pass in between. */
    protected JobRecord awaitJob(OntapPort port, JobRecord job) {
        JobRecord current = port.job(job.uuid());
        for (Duration waited = Duration.ZERO; !current.state().isDone(); waited = waited.plus(POLL)) {
            assertTrue(waited.compareTo(Duration.ofMinutes(10)) < 0, "job never finished: " + current);
            letTimePass(POLL);
            current = port.job(job.uuid());
        }
        return current;
    }

    /** Why this target lacks {@code capability}, or null when it has it. */
    protected String gap(Capability capability) {
        return null;
    }

    /** Writes {@code count} blocks of {@code fill} at block {@code firstBlock} of a file ({@link Capability#CLIENT_DATA}). */
    protected abstract void writeBlocks(String cluster, String svm, String volume, String file, int firstBlock,
                                        int count, char fill);

    /** Takes a cluster's site off the network, or brings it back ({@link Capability#SITE_FAILURE}). */
    protected abstract void siteOfCluster(String cluster, boolean up);

    private void requires(Capability capability) {
        String why = gap(capability);
        Assumptions.assumeTrue(why == null, () -> getClass().getSimpleName() + " lacks " + capability + ": " + why);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private JobRecord done(OntapPort port, JobRecord job) {
        JobRecord last = awaitJob(port, job);
        assertEquals(JobState.SUCCESS, last.state(), () -> "job failed: " + last);
        return last;
    }

    private static OntapException refused(String code, Executable call) {
        OntapException e = assertThrows(OntapException.class, call);
        assertEquals(code, e.code(), e::toString);
        return e;
    }

    private void svms() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        done(destination(), destination().createSvm("svm2", SvmSubtype.DEFAULT));
    }

    private void clustersPeered() {
        source().createClusterPeer(List.of(interclusterAddress(DESTINATION)), PASSPHRASE);
        destination().createClusterPeer(List.of(interclusterAddress(SOURCE)), PASSPHRASE);
    }

    /** svm1 on the source and svm2 on the destination, clusters and SVMs peered for SnapMirror. */
    private void peered() {
        svms();
        clustersPeered();
        done(destination(), destination().createSvmPeer("svm2", SOURCE, "svm1", List.of("snapmirror")));
        String pending = source().svmPeers().stream().filter(p -> p.state().equals("pending")).findFirst()
                .orElseThrow().uuid();
        done(source(), source().acceptSvmPeer(pending));
    }

    private String volume(OntapPort port, String svm, String name, VolumeType type) {
        done(port, port.createVolume(new VolumeCreate(name, svm, 10 * GIB, type)));
        return port.volume(svm, name).orElseThrow().uuid();
    }

    private String snapshot(OntapPort port, String volumeUuid, String name) {
        done(port, port.createSnapshot(volumeUuid, name, null, null));
        return snapshotNamed(port, volumeUuid, name).uuid();
    }

    private static SnapshotRecord snapshotNamed(OntapPort port, String volumeUuid, String name) {
        return port.snapshots(volumeUuid).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> snapshotNames(OntapPort port, String volumeUuid) {
        return port.snapshots(volumeUuid).stream().map(SnapshotRecord::name).toList();
    }

    /** Peered SVMs, a RW source volume svm1:app and a DP destination svm2:app_dst, and an uninitialized relationship. */
    private String mirror() {
        peered();
        volume(source(), "svm1", "app", VolumeType.RW);
        volume(destination(), "svm2", "app_dst", VolumeType.DP);
        done(destination(), destination().createRelationship(
                new RelationshipCreate("svm1:app", "svm2:app_dst", "MirrorAllSnapshots", null)));
        return destination().relationships(false).stream().filter(r -> r.destinationPath().equals("svm2:app_dst"))
                .findFirst().orElseThrow().uuid();
    }

    /** {@link #mirror()} initialized: the baseline transferred, state snapmirrored. */
    private String initialized() {
        String rel = mirror();
        patch(rel, RelationshipState.SNAPMIRRORED);
        assertEquals(RelationshipState.SNAPMIRRORED, rel(destination(), rel).state());
        return rel;
    }

    private void patch(String rel, RelationshipState state) {
        done(destination(), destination().patchRelationship(rel, RelationshipPatch.state(state)));
        awaitTransfer(destination(), rel);
    }

    private static RelationshipRecord rel(OntapPort port, String uuid) {
        return port.relationship(uuid).orElseThrow(() -> new AssertionError("no relationship " + uuid));
    }

    private TransferRecord awaitTransfer(OntapPort port, String rel) {
        for (Duration waited = Duration.ZERO; ; waited = waited.plus(POLL)) {
            TransferRecord t = rel(port, rel).transfer();
            if (t == null || !t.state().isRunning()) {
                return t;
            }
            assertTrue(waited.compareTo(Duration.ofHours(1)) < 0, "transfer never finished: " + t);
            letTimePass(POLL);
        }
    }

    private TransferRecord update(String rel) {
        TransferRecord started = destination().startTransfer(rel, null);
        assertEquals(TransferState.TRANSFERRING, started.state());
        return awaitTransfer(destination(), rel);
    }

    // ---- cluster and SVMs ---------------------------------------------------------------------------------------

    @Test
    void the_cluster_record_names_the_cluster_its_version_and_site() {
        var cluster = source().cluster();

        assertEquals(SOURCE, cluster.name());
        assertNotNull(cluster.uuid());
        assertTrue(cluster.version().contains("9."), cluster.version());
        assertNotEquals(cluster.site(), destination().cluster().site());
    }

    @Test
    void an_svm_is_created_by_its_job_and_listed_with_its_subtype_and_state() {
        JobRecord job = source().createSvm("svm_a", SvmSubtype.DEFAULT);
        assertFalse(job.state().isDone(), "created by the job, later: " + job);
        assertTrue(source().svm("svm_a").isEmpty());

        done(source(), job);
        done(source(), source().createSvm("svm_dr", SvmSubtype.DP_DESTINATION));

        SvmRecord a = source().svm("svm_a").orElseThrow();
        assertEquals(SvmSubtype.DEFAULT, a.subtype());
        assertEquals(SvmState.RUNNING, a.state());
        assertEquals(new SvmRecord(source().svm("svm_dr").orElseThrow().uuid(), "svm_dr", SvmSubtype.DP_DESTINATION,
                SvmState.STOPPED), source().svm("svm_dr").orElseThrow());
        assertEquals(List.of("svm_a", "svm_dr"), source().svms().stream().map(SvmRecord::name).sorted().toList());
        assertTrue(source().svm("svm").isEmpty(), "a lookup by name is exact");
    }

    @Test
    void an_svm_name_already_taken_is_refused_with_code_1() {
        done(source(), source().createSvm("svm_a", SvmSubtype.DEFAULT));

        refused(OntapErrors.EXISTS, () -> source().createSvm("svm_a", SvmSubtype.DEFAULT));
    }

    @Test
    void an_svm_is_stopped_and_started_through_jobs_and_a_dp_destination_svm_cannot_start() {
        done(source(), source().createSvm("svm_a", SvmSubtype.DEFAULT));
        done(source(), source().createSvm("svm_dr", SvmSubtype.DP_DESTINATION));

        done(source(), source().setSvmState("svm_a", SvmState.STOPPED));
        assertEquals(SvmState.STOPPED, source().svm("svm_a").orElseThrow().state());
        done(source(), source().setSvmState("svm_a", SvmState.RUNNING));
        assertEquals(SvmState.RUNNING, source().svm("svm_a").orElseThrow().state());

        refused(OntapErrors.SVM_DP_DESTINATION_START, () -> source().setSvmState("svm_dr", SvmState.RUNNING));
        refused(OntapErrors.VOLUME_SVM_NOT_FOUND, () -> source().setSvmState("svm_x", SvmState.RUNNING));
    }

    // ---- peering ------------------------------------------------------------------------------------------------

    @Test
    void a_cluster_peer_is_pending_until_both_clusters_create_it_then_available() {
        var first = source().createClusterPeer(List.of(interclusterAddress(DESTINATION)), PASSPHRASE);
        assertEquals("pending", first.state());
        assertEquals(DESTINATION, first.remoteName());
        assertEquals(List.of(interclusterAddress(DESTINATION)), first.remoteAddresses());

        destination().createClusterPeer(List.of(interclusterAddress(SOURCE)), PASSPHRASE);

        assertEquals("available", source().clusterPeers().get(0).state());
        assertEquals("available", destination().clusterPeers().get(0).state());
        refused(OntapErrors.INVALID, () -> source().createClusterPeer(List.of(interclusterAddress(DESTINATION)),
                "short"));
    }

    @Test
    void an_svm_peer_is_initiated_on_one_side_and_pending_on_the_other_until_accepted() {
        svms();
        clustersPeered();

        done(destination(), destination().createSvmPeer("svm2", SOURCE, "svm1", List.of("snapmirror")));
        SvmPeerRecord initiated = destination().svmPeers().get(0);
        SvmPeerRecord pending = source().svmPeers().get(0);
        assertEquals("initiated", initiated.state());
        assertEquals("pending", pending.state());
        assertEquals(List.of("snapmirror"), pending.applications());
        assertEquals("svm1", pending.svm());
        assertEquals("svm2", pending.peerSvm());
        assertEquals(DESTINATION, pending.peerCluster());

        done(source(), source().acceptSvmPeer(pending.uuid()));

        assertEquals("peered", source().svmPeers().get(0).state());
        assertEquals("peered", destination().svmPeers().get(0).state());
    }

    // ---- volumes ------------------------------------------------------------------------------------------------

    @Test
    void a_volume_is_created_by_its_job_and_found_by_svm_and_name() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        done(source(), source().createSvm("svm9", SvmSubtype.DEFAULT));

        volume(source(), "svm1", "data", VolumeType.RW);
        volume(source(), "svm9", "data", VolumeType.DP);

        VolumeRecord v = source().volume("svm1", "data").orElseThrow();
        assertEquals("svm1", v.svm());
        assertEquals(10 * GIB, v.size());
        assertEquals(VolumeType.RW, v.type());
        assertEquals("online", v.state());
        assertEquals("none", v.snapshotPolicy());
        assertFalse(v.isProtected());
        assertNotNull(v.createTime());
        assertEquals(VolumeType.DP, source().volume("svm9", "data").orElseThrow().type());
        assertEquals(List.of(v), source().volumes("svm1"));
        assertEquals(2, source().volumes(null).size());
        assertTrue(source().volume("svm1", "dat").isEmpty());
    }

    @Test
    void volume_names_follow_ontap_rules_917886_too_long_and_917887_bad_first_character() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));

        refused(OntapErrors.VOLUME_NAME_TOO_LONG, () -> source().createVolume(
                new VolumeCreate("v".repeat(204), "svm1", GIB, VolumeType.RW)));
        refused(OntapErrors.VOLUME_NAME_BAD_FIRST_CHAR, () -> source().createVolume(
                new VolumeCreate("1vol", "svm1", GIB, VolumeType.RW)));
        refused(OntapErrors.VOLUME_NAME_BAD_FIRST_CHAR, () -> source().createVolume(
                new VolumeCreate("vol-1", "svm1", GIB, VolumeType.RW)));
        volume(source(), "svm1", "_vol_" + "v".repeat(198), VolumeType.RW);
        assertEquals(1, source().volumes("svm1").size());
    }

    @Test
    void a_duplicate_volume_name_is_refused_with_917526_and_an_unknown_svm_with_917505() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        volume(source(), "svm1", "vol", VolumeType.RW);

        OntapException duplicate = refused(OntapErrors.VOLUME_DUPLICATE_NAME, () -> source().createVolume(
                new VolumeCreate("vol", "svm1", GIB, VolumeType.RW)));
        refused(OntapErrors.VOLUME_SVM_NOT_FOUND, () -> source().createVolume(
                new VolumeCreate("vol", "nosuch", GIB, VolumeType.RW)));

        assertEquals(409, duplicate.httpStatus());
        assertEquals("name", duplicate.target());
    }

    @Test
    void of_two_creates_of_one_name_before_either_job_runs_the_second_job_fails_with_917526() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        JobRecord first = source().createVolume(new VolumeCreate("vol", "svm1", GIB, VolumeType.RW));
        JobRecord second = source().createVolume(new VolumeCreate("vol", "svm1", GIB, VolumeType.RW));

        assertEquals(JobState.SUCCESS, awaitJob(source(), first).state());
        JobRecord failed = awaitJob(source(), second);

        assertEquals(JobState.FAILURE, failed.state());
        assertEquals(OntapErrors.VOLUME_DUPLICATE_NAME, failed.code());
        assertTrue(failed.message().contains("vol"), failed.message());
        assertNotNull(failed.endTime());
    }

    @Test
    void a_flexclone_starts_with_the_data_of_its_parent_snapshot() {
        requires(Capability.CLIENT_DATA);
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        String parent = volume(source(), "svm1", "parent", VolumeType.RW);
        writeBlocks(SOURCE, "svm1", "parent", "f", 0, 3, 'a');
        snapshot(source(), parent, "base");
        writeBlocks(SOURCE, "svm1", "parent", "f", 3, 5, 'b');

        done(source(), source().createVolume(VolumeCreate.clone("child", "svm1", GIB, "parent", "base")));

        VolumeRecord child = source().volume("svm1", "child").orElseThrow();
        assertEquals(VolumeType.RW, child.type());
        assertEquals(snapshotNamed(source(), parent, "base").size(), child.usedBytes());
        assertEquals(3 * 4096, child.usedBytes());
        assertEquals(8 * 4096, source().volume("svm1", "parent").orElseThrow().usedBytes());
    }

    @Test
    void a_deleted_volume_is_gone_after_its_job() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        String uuid = volume(source(), "svm1", "vol", VolumeType.RW);

        done(source(), source().deleteVolume(uuid));

        assertTrue(source().volume("svm1", "vol").isEmpty());
    }

    // ---- snapshots ----------------------------------------------------------------------------------------------

    @Test
    void snapshots_are_listed_oldest_first_with_comment_label_and_state() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        String vol = volume(source(), "svm1", "vol", VolumeType.RW);

        done(source(), source().createSnapshot(vol, "first", "before upgrade", "daily"));
        letTimePass(Duration.ofMinutes(1));
        snapshot(source(), vol, "second");

        List<SnapshotRecord> all = source().snapshots(vol);
        assertEquals(List.of("first", "second"), all.stream().map(SnapshotRecord::name).toList());
        assertEquals("before upgrade", all.get(0).comment());
        assertEquals("daily", all.get(0).snapmirrorLabel());
        assertEquals("valid", all.get(0).state());
        assertEquals(List.of(), all.get(0).owners());
        assertNull(all.get(1).comment());
        assertTrue(all.get(1).createTime().isAfter(all.get(0).createTime()));
    }

    @Test
    void a_snapshot_name_taken_on_the_volume_is_refused_with_525059() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        String vol = volume(source(), "svm1", "vol", VolumeType.RW);
        snapshot(source(), vol, "s1");

        refused(OntapErrors.SNAPSHOT_NAME_EXISTS, () -> source().createSnapshot(vol, "s1", null, null));
    }

    @Test
    void a_deleted_snapshot_is_gone_and_an_unknown_one_is_1638600() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        String vol = volume(source(), "svm1", "vol", VolumeType.RW);
        String s1 = snapshot(source(), vol, "s1");
        snapshot(source(), vol, "s2");

        done(source(), source().deleteSnapshot(vol, s1));

        assertEquals(List.of("s2"), snapshotNames(source(), vol));
        refused(OntapErrors.SNAPSHOT_NOT_FOUND, () -> source().deleteSnapshot(vol, s1));
    }

    @Test
    void snapshots_are_refused_on_a_dp_volume_with_1638461() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        String dp = volume(source(), "svm1", "dp", VolumeType.DP);

        refused(OntapErrors.SNAPSHOT_ONLY_ON_RW, () -> source().createSnapshot(dp, "s1", null, null));
    }

    @Test
    void a_snapshot_that_snapmirror_depends_on_cannot_be_deleted_1638543() {
        initialized();
        String app = source().volume("svm1", "app").orElseThrow().uuid();
        SnapshotRecord owned = source().snapshots(app).stream().filter(s -> s.name().startsWith("snapmirror."))
                .findFirst().orElseThrow();

        assertEquals(List.of("snapmirror_dependent"), owned.owners());
        refused(OntapErrors.SNAPSHOT_HAS_OWNER, () -> source().deleteSnapshot(app, owned.uuid()));
    }

    @Test
    void a_restore_returns_the_volume_to_the_snapshot_and_deletes_newer_snapshots() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        String vol = volume(source(), "svm1", "vol", VolumeType.RW);
        boolean data = gap(Capability.CLIENT_DATA) == null;
        if (data) {
            writeBlocks(SOURCE, "svm1", "vol", "f", 0, 2, 'a');
        }
        snapshot(source(), vol, "s1");
        if (data) {
            writeBlocks(SOURCE, "svm1", "vol", "f", 2, 4, 'b');
        }
        snapshot(source(), vol, "s2");
        snapshot(source(), vol, "s3");

        done(source(), source().restoreVolume(vol, "s1", false));

        assertEquals(List.of("s1"), snapshotNames(source(), vol));
        if (data) {
            assertEquals(2 * 4096, source().volume("svm1", "vol").orElseThrow().usedBytes());
        }
        refused(OntapErrors.SNAPSHOT_NOT_FOUND, () -> source().restoreVolume(vol, "s3", false));
    }

    @Test
    void volume_modify_sets_a_snapshot_policy_whose_schedule_takes_hourly_snapshots_keeping_six() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        String vol = volume(source(), "svm1", "vol", VolumeType.RW);

        done(source(), source().modifyVolume(vol, new VolumeModify("default", true)));
        letTimePass(Duration.ofHours(8));

        assertEquals("default", source().volume("svm1", "vol").orElseThrow().snapshotPolicy());
        List<String> hourly = snapshotNames(source(), vol).stream().filter(n -> n.startsWith("hourly.")).toList();
        assertEquals(6, hourly.size(), hourly.toString());
        refused(OntapErrors.INVALID, () -> source().modifyVolume(vol, new VolumeModify("every-minute", null)));
    }

    @Test
    void a_restore_past_a_snapmirror_snapshot_is_refused_with_1638480_unless_forced() {
        String rel = mirror();
        String app = source().volume("svm1", "app").orElseThrow().uuid();
        snapshot(source(), app, "before");
        patch(rel, RelationshipState.SNAPMIRRORED);

        refused(OntapErrors.SNAPSHOT_RESTORE_NEWER_SNAPMIRROR, () -> source().restoreVolume(app, "before", false));
        done(source(), source().restoreVolume(app, "before", true));

        assertEquals(List.of("before"), snapshotNames(source(), app));
    }

    // ---- SnapMirror: creation -----------------------------------------------------------------------------------

    @Test
    void a_relationship_with_a_path_lacking_a_colon_or_an_unknown_policy_or_schedule_is_refused() {
        peered();
        volume(source(), "svm1", "app", VolumeType.RW);
        volume(destination(), "svm2", "app_dst", VolumeType.DP);

        refused(OntapErrors.SM_PATH_LACKS_COLON, () -> destination().createRelationship(
                new RelationshipCreate("svm1:app", "svm2/app_dst", null, null)));
        refused(OntapErrors.SM_INVALID_POLICY, () -> destination().createRelationship(
                new RelationshipCreate("svm1:app", "svm2:app_dst", "MirrorEverything", null)));
        refused(OntapErrors.SM_SCHEDULE_NOT_FOUND, () -> destination().createRelationship(
                new RelationshipCreate("svm1:app", "svm2:app_dst", null, "every-3-minutes")));
        assertEquals(List.of(), destination().relationships(false));
    }

    @Test
    void a_read_write_destination_sharing_no_snapshot_with_the_source_is_refused_with_6619546() {
        peered();
        volume(source(), "svm1", "app", VolumeType.RW);
        volume(destination(), "svm2", "rw_dst", VolumeType.RW);

        refused(OntapErrors.SM_DESTINATION_NOT_DP, () -> destination().createRelationship(
                new RelationshipCreate("svm1:app", "svm2:rw_dst", null, null)));
    }

    @Test
    void a_relationship_between_svms_that_are_not_peered_is_refused_with_13303886() {
        svms();
        clustersPeered();
        volume(source(), "svm1", "app", VolumeType.RW);
        volume(destination(), "svm2", "app_dst", VolumeType.DP);

        refused(OntapErrors.SM_SVM_PEER_MISSING, () -> destination().createRelationship(
                new RelationshipCreate("svm1:app", "svm2:app_dst", null, null)));
    }

    @Test
    void a_second_relationship_for_one_destination_is_refused_with_6619637() {
        mirror();

        refused(OntapErrors.SM_RELATIONSHIP_EXISTS, () -> destination().createRelationship(
                new RelationshipCreate("svm1:app", "svm2:app_dst", null, null)));
    }

    @Test
    void an_invalid_field_value_is_refused_with_262197_naming_the_field() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));

        OntapException type = refused(OntapErrors.INVALID_VALUE, () -> source().createSnapmirrorPolicy(
                new PolicyRecord("dr_policy", "eventual", true, null, List.of())));
        OntapException minute = refused(OntapErrors.INVALID_VALUE, () -> source().createSchedule(
                new ScheduleRecord("odd", List.of(61), List.of(), List.of(), List.of(), List.of())));
        OntapException size = refused(OntapErrors.INVALID_VALUE, () -> source().createVolume(
                new VolumeCreate("vol", "svm1", 0, VolumeType.RW)));

        assertEquals(400, type.httpStatus());
        assertEquals("type", type.target());
        assertTrue(type.getMessage().contains("\"eventual\""), type::toString);
        assertEquals("cron.minutes", minute.target());
        assertEquals("size", size.target());
        assertTrue(source().snapmirrorPolicies().stream().noneMatch(p -> p.name().equals("dr_policy")));
    }

    @Test
    void a_created_policy_and_cron_schedule_are_listed_and_used_by_a_relationship() {
        peered();
        volume(source(), "svm1", "app", VolumeType.RW);
        volume(destination(), "svm2", "app_dst", VolumeType.DP);
        PolicyRecord policy = new PolicyRecord("dr_policy", "async", true, null,
                List.of(new PolicyRecord.Retention("sm_created", "2")));
        ScheduleRecord cron = new ScheduleRecord("every_10min", List.of(0, 10, 20, 30, 40, 50), List.of(), List.of(),
                List.of(), List.of());

        done(destination(), destination().createSnapmirrorPolicy(policy));
        done(destination(), destination().createSchedule(cron));
        done(destination(), destination().createRelationship(
                new RelationshipCreate("svm1:app", "svm2:app_dst", "dr_policy", "every_10min")));

        assertTrue(destination().snapmirrorPolicies().contains(policy), destination().snapmirrorPolicies()::toString);
        assertTrue(destination().snapmirrorPolicies().stream().anyMatch(p -> p.name().equals("MirrorAllSnapshots")));
        assertTrue(destination().schedules().contains(cron), destination().schedules()::toString);
        RelationshipRecord r = destination().relationships(false).get(0);
        assertEquals("dr_policy", r.policy());
        assertEquals("async", r.policyType());
        assertEquals("every_10min", r.transferSchedule());
    }

    // ---- SnapMirror: lifecycle ----------------------------------------------------------------------------------

    @Test
    void initialize_transfers_a_baseline_and_the_relationship_becomes_snapmirrored() {
        String rel = mirror();
        RelationshipRecord created = rel(destination(), rel);
        assertEquals(RelationshipState.UNINITIALIZED, created.state());
        assertEquals("svm1:app", created.sourcePath());
        assertEquals(SOURCE, created.sourceCluster());
        assertEquals(DESTINATION, created.destinationCluster());
        assertEquals("none", created.groupType());
        assertNull(created.transfer());
        assertEquals(List.of(rel), source().relationships(true).stream().map(RelationshipRecord::uuid).toList());
        assertEquals(List.of(), destination().relationships(true));
        assertEquals(List.of(), source().relationships(false));
        assertEquals(Optional.of(rel), destination().relationshipTo("svm2:app_dst").map(RelationshipRecord::uuid));
        assertEquals(Optional.empty(), destination().relationshipTo("svm2:other"), "no relationship into it");
        assertEquals(Optional.empty(), source().relationshipTo("svm2:app_dst"), "listed by the destination only");

        done(destination(), destination().patchRelationship(rel, RelationshipPatch.state(RelationshipState.SNAPMIRRORED)));
        TransferRecord running = rel(destination(), rel).transfer();
        assertEquals("initialize", running.type());
        assertTrue(running.state().isRunning(), running::toString);
        TransferRecord done = awaitTransfer(destination(), rel);

        assertEquals(TransferState.SUCCESS, done.state());
        RelationshipRecord r = rel(destination(), rel);
        assertEquals(RelationshipState.SNAPMIRRORED, r.state());
        assertTrue(r.healthy());
        assertEquals("initialize", r.lastTransferType());
        assertTrue(r.exportedSnapshot().startsWith("snapmirror."), r.exportedSnapshot());
        assertNotNull(r.lagTime());
        String dst = destination().volume("svm2", "app_dst").orElseThrow().uuid();
        assertTrue(snapshotNames(destination(), dst).contains(r.exportedSnapshot()));
        assertTrue(source().volume("svm1", "app").orElseThrow().isProtected());
        assertEquals(List.of(done.uuid()), destination().transfers(rel).stream().map(TransferRecord::uuid).toList());
    }

    @Test
    void an_update_moves_exactly_the_blocks_changed_since_the_last_transfer() {
        requires(Capability.CLIENT_DATA);
        String rel = mirror();
        writeBlocks(SOURCE, "svm1", "app", "data.bin", 0, 3, 'a');
        patch(rel, RelationshipState.SNAPMIRRORED);
        TransferRecord baseline = rel(destination(), rel).transfer();
        assertEquals(3 * 4096, baseline.bytesTransferred());

        writeBlocks(SOURCE, "svm1", "app", "data.bin", 1, 2, 'b');
        letTimePass(Duration.ofMinutes(5));
        TransferRecord update = update(rel);

        assertEquals("update", update.type());
        assertEquals(TransferState.SUCCESS, update.state());
        assertEquals(2 * 4096, update.bytesTransferred());
        assertNotNull(update.endTime());
        assertNotEquals(baseline.snapshot(), rel(destination(), rel).exportedSnapshot());
        assertEquals(0, update(rel).bytesTransferred());
        assertEquals(List.of("initialize", "update", "update"), destination().transfers(rel).stream()
                .map(TransferRecord::type).toList());
    }

    @Test
    void a_second_update_while_one_runs_is_refused_with_13303844() {
        String rel = initialized();
        destination().startTransfer(rel, null);

        refused(OntapErrors.SM_TRANSFER_IN_PROGRESS, () -> destination().startTransfer(rel, null));
    }

    @Test
    void quiesce_pauses_the_relationship_refuses_updates_with_13303818_and_resume_returns_it() {
        String rel = initialized();

        patch(rel, RelationshipState.PAUSED);
        assertEquals(RelationshipState.PAUSED, rel(destination(), rel).state());
        refused(OntapErrors.SM_INVALID_TRANSITION, () -> destination().startTransfer(rel, null));

        patch(rel, RelationshipState.SNAPMIRRORED);
        assertEquals(RelationshipState.SNAPMIRRORED, rel(destination(), rel).state());
        assertEquals(TransferState.SUCCESS, update(rel).state());
    }

    @Test
    void break_makes_the_destination_read_write_and_refuses_updates_until_resync() {
        String rel = initialized();
        assertEquals(VolumeType.DP, destination().volume("svm2", "app_dst").orElseThrow().type());

        patch(rel, RelationshipState.BROKEN_OFF);

        assertEquals(RelationshipState.BROKEN_OFF, rel(destination(), rel).state());
        assertEquals(VolumeType.RW, destination().volume("svm2", "app_dst").orElseThrow().type());
        refused(OntapErrors.SM_INVALID_TRANSITION, () -> destination().startTransfer(rel, null));
    }

    @Test
    void a_break_while_a_transfer_runs_is_refused_with_13303808() {
        String rel = initialized();
        destination().startTransfer(rel, null);

        OntapException e = refused(OntapErrors.SM_BREAK_FAILED_TRANSFERRING, () -> destination()
                .patchRelationship(rel, RelationshipPatch.state(RelationshipState.BROKEN_OFF)));

        assertEquals(409, e.httpStatus());
        assertEquals(RelationshipState.SNAPMIRRORED, rel(destination(), rel).state());
    }

    @Test
    void resync_after_a_break_returns_the_destination_to_dp_with_a_resync_transfer() {
        String rel = initialized();
        patch(rel, RelationshipState.BROKEN_OFF);
        String dst = destination().volume("svm2", "app_dst").orElseThrow().uuid();
        snapshot(destination(), dst, "dst_only");

        patch(rel, RelationshipState.SNAPMIRRORED);

        RelationshipRecord r = rel(destination(), rel);
        assertEquals(RelationshipState.SNAPMIRRORED, r.state());
        assertEquals("resync", r.lastTransferType());
        assertEquals(VolumeType.DP, destination().volume("svm2", "app_dst").orElseThrow().type());
        assertFalse(snapshotNames(destination(), dst).contains("dst_only"), "discarded by the resync");
    }

    @Test
    void a_reverse_resync_with_swapped_paths_makes_the_old_source_the_destination() {
        String rel = initialized();
        patch(rel, RelationshipState.BROKEN_OFF);
        String dst = destination().volume("svm2", "app_dst").orElseThrow().uuid();
        snapshot(destination(), dst, "written_after_failover");

        done(destination(), destination().patchRelationship(rel, RelationshipPatch.reverse("svm2:app_dst",
                "svm1:app")));
        awaitTransfer(source(), rel);

        RelationshipRecord r = rel(source(), rel);
        assertEquals("svm2:app_dst", r.sourcePath());
        assertEquals("svm1:app", r.destinationPath());
        assertEquals(RelationshipState.SNAPMIRRORED, r.state());
        assertEquals(List.of(rel), source().relationships(false).stream().map(RelationshipRecord::uuid).toList());
        assertEquals(VolumeType.DP, source().volume("svm1", "app").orElseThrow().type());
        assertEquals(VolumeType.RW, destination().volume("svm2", "app_dst").orElseThrow().type());
        String app = source().volume("svm1", "app").orElseThrow().uuid();
        assertTrue(snapshotNames(source(), app).contains("written_after_failover"), "kept and carried back");
    }

    @Test
    void an_abort_stops_a_running_transfer() {
        requires(Capability.CLIENT_DATA);
        String rel = initialized();
        // 2 MB over the 1 MB/s link: the transfer still runs when the abort's job does, a second later
        writeBlocks(SOURCE, "svm1", "app", "big.bin", 0, 500, 'x');
        TransferRecord running = destination().startTransfer(rel, null);

        done(destination(), destination().abortTransfer(rel, running.uuid(), false));

        TransferRecord aborted = rel(destination(), rel).transfer();
        assertEquals(running.uuid(), aborted.uuid());
        assertEquals(TransferState.ABORTED, aborted.state());
        assertEquals(RelationshipState.SNAPMIRRORED, rel(destination(), rel).state());
    }

    @Test
    void a_volume_in_a_relationship_cannot_be_deleted_code_18436_for_its_source_8_for_its_destination() {
        mirror();
        String app = source().volume("svm1", "app").orElseThrow().uuid();
        String dst = destination().volume("svm2", "app_dst").orElseThrow().uuid();

        OntapException source = refused(OntapErrors.VOLUME_SNAPMIRROR_SOURCE, () -> source().deleteVolume(app));
        assertTrue(source.getMessage().contains("is the source endpoint of one or more SnapMirror relationships"),
                source.getMessage());
        refused(OntapErrors.IN_USE, () -> destination().deleteVolume(dst));
    }

    @Test
    void a_resync_without_a_common_snapshot_fails_with_13303867() {
        String rel = initialized();
        patch(rel, RelationshipState.BROKEN_OFF);
        String dst = destination().volume("svm2", "app_dst").orElseThrow().uuid();
        for (SnapshotRecord s : destination().snapshots(dst)) {
            done(destination(), destination().deleteSnapshot(dst, s.uuid()));
        }

        // the PATCH is accepted; its job fails, as ONTAP finds the common snapshot only when the resync runs
        JobRecord job = awaitJob(destination(), destination().patchRelationship(rel,
                RelationshipPatch.state(RelationshipState.SNAPMIRRORED)));
        assertEquals(JobState.FAILURE, job.state(), job::toString);
        assertEquals(OntapErrors.SM_NO_COMMON_SNAPSHOT, job.code(), job::toString);
        assertTrue(job.message().contains("no common Snapshot copy"), job.message());
        assertEquals(RelationshipState.BROKEN_OFF, rel(destination(), rel).state(), "nothing changed");
        assertEquals(VolumeType.RW, destination().volume("svm2", "app_dst").orElseThrow().type());
    }

    @Test
    void delete_on_the_destination_and_release_on_the_source_remove_the_relationship_and_keep_the_volumes() {
        String rel = initialized();
        String app = source().volume("svm1", "app").orElseThrow().uuid();

        done(destination(), destination().deleteRelationship(rel, DeleteScope.DESTINATION_ONLY));
        assertEquals(List.of(), destination().relationships(false));
        assertEquals(1, source().relationships(true).size(), "the source side stays until released");

        done(source(), source().deleteRelationship(rel, DeleteScope.SOURCE_ONLY));

        assertEquals(List.of(), source().relationships(true));
        assertTrue(source().relationship(rel).isEmpty());
        SnapshotRecord released = source().snapshots(app).stream().filter(s -> s.name().startsWith("snapmirror."))
                .findFirst().orElseThrow();
        assertEquals(List.of(), released.owners());
        done(source(), source().deleteSnapshot(app, released.uuid()));
        assertTrue(destination().volume("svm2", "app_dst").isPresent());
        assertFalse(source().volume("svm1", "app").orElseThrow().isProtected());
    }

    @Test
    void a_delete_without_flags_removes_snapmirror_snapshots_on_both_sides() {
        String rel = initialized();
        String app = source().volume("svm1", "app").orElseThrow().uuid();
        String dst = destination().volume("svm2", "app_dst").orElseThrow().uuid();

        done(destination(), destination().deleteRelationship(rel, DeleteScope.BOTH));

        assertTrue(destination().relationship(rel).isEmpty());
        assertTrue(snapshotNames(source(), app).stream().noneMatch(n -> n.startsWith("snapmirror.")));
        assertTrue(snapshotNames(destination(), dst).stream().noneMatch(n -> n.startsWith("snapmirror.")));
    }

    // ---- references by uuid -------------------------------------------------------------------------------------

    @Test
    void every_svm_reference_carries_the_uuid_of_the_svm_on_its_own_cluster() {
        String rel = mirror();
        String svm1 = source().svm("svm1").orElseThrow().uuid();
        String svm2 = destination().svm("svm2").orElseThrow().uuid();

        assertEquals(svm1, source().volume("svm1", "app").orElseThrow().svmUuid());
        assertEquals(svm2, destination().volume("svm2", "app_dst").orElseThrow().svmUuid());
        SvmPeerRecord initiated = destination().svmPeers().get(0);
        SvmPeerRecord accepted = source().svmPeers().get(0);
        assertEquals(List.of(svm2, svm1), List.of(initiated.svmUuid(), initiated.peerSvmUuid()));
        assertEquals(List.of(svm1, svm2), List.of(accepted.svmUuid(), accepted.peerSvmUuid()));
        for (RelationshipRecord r : List.of(rel(destination(), rel), rel(source(), rel),
                destination().relationships(false).get(0), source().relationships(true).get(0))) {
            assertEquals(svm1, r.sourceSvmUuid(), r::toString);
            assertEquals(svm2, r.destinationSvmUuid(), r::toString);
        }
    }

    @Test
    void a_relationship_names_its_policy_by_a_uuid_that_is_the_same_from_either_cluster_and_over_time() {
        String rel = mirror();
        String policy = rel(destination(), rel).policyUuid();

        assertNotNull(policy);
        assertEquals(policy, rel(source(), rel).policyUuid());
        patch(rel, RelationshipState.SNAPMIRRORED);
        assertEquals(policy, rel(destination(), rel).policyUuid());
        assertNotEquals(rel, policy);
    }

    // ---- jobs, unknown objects, reachability --------------------------------------------------------------------

    @Test
    void a_job_is_queued_until_time_passes_then_succeeds_with_message_success_and_code_0() {
        JobRecord job = source().createSvm("svm_a", SvmSubtype.DEFAULT);

        JobRecord queued = source().job(job.uuid());
        assertEquals(JobState.QUEUED, queued.state());
        assertNotNull(queued.startTime());
        assertNull(queued.endTime());

        letTimePass(Duration.ofSeconds(1));

        JobRecord finished = source().job(job.uuid());
        assertEquals(JobState.SUCCESS, finished.state());
        assertEquals("success", finished.message());
        assertEquals("0", finished.code());
        assertEquals(queued.startTime().plusSeconds(1), finished.endTime());
        assertNotNull(finished.description());
    }

    @Test
    void the_jobs_listing_holds_the_cluster_s_jobs_oldest_first_with_their_outcome() {
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));
        JobRecord first = source().createVolume(new VolumeCreate("vol", "svm1", GIB, VolumeType.RW));
        JobRecord second = source().createVolume(new VolumeCreate("vol", "svm1", GIB, VolumeType.RW));
        awaitJob(source(), first);
        awaitJob(source(), second);

        List<JobRecord> jobs = source().jobs();

        assertEquals(3, jobs.size(), jobs::toString);
        assertEquals(List.of(first.uuid(), second.uuid()), jobs.subList(1, 3).stream().map(JobRecord::uuid).toList());
        assertEquals(List.of(JobState.SUCCESS, JobState.SUCCESS, JobState.FAILURE),
                jobs.stream().map(JobRecord::state).toList());
        assertEquals(source().job(second.uuid()), jobs.get(2));
        assertEquals(OntapErrors.VOLUME_DUPLICATE_NAME, jobs.get(2).code());
        assertEquals(List.of(), destination().jobs(), "each cluster lists its own jobs");
    }

    @Test
    void unknown_uuids_are_404_with_code_4_and_an_unknown_relationship_is_absent() {
        String nobody = "00000000-0000-4000-8000-000000000000";
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));

        for (Executable call : List.<Executable>of(() -> source().job(nobody), () -> source().snapshots(nobody),
                () -> source().deleteVolume(nobody), () -> source().acceptSvmPeer(nobody),
                () -> source().transfers(nobody),
                () -> source().patchRelationship(nobody, RelationshipPatch.state(RelationshipState.PAUSED)),
                () -> source().deleteRelationship(nobody, DeleteScope.BOTH))) {
            OntapException e = refused(OntapErrors.NOT_FOUND, call);
            assertEquals(404, e.httpStatus());
        }
        assertTrue(source().relationship(nobody).isEmpty());
    }

    @Test
    void a_cluster_whose_site_is_down_is_unreachable_until_it_returns() {
        requires(Capability.SITE_FAILURE);
        done(source(), source().createSvm("svm1", SvmSubtype.DEFAULT));

        siteOfCluster(SOURCE, false);
        assertThrows(UnreachableException.class, () -> source().svms());
        assertEquals(List.of(), destination().svms(), "the other cluster still answers");

        siteOfCluster(SOURCE, true);
        assertEquals(1, source().svms().size());
    }
}
