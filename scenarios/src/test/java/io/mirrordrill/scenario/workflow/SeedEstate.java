package io.mirrordrill.scenario.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.world.SimCluster;
import io.mirrordrill.scenario.world.SimWorld;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's estate: the source cluster at site "east" running my-app-name in my-app-namespace on ONTAP svm-east,
 * the destination at "west" on svm-west (peered), one bucket per site, the seed's AppVaults and AMR. The app writes
 * numbered records to /data/records.log, so what survives on each side can be counted exactly.
 */
final class SeedEstate {
    static final String NS = "my-app-namespace";
    static final String APP = "my-app-name";
    static final String SRC_VAULT = "generic-s3-trident-protect-src-bucket-04b6b4ec-46a3-420a-b351-45795e1b5e34";
    static final String SRC_VAULT_ON_DST = "generic-s3-trident-protect-src-bucket-b643cc50-0429-4ad5-971f-ac4a83621922";
    static final String DST_VAULT = "generic-s3-trident-protect-dst-bucket-8fe0b902-f369-4317-93d1-ad7f2edc02b5";
    static final String AMR = "amr-16061e80-1b05-4e80-9d26-d326dc1953d8";

    final SimWorld w;
    final SimCluster source;
    final SimCluster destination;
    /** The app's namespace on the source and on the destination (the AMR's namespaceMapping). */
    final String srcNs;
    final String dstNs;
    private int record;

    SeedEstate(long seed) {
        this(seed, NS, NS);
    }

    SeedEstate(long seed, String srcNs, String dstNs) {
        this(seed, srcNs, dstNs, io.mirrordrill.engine.EngineSettings.DEFAULT);
    }

    SeedEstate(long seed, String srcNs, String dstNs, io.mirrordrill.engine.EngineSettings destinationSettings) {
        this(seed, srcNs, dstNs, destinationSettings, java.util.function.UnaryOperator.identity());
    }

    /** With the source engine's ports changed by {@code sourcePorts} (a planted defect). */
    SeedEstate(long seed, java.util.function.UnaryOperator<io.mirrordrill.engine.EnginePorts> sourcePorts) {
        this(seed, NS, NS, io.mirrordrill.engine.EngineSettings.DEFAULT, sourcePorts);
    }

    SeedEstate(long seed, String srcNs, String dstNs, io.mirrordrill.engine.EngineSettings destinationSettings,
               java.util.function.UnaryOperator<io.mirrordrill.engine.EnginePorts> sourcePorts) {
        this.srcNs = srcNs;
        this.dstNs = dstNs;
        w = new SimWorld(seed)
                .site("east").site("west").link("east", "west", Duration.ofMillis(10), 100_000_000L)
                .ontapCluster("ontap-east", "east").svm("ontap-east", "svm-east")
                .ontapCluster("ontap-west", "west").svm("ontap-west", "svm-west")
                .objectStore("s3.east.example", "east", "trident-protect-src-bucket", "AKSRC", "src-secret-9f3b")
                .objectStore("s3.west.example", "west", "trident-protect-dst-bucket", "AKDST", "dst-secret-7c1d");
        w.peer("ontap-west", "svm-west", "ontap-east", "svm-east");
        source = w.kubernetes("k8s-east", "east", io.mirrordrill.engine.EngineSettings.DEFAULT, sourcePorts)
                .backend("nas-east", "ontap-east", "svm-east")
                .storageClass("sc-vsim-1", "nas-east", true);
        destination = w.kubernetes("k8s-west", "west", destinationSettings).backend("nas-west", "ontap-west", "svm-west")
                .storageClass("sc-vsim-2", "nas-west", true);
        source.namespace(srcNs);
        destination.namespace(dstNs);
        for (SimCluster c : List.of(source, destination)) {
            c.namespace("trident-protect");
            c.apply("s3-secret.yaml", secret("s3-secret", "AKSRC", "src-secret-9f3b"), "trident-protect");
            c.apply("s3-dst-secret.yaml", secret("s3-dst-secret", "AKDST", "dst-secret-7c1d"), "trident-protect");
        }
        source.apply("trident-protect-appvault-primary-source.yaml",
                vault(SRC_VAULT, "s3.east.example", "trident-protect-src-bucket", "s3-secret"), "trident-protect");
        destination.apply("trident-protect-appvault-primary-destination.yaml",
                vault(SRC_VAULT_ON_DST, "s3.east.example", "trident-protect-src-bucket", "s3-secret"),
                "trident-protect");
        destination.apply("trident-protect-appvault-secondary-destination.yaml",
                vault(DST_VAULT, "s3.west.example", "trident-protect-dst-bucket", "s3-dst-secret"),
                "trident-protect");
        source.apply("app.yaml", APP_YAML, srcNs);
        source.apply("trident-protect-app-source.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata:
                  name: my-app-name
                spec:
                  includedNamespaces:
                    - namespace: my-app-namespace
                      labelSelector: {}
                """.replace("my-app-namespace", srcNs), srcNs);
        runUntil(() -> running(source), Duration.ofMinutes(5), "the source app to run");
        appUid = source.get("protect.trident.netapp.io/v1", "Application", srcNs, APP).orElseThrow()
                .path("metadata").path("uid").asText();
    }

    /** The source Application's uid, which the AMR names (kept: the source may be down when the AMR is edited). */
    final String appUid;

    static String secret(String name, String key, String secret) {
        return "apiVersion: v1\nkind: Secret\nmetadata: {name: " + name + "}\nstringData: {accessKeyID: " + key
                + ", secretAccessKey: " + secret + "}\n";
    }

    static String vault(String name, String endpoint, String bucket, String secret) {
        return """
                apiVersion: protect.trident.netapp.io/v1
                kind: AppVault
                metadata:
                  name: %s
                spec:
                  providerType: generic-s3
                  providerConfig:
                    s3: {bucketName: %s, endpoint: %s, secure: "false"}
                  providerCredentials:
                    accessKeyID: {valueFromSecret: {key: accessKeyID, name: %s}}
                    secretAccessKey: {valueFromSecret: {key: secretAccessKey, name: %s}}
                """.formatted(name, bucket, endpoint, secret, secret);
    }

    static final String APP_YAML = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, labels: {app: db}}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 2Gi}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: db-config}
            data: {mode: primary}
            """ + "---\n" + StorageRecoveryTest.APP;  // the same one-claim database Deployment

    /** The seed's AMR, with the source Application's real uid filled in. */
    String amrYaml(String desiredState, String promotedSnapshot) {
        String uid = appUid;
        return """
                apiVersion: protect.trident.netapp.io/v1
                kind: AppMirrorRelationship
                metadata:
                  name: %s
                spec:
                  desiredState: %s
                  destinationAppVaultRef: %s
                  namespaceMapping:
                    - destination: @DSTNS@
                      source: @SRCNS@
                  recurrenceRule: |-
                    DTSTART:20220101T000200Z
                    RRULE:FREQ=MINUTELY;INTERVAL=5
                  sourceAppVaultRef: %s
                  sourceApplicationName: my-app-name
                  sourceApplicationUID: %s
                  storageClassName: sc-vsim-2
                %s""".formatted(AMR, desiredState, DST_VAULT, SRC_VAULT_ON_DST, uid,
                promotedSnapshot == null ? "" : "  promotedSnapshot: " + promotedSnapshot + "\n")
                .replace("@DSTNS@", dstNs).replace("@SRCNS@", srcNs);
    }

    // ---- the application -------------------------------------------------------------------------------------

    String ns(SimCluster c) {
        return c == source ? srcNs : dstNs;
    }

    boolean running(SimCluster c) {
        return !pods(c).isEmpty() && pods(c).stream().allMatch(p -> "Running".equals(p.path("status").path("phase")
                .asText()));
    }

    List<ObjectNode> pods(SimCluster c) {
        return c.api().list("v1", "Pod", ns(c), LabelSelector.everything()).stream().map(Resources::toTree).toList();
    }

    /** The app writes the next numbered record on a cluster; returns its number. */
    int write(SimCluster c) {
        String pod = pods(c).get(0).path("metadata").path("name").asText();
        record++;
        c.simulator().workloads().append(ns(c), pod, "/data", "records.log",
                (record + "\n").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The records the app on a cluster sees. */
    List<Integer> records(SimCluster c) {
        String pod = pods(c).get(0).path("metadata").path("name").asText();
        String text = new String(c.simulator().workloads().read(ns(c), pod, "/data", "records.log"),
                StandardCharsets.UTF_8);
        return text.lines().map(Integer::parseInt).toList();
    }

    void runUntil(BooleanSupplier condition, Duration limit, String what) {
        assertTrue(w.world().runUntil(condition, limit), "timed out waiting for " + what);
    }

    /** Sets up replication of records 1..n and waits until Established. */
    void establish(int records) {
        for (int i = 0; i < records; i++) {
            write(source);
        }
        snapshot();
        destination.apply("trident-protect-relationship.yaml", amrYaml("Established", null), dstNs);
        runUntil(() -> amrState().equals("Established"), Duration.ofMinutes(30), "Established; " + amrStatus());
    }

    void desire(String state, String promotedSnapshot) {
        destination.apply("trident-protect-relationship.yaml", amrYaml(state, promotedSnapshot), dstNs);
    }

    void awaitState(String state) {
        runUntil(() -> amrState().equals(state), Duration.ofHours(2), state + "; status " + amrStatus());
    }

    /** The records in the destination's replicated volume, read straight from ONTAP (no app needed). */
    List<Integer> destinationVolumeRecords() {
        JsonNode pvc = destination.get("v1", "PersistentVolumeClaim", dstNs, "data").orElseThrow();
        JsonNode pv = destination.get("v1", "PersistentVolume", null, pvc.path("spec").path("volumeName").asText())
                .orElseThrow();
        String internal = pv.path("spec").path("csi").path("volumeAttributes").path("internalName").asText();
        byte[] data = w.ontap().files("ontap-west", "svm-west", internal, "west").read("records.log");
        return new String(data, StandardCharsets.UTF_8).lines().map(Integer::parseInt).toList();
    }

    // ---- the reverse direction: an AMR on the original source cluster -------------------------------------------

    static final String WEST_VAULT_ON_EAST = "generic-s3-trident-protect-dst-bucket-copy-on-east";

    /** The AMR that replicates the app now running on the destination back to the original source. */
    String reverseAmrYaml(String desiredState, String promotedSnapshot) {
        if (source.get("protect.trident.netapp.io/v1", "AppVault", "trident-protect", WEST_VAULT_ON_EAST).isEmpty()) {
            source.apply("west-vault-copy.yaml", vault(WEST_VAULT_ON_EAST, "s3.west.example",
                    "trident-protect-dst-bucket", "s3-dst-secret"), "trident-protect");
        }
        String westUid = destination.get("protect.trident.netapp.io/v1", "Application", dstNs, APP).orElseThrow()
                .path("metadata").path("uid").asText();
        return amrYaml(desiredState, promotedSnapshot).replace(DST_VAULT, "@DST@").replace(SRC_VAULT_ON_DST,
                WEST_VAULT_ON_EAST).replace("@DST@", SRC_VAULT).replace(appUid, westUid).replace("sc-vsim-2",
                "sc-vsim-1");
    }

    String reverseState() {
        return source.get("protect.trident.netapp.io/v1", "AppMirrorRelationship", srcNs, AMR)
                .map(a -> a.path("status").path("state").asText("")).orElse("(none)");
    }

    /** The records in the original source's volume, read straight from ONTAP. */
    List<Integer> sourceVolumeRecords() {
        JsonNode pvc = source.get("v1", "PersistentVolumeClaim", srcNs, "data").orElseThrow();
        JsonNode pv = source.get("v1", "PersistentVolume", null, pvc.path("spec").path("volumeName").asText())
                .orElseThrow();
        String internal = pv.path("spec").path("csi").path("volumeAttributes").path("internalName").asText();
        byte[] data = w.ontap().files("ontap-east", "svm-east", internal, "east").read("records.log");
        return new String(data, StandardCharsets.UTF_8).lines().map(Integer::parseInt).toList();
    }

    String amrState() {
        return destination.get("protect.trident.netapp.io/v1", "AppMirrorRelationship", dstNs, AMR)
                .map(a -> a.path("status").path("state").asText("")).orElse("(none)");
    }

    JsonNode amrStatus() {
        return destination.get("protect.trident.netapp.io/v1", "AppMirrorRelationship", dstNs, AMR).orElseThrow()
                .path("status");
    }

    // ---- application snapshots, taken by the engine's Snapshot and ShutdownSnapshot controllers -----------------

    private int snapshots;

    /** An application snapshot on the source, into the source AppVault. */
    ArchivePath snapshot() {
        return snapshot(source, "s3.east.example", "trident-protect-src-bucket");
    }

    ArchivePath snapshot(SimCluster cluster, String storeHost, String bucket) {
        return snapshot(cluster, storeHost, bucket, false);
    }

    /**
     * Applies a protect Snapshot (or, with {@code shutdown}, a ShutdownSnapshot) of the app on {@code cluster} into
     * the cluster's own AppVault and waits until it is Completed; returns its archive path.
     */
    ArchivePath snapshot(SimCluster cluster, String storeHost, String bucket, boolean shutdown) {
        String kind = shutdown ? "ShutdownSnapshot" : "Snapshot";
        String name = (shutdown ? "shutdown-" : "snap-") + (++snapshots);
        String vault = cluster == source ? SRC_VAULT : DST_VAULT;
        cluster.apply(name + ".yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: %s
                metadata: {name: %s}
                spec: {appVaultRef: %s, applicationRef: %s, reclaimPolicy: Retain}
                """.formatted(kind, name, vault, APP), ns(cluster));
        runUntil(() -> "Completed".equals(cluster.get("protect.trident.netapp.io/v1", kind, ns(cluster), name)
                .map(r -> r.path("status").path("state").asText()).orElse("")), Duration.ofMinutes(30),
                kind + " " + name + " (bucket " + storeHost + "/" + bucket + ")");
        String path = cluster.get("protect.trident.netapp.io/v1", kind, ns(cluster), name).orElseThrow()
                .path("status").path("appArchivePath").asText();
        return ArchivePath.parse(path, kind + " " + name);
    }
}
