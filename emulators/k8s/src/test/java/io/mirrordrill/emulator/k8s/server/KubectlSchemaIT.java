package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.cluster.ClusterSimulator;
import io.mirrordrill.emulator.k8s.cluster.TridentBackend;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real kubectl 1.32 against {@link KubeApiServer} over a simulated cluster (Trident provisioner, kubelet,
 * Deployments) with the Trident protect CRDs: apply validates against the published OpenAPI, unknown fields are
 * refused as the API server refuses them, explain reads the schemas, get prints the server's tables with ages on the
 * world's clock (which starts on 2026-01-01, long before the wall clock), api-resources lists short names, and
 * {@code get -w} prints rows.
 */
class KubectlSchemaIT {
    private static final String PROTECT = "protect.trident.netapp.io/v1";
    private static final String ESTATE = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: ontap-gold
              annotations: {storageclass.kubernetes.io/is-default-class: "true"}
            provisioner: csi.trident.netapp.io
            parameters: {backendType: ontap-nas, storagePools: "nas-1:aggr1"}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data, namespace: shop}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 2Gi}}
              storageClassName: ontap-gold
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db, namespace: shop}
            spec:
              replicas: 1
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                  - name: db
                    image: postgres:16
                    env: [{name: PGDATA, value: /var/lib/db}]
                    volumeMounts: [{name: data, mountPath: /var/lib/db}]
                  volumes:
                  - name: data
                    persistentVolumeClaim: {claimName: data}
            ---
            apiVersion: protect.trident.netapp.io/v1
            kind: AppMirrorRelationship
            metadata: {name: shop-mirror, namespace: shop}
            spec:
              desiredState: Established
              sourceAppVaultRef: east-vault
              destinationAppVaultRef: west-vault
              sourceApplicationName: shop
              namespaceMapping: [{source: shop, destination: shop-dr}]
            """;

    @TempDir
    Path dir;
    private World world;
    private KubernetesPort api;
    private KubeApiServer server;
    private Kubectl kubectl;

    @BeforeEach
    void start() {
        world = new World(11);
        world.network().site("east");
        OntapEmulator ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        ontap.addSvm("c1", "svm1", SvmSubtype.DEFAULT);
        KubernetesCluster cluster = new KubernetesCluster(world, "k1", "east");
        api = cluster.port();
        ClusterSimulator sim = new ClusterSimulator(world, api, "k1", "east", ontap);
        sim.addBackend("nas-1", TridentBackend.ONTAP_NAS, "c1", "svm1");
        sim.start();
        for (ObjectNode crd : ProtectCrds.trees()) {
            api.create(Resources.fromTree(crd));
        }
        server = KubeApiServer.builder(cluster).start();
        kubectl = new Kubectl(dir, server.endpoint().toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void applyOfCustomAndBuiltInResourcesValidatesWithoutTurningValidationOff() {
        Kubectl.Result applied = kubectl.run("apply", "-f", file("estate.yaml", ESTATE));

        assertEquals(0, applied.exit(), applied.err());
        assertEquals(List.of("namespace/shop created", "storageclass.storage.k8s.io/ontap-gold created",
                "persistentvolumeclaim/data created", "deployment.apps/db created",
                "appmirrorrelationship.protect.trident.netapp.io/shop-mirror created"), applied.lines());
        assertTrue(server.withLock(() -> api.get(PROTECT, "AppMirrorRelationship", "shop", "shop-mirror"))
                .isPresent());
    }

    @Test
    void aCrdWithNestedSchemasIsAppliedAndItsKindServedAtOnce() {
        Kubectl.Result crd = kubectl.run("apply", "-f", file("crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: drills.test.mirrordrill.io}
                spec:
                  group: test.mirrordrill.io
                  scope: Namespaced
                  names: {kind: Drill, plural: drills, singular: drill, shortNames: [dr]}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    additionalPrinterColumns:
                    - {name: Site, type: string, jsonPath: .spec.site}
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec:
                            type: object
                            properties:
                              site: {type: string}
                              steps: {type: array, items: {type: string}}
                              labels: {type: object, additionalProperties: {type: string}}
                """));
        assertEquals(0, crd.exit(), crd.err());

        Kubectl.Result created = kubectl.run("create", "namespace", "ops");
        assertEquals(0, created.exit(), created.err());
        Kubectl.Result drill = kubectl.run("apply", "-f", file("drill.yaml", """
                apiVersion: test.mirrordrill.io/v1
                kind: Drill
                metadata: {name: weekly, namespace: ops}
                spec: {site: east, steps: [failover], labels: {team: storage}}
                """));
        assertEquals(0, drill.exit(), drill.err());
        Kubectl.Result got = kubectl.run("get", "dr", "-n", "ops");
        assertEquals(List.of("NAME", "SITE"), columns(got.lines().get(0)));
        assertEquals("east", cell(got.lines().get(0), got.lines().get(1), "SITE"));
    }

    @Test
    void anUnknownFieldIsRefusedAsTheApiServerRefusesItAndWarnKeepsTheObjectWithoutIt() {
        kubectl.run("create", "namespace", "shop");
        String configMap = file("cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, namespace: shop}
                data: {mode: fast}
                datax: {mode: slow}
                """);

        Kubectl.Result strict = kubectl.run("apply", "-f", configMap);
        assertEquals(1, strict.exit());
        assertTrue(strict.err().contains("Error from server (BadRequest): error when creating \"" + configMap
                + "\": ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown "
                + "field \"datax\""), strict.err());
        assertEquals(1, kubectl.run("get", "configmap", "settings", "-n", "shop").exit(), "nothing was created");

        Kubectl.Result custom = kubectl.run("apply", "-f", file("amr.yaml", """
                apiVersion: protect.trident.netapp.io/v1
                kind: AppMirrorRelationship
                metadata: {name: typo, namespace: shop}
                spex: {desiredState: Established}
                """));
        assertEquals(1, custom.exit());
        assertTrue(custom.err().contains("AppMirrorRelationship in version \"v1\" cannot be handled as a "
                + "AppMirrorRelationship: strict decoding error: unknown field \"spex\""), custom.err());

        Kubectl.Result warned = kubectl.run("create", "--validate=warn", "-f", configMap);
        assertEquals(0, warned.exit(), warned.err());
        assertTrue(warned.err().contains("Warning: unknown field \"datax\""), warned.err());
        String stored = kubectl.run("get", "configmap", "settings", "-n", "shop", "-o", "json").out();
        assertTrue(stored.contains("\"mode\": \"fast\"") && !stored.contains("datax"), stored);
    }

    @Test
    void explainPrintsTheFieldsOfTheRelationshipSpecAndOfBuiltInKinds() {
        Kubectl.Result spec = kubectl.run("explain", "appmirrorrelationship.spec");

        assertEquals(0, spec.exit(), spec.err());
        assertTrue(spec.out().contains("KIND:       AppMirrorRelationship"), spec.out());
        for (String field : List.of("desiredState\t<string>", "sourceAppVaultRef\t<string>",
                "namespaceMapping\t<[]Object>", "Established (replicate) or Promoted (fail over).")) {
            assertTrue(spec.out().contains(field), field + " in\n" + spec.out());
        }
        Kubectl.Result containers = kubectl.run("explain", "deployment.spec.template.spec.containers");
        assertEquals(0, containers.exit(), containers.err());
        assertTrue(containers.out().contains("env\t<[]EnvVar>") && containers.out().contains("image\t<string>"),
                containers.out());
    }

    @Test
    void getAmrPrintsTheCrdColumnsWithTheAgeOnTheWorldsClock() {
        assertEquals(0, kubectl.run("apply", "-f", file("estate.yaml", ESTATE)).exit());
        server.withLock(() -> api.patchStatus(PROTECT, "AppMirrorRelationship", "shop", "shop-mirror",
                "{\"status\":{\"state\":\"Established\",\"destinationApplicationRef\":\"shop-dr/shop\"}}"));
        server.advance(Duration.ofSeconds(95));

        Kubectl.Result got = kubectl.run("get", "amr", "-n", "shop");

        assertEquals(0, got.exit(), got.err());
        String header = got.lines().get(0);
        assertEquals(List.of("NAME", "DESIRED STATE", "STATE", "ERROR", "AGE"),
                List.of(header.trim().split("\\s{2,}")));
        String row = got.lines().get(1);
        assertEquals("shop-mirror", cell(header, row, "NAME"));
        assertEquals("Established", cell(header, row, "DESIRED STATE"));
        assertEquals("Established", cell(header, row, "STATE"));
        assertEquals("95s", cell(header, row, "AGE"), "kubectl alone would count from the wall clock");
    }

    @Test
    void getPodsAndClaimsInAllNamespacesPrintTheApiServersColumnsAndWideAddsItsOwn() {
        assertEquals(0, kubectl.run("apply", "-f", file("estate.yaml", ESTATE)).exit());
        server.advance(Duration.ofHours(3).plusMinutes(5));

        Kubectl.Result got = kubectl.run("get", "pods,pvc", "-A");

        assertEquals(0, got.exit(), got.err());
        List<String> lines = got.lines();
        String pods = lines.get(0);
        assertEquals(List.of("NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"), columns(pods));
        String pod = lines.get(1);
        assertTrue(cell(pods, pod, "NAME").startsWith("pod/db-"), pod);
        assertEquals("1/1", cell(pods, pod, "READY"));
        assertEquals("Running", cell(pods, pod, "STATUS"));
        assertEquals("0", cell(pods, pod, "RESTARTS"));
        assertTrue(cell(pods, pod, "AGE").matches("3h[0-9]m"), "3 hours of simulated time: " + pod);
        String claims = lines.get(3);
        assertEquals(List.of("NAMESPACE", "NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS",
                "VOLUMEATTRIBUTESCLASS", "AGE"), columns(claims));
        String claim = lines.get(4);
        assertEquals("persistentvolumeclaim/data", cell(claims, claim, "NAME"));
        assertEquals("Bound", cell(claims, claim, "STATUS"));
        assertTrue(cell(claims, claim, "VOLUME").startsWith("pvc-"), claim);
        assertEquals("RWO", cell(claims, claim, "ACCESS MODES"));
        assertEquals("ontap-gold", cell(claims, claim, "STORAGECLASS"));
        assertEquals("<unset>", cell(claims, claim, "VOLUMEATTRIBUTESCLASS"));
        assertEquals("3h5m", cell(claims, claim, "AGE"));

        Kubectl.Result wide = kubectl.run("get", "pods", "-n", "shop", "-o", "wide");
        assertEquals(0, wide.exit(), wide.err());
        assertEquals(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE",
                "READINESS GATES"), columns(wide.lines().get(0)));
        Kubectl.Result deployments = kubectl.run("get", "deploy", "-n", "shop", "-o", "wide");
        String header = deployments.lines().get(0);
        assertEquals(List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"),
                columns(header));
        String row = deployments.lines().get(1);
        assertEquals("1/1", cell(header, row, "READY"));
        assertEquals("postgres:16", cell(header, row, "IMAGES"));
        assertEquals("app=db", cell(header, row, "SELECTOR"));
    }

    @Test
    void apiResourcesListsTheShortNamesOfBuiltInAndProtectKinds() {
        Kubectl.Result resources = kubectl.run("api-resources");

        assertEquals(0, resources.exit(), resources.err());
        String header = resources.lines().get(0);
        for (String[] expected : new String[][] {{"appmirrorrelationships", "amr"}, {"pods", "po"},
                {"persistentvolumeclaims", "pvc"}, {"deployments", "deploy"}, {"statefulsets", "sts"},
                {"namespaces", "ns"}, {"volumesnapshots", "vs"}, {"storageclasses", "sc"}}) {
            String line = resources.lines().stream().filter(l -> l.startsWith(expected[0] + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(expected[0] + " in\n" + resources.out()));
            assertEquals(expected[1], cell(header, line, "SHORTNAMES"));
        }
        Kubectl.Result byShortName = kubectl.run("get", "amr", "-A");
        assertEquals(0, byShortName.exit(), byShortName.err());
    }

    @Test
    void getWatchPrintsARowForEachChangeOnceSimulatedTimePasses() throws Exception {
        assertEquals(0, kubectl.run("apply", "-f", file("estate.yaml", ESTATE)).exit());
        BlockingQueue<String> lines = Kubectl.queue();
        Process watch = kubectl.stream(lines, "get", "amr", "-n", "shop", "-w", "--request-timeout=60s");
        try {
            String header = lines.poll(30, TimeUnit.SECONDS);
            assertNotNull(header, "the watch printed nothing");
            assertTrue(header.startsWith("NAME"), header);
            String first = lines.poll(30, TimeUnit.SECONDS);
            assertNotNull(first);
            assertEquals("Established", cell(header, first, "DESIRED STATE"));

            server.withLock(() -> api.patch(PROTECT, "AppMirrorRelationship", "shop", "shop-mirror",
                    "{\"spec\":{\"desiredState\":\"Promoted\"}}"));
            String changed = null;
            for (int i = 0; i < 300 && changed == null; i++) {
                server.advance(Duration.ofMillis(100)); // the event reaches the watch as simulated time passes
                changed = lines.poll(100, TimeUnit.MILLISECONDS);
            }
            assertNotNull(changed, "no row for the change");
            assertEquals("shop-mirror", cell(header, changed, "NAME"));
            assertEquals("Promoted", cell(header, changed, "DESIRED STATE"));
            assertFalse(changed.startsWith("NAME"), "the header is printed once");
        } finally {
            watch.destroy();
        }
    }

    private String file(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> columns(String header) {
        return List.of(header.trim().split("\\s{2,}"));
    }

    /** The cell of {@code column} in a row kubectl aligned under {@code header}. */
    private static String cell(String header, String row, String column) {
        Matcher m = Pattern.compile("\\S+(?: \\S+)*").matcher(header);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            names.add(m.group());
        }
        int index = names.indexOf(column);
        assertTrue(index >= 0, column + " in " + header);
        int start = Math.min(spans.get(index)[0], row.length());
        int end = index + 1 < spans.size() ? Math.min(spans.get(index + 1)[0], row.length()) : row.length();
        return row.substring(start, end).trim();
    }
}
