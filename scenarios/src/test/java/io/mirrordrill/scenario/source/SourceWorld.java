package io.mirrordrill.scenario.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.k8s.cluster.Workloads;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchiveReader;
import io.mirrordrill.engine.archive.VolumeSnapshotEntry;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.SnapshotStatus;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.scenario.world.SimCluster;
import io.mirrordrill.scenario.world.SimWorld;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The source site of the seed's replication set-up, simulated: an ONTAP cluster with one SVM, an S3 store with the
 * source bucket, and a Kubernetes cluster with Trident, the protect engine, the source AppVault and the seed's
 * application {@value #APP} in {@value #NS}: a Deployment whose pod mounts two claims ({@code data} at /data,
 * {@code logs} at /logs), a ConfigMap, a Secret and a Service. The pod writes numbered records.
 */
final class SourceWorld {
    static final String SITE = "east";
    static final String NS = "my-app-namespace";
    static final String APP = "my-app-name";
    static final String VAULT = "src-vault";
    static final String BUCKET = "src-bucket";
    static final String ENDPOINT = "s3.east.example";
    static final String ONTAP = "ontap-east";
    static final String SVM = "svm-east";
    private static final String ACCESS_KEY = "AKSRC";
    private static final String SECRET_KEY = "src-secret-value";

    final SimWorld world;
    final SimCluster cluster;
    private int records;
    private int clones;

    SourceWorld(long seed) {
        world = new SimWorld(seed).site(SITE).ontapCluster(ONTAP, SITE).svm(ONTAP, SVM)
                .objectStore(ENDPOINT, SITE, BUCKET, ACCESS_KEY, SECRET_KEY);
        cluster = world.kubernetes("k8s-east", SITE).backend("nas-east", ONTAP, SVM)
                .storageClass("sc-east", "nas-east", true);
        cluster.apply("vault.yaml", VAULT_YAML.formatted(b64(ACCESS_KEY), b64(SECRET_KEY), VAULT, BUCKET, ENDPOINT),
                null);
        cluster.apply("app.yaml", APP_YAML, null);
        world.advance(Duration.ofMinutes(1)); // claims bound, pod running, AppVault and Application ready
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- the application's I/O ----------------------------------------------------------------------------------

    Workloads io() {
        return cluster.simulator().workloads();
    }

    /** The application's running pod (the Deployment has one replica). */
    String pod() {
        return pods().get(0);
    }

    List<String> pods() {
        return cluster.api().list("v1", "Pod", NS, LabelSelector.everything()).stream()
                .map(p -> p.getMetadata().getName()).toList();
    }

    /** Writes the next numbered record to both volumes; returns its number. */
    int write() {
        int n = ++records;
        io().append(NS, pod(), "/data", "records", ("record-" + n + "\n").getBytes(StandardCharsets.UTF_8));
        io().append(NS, pod(), "/logs", "log", ("log-" + n + "\n").getBytes(StandardCharsets.UTF_8));
        return n;
    }

    void write(int count) {
        for (int i = 0; i < count; i++) {
            write();
        }
    }

    /** {@code record-1} ... {@code record-n} as the file holds them. */
    static String records(String prefix, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            out.append(prefix).append('-').append(i).append('\n');
        }
        return out.toString();
    }

    // ---- protect resources --------------------------------------------------------------------------------------

    void snapshot(String name, String reclaimPolicy) {
        cluster.apply("snapshot.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: Snapshot
                metadata: {name: %s, namespace: %s}
                spec: {applicationRef: %s, appVaultRef: %s, reclaimPolicy: %s}
                """.formatted(name, NS, APP, VAULT, reclaimPolicy), null);
    }

    void hook(String name, String stage, String script) {
        cluster.apply("hook.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: ExecHook
                metadata: {name: %s, namespace: %s}
                spec:
                  applicationRef: %s
                  stage: %s
                  action: Snapshot
                  enabled: true
                  hookSource: %s
                  matchingCriteria: [{type: ContainerName, value: "^app$"}, {type: PodLabel, value: "app=web"}]
                """.formatted(name, NS, APP, stage, b64(script)), null);
    }

    /** fsfreeze Pre and Post hooks on both mounts, as Trident protect's filesystem freeze does. */
    void freezeHooks() {
        hook("freeze", "Pre", "#!/bin/sh\nsync\nfsfreeze --freeze /data\nfsfreeze --freeze /logs\n");
        hook("unfreeze", "Post", "#!/bin/sh\nfsfreeze --unfreeze /data\nfsfreeze --unfreeze /logs\n");
    }

    Optional<JsonNode> get(String kind, String name) {
        return cluster.get(ProtectApi.API_VERSION, kind, NS, name).map(n -> (JsonNode) n);
    }

    SnapshotStatus status(String kind, String name) {
        JsonNode status = get(kind, name).orElseThrow(() -> new AssertionError(kind + " " + name + " is gone"))
                .path("status");
        return Resources.mapper().convertValue(status, SnapshotStatus.class);
    }

    String state(String kind, String name) {
        return get(kind, name).map(n -> n.path("status").path("state").asText("")).orElse("<gone>");
    }

    /** Advances the world until the resource is in {@code state}; fails with its status otherwise. */
    void await(String kind, String name, String state, Duration limit) {
        if (!world.world().runUntil(() -> state.equals(state(kind, name)), limit)) {
            throw new AssertionError(kind + " " + name + " is not " + state + " after " + limit + ": "
                    + get(kind, name).map(n -> n.path("status").toString()).orElse("gone"));
        }
    }

    void awaitGone(String kind, String name, Duration limit) {
        if (!world.world().runUntil(() -> get(kind, name).isEmpty(), limit)) {
            throw new AssertionError(kind + " " + name + " is still there: " + get(kind, name).orElseThrow());
        }
    }

    // ---- the bucket and ONTAP -----------------------------------------------------------------------------------

    ObjectStorePort bucket() {
        return world.store(ENDPOINT).port(SITE);
    }

    ArchiveReader reader() {
        return new ArchiveReader(bucket(), BUCKET);
    }

    Archive archive(String kind, String name) {
        return reader().read(ArchivePath.parse(status(kind, name).appArchivePath(), "test"));
    }

    String appUid() {
        return get("Application", APP).orElseThrow().path("metadata").path("uid").asText();
    }

    OntapPort ontap() {
        return world.ontap().port(ONTAP, SITE);
    }

    /** The ONTAP snapshots of the volume behind a claim, by name. */
    List<String> ontapSnapshots(String claim) {
        String uid = cluster.get("v1", "PersistentVolumeClaim", NS, claim).orElseThrow().path("metadata")
                .path("uid").asText();
        VolumeRecord volume = ontap().volume(SVM, "trident_pvc_" + uid.replace('-', '_')).orElseThrow();
        return ontap().snapshots(volume.uuid()).stream().map(SnapshotRecord::name).toList();
    }

    /** A file as the ONTAP snapshot of an archive entry holds it: read through a FlexClone, deleted afterwards. */
    String snapshotFile(VolumeSnapshotEntry entry, String file) {
        OntapPort ontap = world.ontap().port(entry.managementLif(), SITE);
        VolumeRecord parent = ontap.volume(entry.svm(), entry.internalVolumeName()).orElseThrow();
        String clone = "check_" + (++clones);
        await(ontap, ontap.createVolume(VolumeCreate.clone(clone, entry.svm(), parent.size(),
                entry.internalVolumeName(), entry.snapshotName())));
        byte[] bytes = world.ontap().files(entry.managementLif(), entry.svm(), clone, SITE).read(file);
        await(ontap, ontap.deleteVolume(ontap.volume(entry.svm(), clone).orElseThrow().uuid()));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void await(OntapPort ontap, JobRecord job) {
        if (!world.world().runUntil(() -> ontap.job(job.uuid()).state().isDone(), Duration.ofMinutes(1))
                || !ontap.job(job.uuid()).succeeded()) {
            throw new AssertionError("ONTAP job failed: " + ontap.job(job.uuid()));
        }
    }

    private static final String VAULT_YAML = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: trident-protect}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: s3-creds, namespace: trident-protect}
            type: Opaque
            data: {accessKeyID: %s, secretAccessKey: %s}
            ---
            apiVersion: protect.trident.netapp.io/v1
            kind: AppVault
            metadata: {name: %s, namespace: trident-protect}
            spec:
              providerType: GenericS3
              providerConfig:
                s3: {bucketName: %s, endpoint: %s, secure: "true"}
              providerCredentials:
                accessKeyID: {valueFromSecret: {name: s3-creds, key: accessKeyID}}
                secretAccessKey: {valueFromSecret: {name: s3-creds, key: secretAccessKey}}
            """;

    static final String APP_YAML = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: my-app-namespace
              labels: {name: my-app-namespace, environment: production, compliance: hipaa}
              annotations: {annotation.one/key: updatedvalue, annotation.two/key: "true"}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: my-app-namespace, labels: {app: web}}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 2Gi}}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: logs, namespace: my-app-namespace, labels: {app: web}}
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: sc-east
              resources: {requests: {storage: 1Gi}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: my-app-namespace}
            data: {mode: primary}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: db-password, namespace: my-app-namespace}
            type: Opaque
            data: {password: c2VjcmV0}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: my-app-namespace}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: my-app-namespace}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: app
                    image: registry.example/web:1.0
                    volumeMounts: [{name: data, mountPath: /data}, {name: logs, mountPath: /logs}]
                  - name: sidecar
                    image: registry.example/proxy:2.1
                  volumes:
                  - name: data
                    persistentVolumeClaim: {claimName: data}
                  - name: logs
                    persistentVolumeClaim: {claimName: logs}
            ---
            apiVersion: protect.trident.netapp.io/v1
            kind: Application
            metadata: {name: my-app-name, namespace: my-app-namespace}
            spec:
              includedNamespaces:
              - namespace: my-app-namespace
                labelSelector: {}
            """;
}
