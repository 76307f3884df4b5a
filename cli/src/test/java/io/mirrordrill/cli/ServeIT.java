package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrordrill.adapter.kubernetes.Fabric8KubernetesPort;
import io.mirrordrill.adapter.ontap.OntapRestConfig;
import io.mirrordrill.adapter.ontap.OntapRestPort;
import io.mirrordrill.adapter.s3.S3Config;
import io.mirrordrill.adapter.s3.S3ObjectStore;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.ontap.VolumeRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mirrordrill serve} end to end on loopback: the command runs on a thread of the test JVM, and the production
 * adapters (fabric8, ONTAP REST, AWS SDK) use the files it writes, as a user's scripts would.
 */
class ServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private CommandThread serving;

    private CommandThread serve(String... args) {
        serving = CommandThread.start("serve-it", "Serving until Ctrl-C", args);
        return serving;
    }

    private <T extends AutoCloseable> T closing(T resource) {
        toClose.add(resource);
        return resource;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (serving != null && serving.alive()) {
            serving.stop();
        }
    }

    @Test
    void theProductionAdaptersDriveTheServedWorldAndSeeEachOther() throws Exception {
        Path out = dir.resolve("out");
        CommandThread s = serve("serve", "setup-replication", "--run-steps", "--speed", "120", "--out", out.toString(),
                "--no-progress");
        JsonNode endpoints = JSON.readTree(out.resolve("endpoints.json").toFile());
        JsonNode credentials = JSON.readTree(out.resolve("credentials.json").toFile());
        assertTrue(s.out.toString().contains("PASS setup-replication"), "the steps ran first:\n" + s.console());

        // kubeconfig: fabric8 reads it, one context per cluster, named after it
        String kubeconfig = Files.readString(out.resolve("kubeconfig"));
        Config east = Config.fromKubeconfig("k8s-east", kubeconfig, out.resolve("kubeconfig").toString());
        assertEquals(url(endpoints, "kubernetes", "k8s-east", "server") + "/", east.getMasterUrl());
        Config west = Config.fromKubeconfig("k8s-west", kubeconfig, out.resolve("kubeconfig").toString());
        assertEquals(url(endpoints, "kubernetes", "k8s-west", "server") + "/", west.getMasterUrl());
        Fabric8KubernetesPort eastApi = new Fabric8KubernetesPort(closing(Fabric8KubernetesPort.jdkClient(east)));
        KubernetesClient westClient = closing(Fabric8KubernetesPort.jdkClient(west));
        Fabric8KubernetesPort westApi = new Fabric8KubernetesPort(westClient);

        // the servers speak HTTPS with the kubeconfig's CA and want its token: none, another or basic auth is 401
        assertTrue(east.getMasterUrl().startsWith("https://127.0.0.1:"), east.getMasterUrl());
        String token = east.getAutoOAuthToken() != null ? east.getAutoOAuthToken() : east.getOauthToken();
        assertTrue(token != null && token.length() >= 40, "a token in the kubeconfig");
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(east.getCaCertData())).build();
        for (String authorization : new String[] {null, "Bearer wrong", "Bearer " + token + "x",
                "Basic YWRtaW46YWRtaW4="}) {
            for (String path : new String[] {"version", "api/v1/namespaces/my-app-namespace/secrets"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(east.getMasterUrl() + path));
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<String> r = https.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(401, r.statusCode(), path + " with " + authorization);
                assertEquals("Unauthorized", JSON.readTree(r.body()).path("reason").asText());
            }
        }
        assertEquals(200, https.send(HttpRequest.newBuilder(URI.create(east.getMasterUrl() + "version"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());

        // kubectl uses the kubeconfig's token (it sends one only over TLS); another token is Unauthorized
        KubectlCli kubectl = new KubectlCli(out.resolve("kubeconfig"), dir);
        KubectlCli.Result listed = kubectl.run("--context", "k8s-east", "get", "namespaces", "-o", "name");
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().contains("namespace/my-app-namespace"), listed.out());
        KubectlCli.Result refused = kubectl.run("--context", "k8s-east", "--token", "wrong", "get", "secrets", "-A");
        assertTrue(refused.exit() != 0 && refused.err().contains("Unauthorized"), refused.err());

        // the steps' AppMirrorRelationship is there, read through fabric8 from the destination
        Optional<GenericKubernetesResource> amr = westApi.list("protect.trident.netapp.io/v1",
                "AppMirrorRelationship", "my-app-namespace", LabelSelector.everything()).stream().findFirst();
        assertTrue(amr.isPresent(), "the AMR of the drill's steps");
        assertEquals("Established", Resources.toTree(amr.get()).path("status").path("state").asText());

        // a PVC created through fabric8 is provisioned by Trident as time passes on its own
        GenericKubernetesResource pvc = Resources.generic("v1", "PersistentVolumeClaim", "my-app-namespace",
                "served-claim");
        pvc.setAdditionalProperty("spec", Map.of("accessModes", List.of("ReadWriteOnce"),
                "resources", Map.of("requests", Map.of("storage", "1Gi"))));
        eastApi.create(pvc);
        JsonNode claim = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Resources.toTree(eastApi.get("v1", "PersistentVolumeClaim", "my-app-namespace",
                        "served-claim").orElseThrow()), c -> c.path("status").path("phase").asText().equals("Bound"));
        String pvName = claim.path("spec").path("volumeName").asText();
        JsonNode pv = Resources.toTree(eastApi.get("v1", "PersistentVolume", null, pvName).orElseThrow());
        String internalName = pv.path("spec").path("csi").path("volumeAttributes").path("internalName").asText();
        assertFalse(internalName.isEmpty(), pv.toString());

        // ... on the SVM of the cluster's backend, as the ONTAP REST adapter lists it (and not on the other side)
        OntapRestPort ontapEast = ontap(endpoints, credentials, "ontap-east");
        List<String> eastVolumes = ontapEast.volumes("svm-east").stream().map(VolumeRecord::name).toList();
        assertTrue(eastVolumes.contains(internalName), internalName + " not in " + eastVolumes);
        OntapRestPort ontapWest = ontap(endpoints, credentials, "ontap-west");
        assertFalse(ontapWest.volumes("svm-west").stream().map(VolumeRecord::name).toList().contains(internalName));

        // the source vault bucket holds the steps' archives, listed through the AWS SDK adapter
        JsonNode store = find(endpoints.path("s3"), "host", "s3.east.example");
        String bucket = store.path("buckets").get(0).asText();
        JsonNode key = credentials.path("s3").path("s3.east.example");
        S3ObjectStore s3 = closing(new S3ObjectStore(S3Config.builder().endpoint(store.path("endpoint").asText())
                .region(store.path("region").asText()).pathStyle(true).secure(false)
                .credentials(key.path("accessKeyId").asText(), key.path("secretAccessKey").asText(), null)
                .build()));
        ListPage page = s3.list(ListRequest.of(bucket));
        assertFalse(page.objects().isEmpty(), "archives in " + bucket);
        assertTrue(page.objects().stream().map(ObjectInfo::key).anyMatch(k -> k.endsWith("manifest.json")
                || k.contains("/")), page.objects().toString());

        // secrets only in credentials.json and the kubeconfig, mode 0600
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                out.resolve("credentials.json"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                out.resolve("kubeconfig"))));
        assertEquals(0, s.stop());
        String console = s.console();
        assertTrue(console.contains("Stopped. Simulated time ran from"), console);
        assertFalse(console.contains(token), "the token on the console");
        assertFalse(Files.readString(out.resolve("endpoints.json")).contains(token), "the token in endpoints.json");
        assertFalse(Files.readString(out.resolve("credentials.json")).contains(token));
        for (String secret : secrets(credentials)) {
            assertFalse(console.contains(secret), "a secret on the console");
            assertFalse(Files.readString(out.resolve("endpoints.json")).contains(secret), "a secret in endpoints.json");
            assertFalse(kubeconfig.contains(secret), "a secret in the kubeconfig");
        }
    }

    @Test
    void forStopsOnItsOwnWithZeroAndTheWorldBeforeAnyStep() throws Exception {
        Path out = dir.resolve("o");
        StringWriter console = new StringWriter();
        int code = Main.run(new String[] {"serve", "namespace-merge", "--for", "1s", "--speed", "30", "--out",
            out.toString()}, new PrintWriter(console, true), new PrintWriter(console, true));
        assertEquals(0, code, console.toString());
        assertTrue(console.toString().contains("the drill's world before any step"), console.toString());
        assertTrue(console.toString().contains("Serving for 1s."), console.toString());
        assertTrue(console.toString().contains("Stopped."), console.toString());
        JsonNode endpoints = JSON.readTree(out.resolve("endpoints.json").toFile());
        assertFalse(endpoints.path("stepsRun").asBoolean());
        assertNotNull(endpoints.path("kubernetes").get(0));
        for (String secret : secrets(JSON.readTree(out.resolve("credentials.json").toFile()))) {
            assertFalse(console.toString().contains(secret), "a secret on the console");
        }
    }

    @Test
    void aPortBaseThatIsTakenIsBadInputNamingTheFix() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"serve", "setup-replication", "--port-base",
                String.valueOf(taken.getLocalPort()), "--for", "1s", "--out", dir.resolve("p").toString()},
                    new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().contains("port " + taken.getLocalPort()) && err.toString().contains(
                    "already in use") && err.toString().contains("choose another --port-base"), err.toString());
        }
    }

    @Test
    void aPortBaseGivesConsecutivePortsInTheDocumentedOrder() throws Exception {
        int base;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            base = probe.getLocalPort(); // free a moment ago; the six after it are very likely free too
        }
        Path out = dir.resolve("b");
        serve("serve", "setup-replication", "--port-base", String.valueOf(base), "--out", out.toString());
        JsonNode e = JSON.readTree(out.resolve("endpoints.json").toFile());
        List<String> urls = List.of(url(e, "kubernetes", "k8s-east", "server"), url(e, "kubernetes", "k8s-west",
                "server"), url(e, "ontap", "ontap-east", "managementUrl"), url(e, "ontap", "ontap-west",
                "managementUrl"), find(e.path("s3"), "host", "s3.east.example").path("endpoint").asText(),
                find(e.path("s3"), "host", "s3.west.example").path("endpoint").asText());
        for (int i = 0; i < urls.size(); i++) {
            // the Kubernetes API servers speak HTTPS (kubectl sends a token only over TLS), the others HTTP
            assertEquals((i < 2 ? "https" : "http") + "://127.0.0.1:" + (base + i), urls.get(i));
        }
        assertEquals(0, serving.stop());
    }

    /** TLS that trusts only the kubeconfig's CA (base64 of its PEM). */
    private static SSLContext trusting(String caData) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(caData))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    private static OntapRestPort ontap(JsonNode endpoints, JsonNode credentials, String cluster) {
        JsonNode c = credentials.path("ontap").path(cluster);
        return new OntapRestPort(OntapRestConfig.builder().baseUrl(url(endpoints, "ontap", cluster, "managementUrl"))
                .credentials(c.path("username").asText(), c.path("password").asText()).build());
    }

    private static String url(JsonNode endpoints, String kind, String name, String field) {
        return find(endpoints.path(kind), "name", name).path(field).asText();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static List<String> secrets(JsonNode credentials) {
        List<String> secrets = new ArrayList<>();
        credentials.path("ontap").forEach(c -> secrets.add(c.path("password").asText()));
        credentials.path("s3").forEach(c -> secrets.add(c.path("secretAccessKey").asText()));
        secrets.forEach(v -> assertTrue(v.length() >= 8, "a real secret"));
        return secrets;
    }
}
