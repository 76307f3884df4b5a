package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.TextSummary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storage administrator's drills (etcd, kubeadm, Element): what they measure, and what a person is told when a
 * step of the runbook is skipped.
 */
class HostDrillsTest {
    private static DrillResult run(Path drill) {
        return DrillRunner.run(DrillParser.parse(drill), RunOptions.defaults());
    }

    /** A drill beside the built-in ones' resource files (so it can name storage/etcd-world.yaml). */
    private static Path drill(String name, String steps) throws IOException {
        return drill(name, "storage/etcd-world.yaml", steps);
    }

    private static Path drill(String name, String world, String steps) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "storage-drills"));
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\ndescription: " + name + "\nseed: 21\nworld: ../../drills/" + world
                + "\nsteps:\n" + steps);
        return file;
    }

    private static final String SAVED_THEN_LOST = """
              - mount: {site: cp-east, volume: ontap-east/svm-east/k8s_etcd_backup, path: /var/lib/etcd-backup}
              - etcdctl: {cluster: k8s-prod, command: "snapshot save /var/lib/etcd-backup/snap.db"}
              - advance: 10m
              - fault: {siteDown: cp-east, disaster: true}
              - mount: {site: west, volume: ontap-west/svm-west/k8s_etcd_backup_dr, path: /mnt/backup}
            """;

    @Test
    void theRolledBackVolumeLosesExactlyWhatWasWrittenAfterTheSnapshotAndTheRpoIsTheTimeSinceIt() {
        DrillResult r = run(Path.of("drills", "element-snapshot-rollback.yaml"));
        assertTrue(r.passed(), TextSummary.of(r));
        long rpo = r.measures().rpoMillis();
        assertTrue(rpo >= 30 * 60_000 && rpo <= 31 * 60_000, "the snapshot at 2h, the corruption at 2h30m: "
                + TextSummary.of(r));
        assertTrue(r.measures().rpoRecords() > 8_000, TextSummary.of(r));
        assertTrue(r.measures().writesLost() >= r.measures().rpoRecords(), "the 5 minutes after the corruption too");
        assertTrue(r.invariants().contains(RollbackRestoresSnapshot.ID), r.invariants().toString());
    }

    @Test
    void theClusterRebuiltFromTheMirroredEtcdSnapshotRunsTheAppAgainWithNothingLost() {
        DrillResult r = run(Path.of("drills", "etcd-restore-rebuild.yaml"));
        assertTrue(r.passed(), TextSummary.of(r));
        assertEquals(0L, r.measures().rpoRecords());
        assertEquals(0L, r.measures().writesLost());
        assertNotNull(r.measures().rtoMillis(), TextSummary.of(r));
        assertTrue(r.invariants().contains(EtcdRestoreMatchesSnapshot.ID), r.invariants().toString());
    }

    @Test
    void kubeadmInitBeforeTheSnapshotIsRestoredFailsNamingTheRestoreThatWasSkipped() throws IOException {
        DrillResult r = run(drill("kubeadm-before-restore", SAVED_THEN_LOST + """
              - kubeadm: {cluster: k8s-prod, site: west, command: "init --ignore-preflight-errors=DirAvailable--var-lib-etcd"}
            """));
        assertFalse(r.passed());
        assertEquals("step", r.failure().kind());
        assertTrue(r.failure().message().contains("finds no restored etcd data in /var/lib/etcd"),
                r.failure().message());
        assertTrue(r.failure().message().contains("empty cluster k8s-prod without Trident's CRDs"),
                r.failure().message());
        assertTrue(r.failure().evidence().contains("etcdctl snapshot restore <file> --data-dir /var/lib/etcd --name"
                + " k8s-prod"), r.failure().evidence());
    }

    @Test
    void kubeadmInitOverTheRestoredDataDirWithoutTheIgnoreFlagFailsWithKubeadmsPreflightError() throws IOException {
        DrillResult r = run(drill("kubeadm-preflight", SAVED_THEN_LOST + """
              - etcdctl: {site: west, command: "snapshot restore /mnt/backup/snap.db --data-dir /var/lib/etcd --name k8s-prod"}
              - kubeadm: {cluster: k8s-prod, site: west, command: "init"}
            """));
        assertFalse(r.passed());
        assertTrue(r.failure().message().contains("[ERROR DirAvailable--var-lib-etcd]: /var/lib/etcd is not empty"),
                r.failure().message());
        assertTrue(r.failure().evidence().contains("--ignore-preflight-errors=DirAvailable--var-lib-etcd"),
                r.failure().evidence());
    }

    @Test
    void aRestoreUnderAnotherMemberNameIsRefusedByKubeadmNamingTheNameToRestoreWith() throws IOException {
        DrillResult r = run(drill("restore-default-name", SAVED_THEN_LOST + """
              - etcdctl: {site: west, command: "snapshot restore /mnt/backup/snap.db --data-dir /var/lib/etcd"}
              - kubeadm: {cluster: k8s-prod, site: west, command: "init --ignore-preflight-errors=all"}
            """));
        assertFalse(r.passed());
        assertTrue(r.failure().message().contains("restore with --name k8s-prod"), r.failure().message());
    }

    @Test
    void aSnapshotSavedAfterTheMirrorsLastTransferIsNotOnTheMirrorCopy() throws IOException {
        DrillResult r = run(drill("restore-before-transfer", """
              - mount: {site: cp-east, volume: ontap-east/svm-east/k8s_etcd_backup, path: /var/lib/etcd-backup}
              - etcdctl: {cluster: k8s-prod, command: "snapshot save /var/lib/etcd-backup/snap.db"}
              - fault: {siteDown: cp-east, disaster: true}
              - mount: {site: west, volume: ontap-west/svm-west/k8s_etcd_backup_dr, path: /mnt/backup}
              - etcdctl: {site: west, command: "snapshot restore /mnt/backup/snap.db --data-dir /var/lib/etcd --name k8s-prod"}
            """));
        assertFalse(r.passed());
        assertTrue(r.failure().message().contains("open /mnt/backup/snap.db"), r.failure().message());
    }

    @Test
    void anEtcdSnapshotSavedIntoAMountedBucketRebuildsTheClusterAtTheOtherSite() throws IOException {
        DrillResult r = run(drill("etcd-via-bucket", "seed/world.yaml", """
              - mount: {site: east, bucket: s3.east.example/trident-protect-src-bucket, path: /mnt/s3}
              - etcdctl: {cluster: k8s-east, command: "snapshot save /mnt/s3/etcd/snap.db"}
              - fault: {siteDown: east, disaster: true}
              - mount: {site: west, bucket: s3.east.example/trident-protect-src-bucket, path: /mnt/s3}
              - fault: {siteUp: east}
              - mount: {site: west, bucket: s3.east.example/trident-protect-src-bucket, path: /mnt/s3}
              - etcdctl: {site: west, command: "snapshot restore /mnt/s3/etcd/snap.db --data-dir /var/lib/etcd --name k8s-east"}
              - kubeadm: {cluster: k8s-east, site: west, command: "init --ignore-preflight-errors=DirAvailable--var-lib-etcd"}
              - check: {cluster: k8s-east, kind: CustomResourceDefinition, name: tridentbackends.trident.netapp.io,
                        exists: true}
            """));
        assertFalse(r.passed(), "the bucket's site is down at the first mount at west");
        assertTrue(r.failure().message().contains("mount-s3: trident-protect-src-bucket at s3.east.example from site"
                + " west"), r.failure().message());
        DrillResult ok = run(drill("etcd-via-bucket-up", "seed/world.yaml", """
              - mount: {site: east, bucket: s3.east.example/trident-protect-src-bucket, path: /mnt/s3}
              - etcdctl: {cluster: k8s-east, command: "snapshot save /mnt/s3/etcd/snap.db"}
              - mount: {site: west, bucket: s3.east.example/trident-protect-src-bucket, path: /mnt/s3}
              - etcdctl: {site: west, command: "snapshot restore /mnt/s3/etcd/snap.db --data-dir /var/lib/etcd --name k8s-east"}
              - kubeadm: {cluster: k8s-east, site: west, command: "init --ignore-preflight-errors=DirAvailable--var-lib-etcd"}
              - check: {cluster: k8s-east, kind: CustomResourceDefinition, name: tridentbackends.trident.netapp.io,
                        exists: true}
              - check: {cluster: k8s-east, kind: TridentBackend, namespace: trident, name: tbe-nas-east,
                        field: config.ontap_config.svm, equals: svm-east}
            """));
        assertTrue(ok.passed(), TextSummary.of(ok));
    }
}
