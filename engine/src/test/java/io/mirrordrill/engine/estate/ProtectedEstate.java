package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.estate.Estate;
import io.mirrordrill.emulator.estate.EstateCluster;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.engine.ProtectEngine;
import io.mirrordrill.engine.model.crd.Crds;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The engine's own test estate on the emulators, no drill runner: the seed's two sites (east and west, each with an
 * ONTAP cluster and SVM, peered; an S3 bucket; a Kubernetes cluster with Trident and a default storage class) and a
 * protect engine in each cluster. Tests apply custom resources and advance simulated time.
 */
final class ProtectedEstate {
    static final String PROTECT = "protect.trident.netapp.io/v1";
    static final String NS = "my-app-namespace";

    final Estate estate = new Estate(7);
    final EstateCluster east;
    final EstateCluster west;
    private final Map<String, ProtectEngine> engines = new TreeMap<>();

    ProtectedEstate() {
        estate.site("east").site("west").link("east", "west", Duration.ofMillis(10), 100_000_000L)
                .ontapCluster("ontap-east", "east").svm("ontap-east", "svm-east")
                .ontapCluster("ontap-west", "west").svm("ontap-west", "svm-west")
                .peer("ontap-west", "svm-west", "ontap-east", "svm-east")
                .objectStore("s3.east.example", "east", "src-bucket", "AKSRC", "src-secret-0001")
                .objectStore("s3.west.example", "west", "dst-bucket", "AKDST", "dst-secret-0002");
        east = cluster("k8s-east", "east", "ontap-east", "svm-east", "sc-east");
        west = cluster("k8s-west", "west", "ontap-west", "svm-west", "sc-west");
    }

    private EstateCluster cluster(String name, String site, String ontap, String svm, String storageClass) {
        EstateCluster c = estate.kubernetes(name, site, Crds.definitions())
                .backend("nas-" + site, ontap, svm).storageClass(storageClass, "nas-" + site, true)
                .namespace("trident-protect").namespace(NS);
        ProtectEngine engine = new ProtectEngine(name, new EnginePorts(c.api(), estate.ontap().connector(site),
                estate.s3().connector(site), c.simulator().exec(), estate.world(), estate.world()),
                EngineSettings.DEFAULT);
        engine.start();
        engines.put(name, engine);
        apply(c, null, """
                apiVersion: v1
                kind: Secret
                metadata: {name: s3-secret, namespace: trident-protect}
                stringData: {accessKeyID: AKSRC, secretAccessKey: src-secret-0001}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: s3-dst-secret, namespace: trident-protect}
                stringData: {accessKeyID: AKDST, secretAccessKey: dst-secret-0002}
                """);
        return c;
    }

    /** {@code kubectl apply -f -} of YAML text, with a default namespace (null for none). */
    static void apply(EstateCluster cluster, String namespace, String yaml) {
        for (Document d : ProtectYaml.parse("test", yaml)) {
            cluster.apply(d.tree().deepCopy(), namespace);
        }
    }

    /** An AppVault named {@code name} on {@code cluster} for a bucket of the estate. */
    void vault(EstateCluster cluster, String name, String host, String bucket, String secret) {
        apply(cluster, "trident-protect", """
                apiVersion: protect.trident.netapp.io/v1
                kind: AppVault
                metadata: {name: %s}
                spec:
                  providerType: generic-s3
                  providerConfig: {s3: {bucketName: %s, endpoint: %s, secure: "false"}}
                  providerCredentials:
                    accessKeyID: {valueFromSecret: {key: accessKeyID, name: %s}}
                    secretAccessKey: {valueFromSecret: {key: secretAccessKey, name: %s}}
                """.formatted(name, bucket, host, secret, secret));
    }

    /**
     * The app of the seed on the source: a claim, a Deployment using it, and its protect Application, once the app
     * runs (its claim bound), as a user waits for it before protecting it.
     */
    void app() {
        apply(east, NS, """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: data, labels: {app: db}}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: db}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: db, image: postgres:16, volumeMounts: [{name: data, mountPath: /data}]}]
                      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
                ---
                apiVersion: protect.trident.netapp.io/v1
                kind: Application
                metadata: {name: my-app}
                spec: {includedNamespaces: [{namespace: my-app-namespace}]}
                """);
        await(east, "apps/v1", "Deployment", "db", "status.readyReplicas", "1"::equals, Duration.ofMinutes(5));
    }

    /**
     * The source AppVault ({@code src-vault}), the app, and a five-minute Schedule of it
     * keeping two snapshots, enabled or not: what every source-side test starts from.
     */
    void protectedApp(String schedule, boolean enabled) {
        vault(east, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        app();
        apply(east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: Schedule
                metadata: {name: %s}
                spec:
                  appVaultRef: src-vault
                  applicationRef: my-app
                  backupRetention: "0"
                  enabled: %s
                  granularity: custom
                  recurrenceRule: |-
                    DTSTART:20220101T000200Z
                    RRULE:FREQ=MINUTELY;INTERVAL=5
                  snapshotRetention: "2"
                """.formatted(schedule, enabled));
    }

    /**
     * The protected app on east, both AppVaults on west and an AppMirrorRelationship {@code amr} of the app there,
     * desired Established, replicating on the schedule's five minutes into {@code sc-west}.
     */
    void relationship() {
        protectedApp("mirror-schedule", true);
        vault(west, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        vault(west, "dst-vault", "s3.west.example", "dst-bucket", "s3-dst-secret");
        apply(west, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: AppMirrorRelationship
                metadata: {name: amr}
                spec:
                  desiredState: Established
                  destinationAppVaultRef: dst-vault
                  sourceAppVaultRef: src-vault
                  sourceApplicationName: my-app
                  sourceApplicationUID: %s
                  namespaceMapping: [{source: my-app-namespace, destination: my-app-namespace}]
                  recurrenceRule: "DTSTART:20220101T000200Z\\nRRULE:FREQ=MINUTELY;INTERVAL=5"
                  storageClassName: sc-west
                """.formatted(appUid()));
    }

    /** The source Application's UID. */
    String appUid() {
        return east.get(PROTECT, "Application", NS, "my-app").orElseThrow().at("/metadata/uid").asText();
    }

    /** A resource of the app's namespace once its field satisfies {@code expected} (see the namespaced form). */
    ObjectNode await(EstateCluster cluster, String apiVersion, String kind, String name, String field,
                     Predicate<String> expected, Duration within) {
        return await(cluster, apiVersion, kind, NS, name, field, expected, within);
    }

    /** A resource's field (a dotted path) once it satisfies {@code expected}, advancing time up to {@code within}. */
    ObjectNode await(EstateCluster cluster, String apiVersion, String kind, String namespace, String name,
                     String field, Predicate<String> expected, Duration within) {
        boolean met = estate.world().runUntil(() -> read(cluster, apiVersion, kind, namespace, name, field)
                .filter(expected).isPresent(), within);
        ObjectNode object = cluster.get(apiVersion, kind, namespace, name).orElse(null);
        if (!met) {
            fail(kind + " " + name + " on " + cluster.name() + ": " + field + " not as expected within " + within
                    + "; it is " + object);
        }
        return object;
    }

    static Optional<String> read(EstateCluster cluster, String apiVersion, String kind, String namespace, String name,
                                 String field) {
        return cluster.get(apiVersion, kind, namespace, name).map(o -> o.at("/" + field.replace('.', '/')))
                .filter(n -> !n.isMissingNode()).map(n -> n.asText());
    }
}
