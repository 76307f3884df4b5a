package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.scenario.secret.SecretFiles;
import io.mirrordrill.scenario.world.ServedWorld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * What {@code serve} writes into its output directory: {@code kubeconfig} (mode 0600: a context per Kubernetes cluster,
 * named after it, the CA to trust and the bearer token), {@code endpoints.json} (every URL, no secret) and
 * {@code credentials.json} (mode 0600: the ONTAP users and passwords, the S3 access keys). Secrets go into those two
 * files only.
 */
final class ServeFiles {
    static final String KUBECONFIG = "kubeconfig";
    static final String ENDPOINTS = "endpoints.json";
    static final String CREDENTIALS = "credentials.json";
    /** The user of every context, with the run's bearer token. */
    static final String KUBE_USER = "mirrordrill";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private ServeFiles() {
    }

    /** What the world was built from, for endpoints.json. */
    record About(String drill, long seed, boolean stepsRun, double speed, Instant simulatedStart) {}

    static void write(Path dir, ServedWorld served, About about, Map<String, String> ontapPasswords,
                      ServeAccess access) throws IOException {
        Files.createDirectories(dir);
        SecretFiles.write(dir.resolve(KUBECONFIG), YAML.writeValueAsString(kubeconfig(served, access)), true);
        SecretFiles.write(dir.resolve(ENDPOINTS), JSON.writeValueAsString(endpoints(dir, served, about)) + "\n",
                false);
        SecretFiles.write(dir.resolve(CREDENTIALS), JSON.writeValueAsString(credentials(served, ontapPasswords))
                + "\n", true);
    }

    static ObjectNode kubeconfig(ServedWorld served, ServeAccess access) {
        ObjectNode root = YAML.createObjectNode();
        root.put("apiVersion", "v1").put("kind", "Config");
        ArrayNode clusters = root.putArray("clusters");
        ArrayNode contexts = root.putArray("contexts");
        for (ServedWorld.Kube k : served.kubernetes()) {
            ObjectNode c = clusters.addObject();
            c.put("name", k.name());
            c.putObject("cluster").put("server", k.url().toString()).put("certificate-authority-data",
                    Base64.getEncoder().encodeToString(access.caPem().getBytes(StandardCharsets.US_ASCII)));
            ObjectNode ctx = contexts.addObject();
            ctx.put("name", k.name());
            ctx.putObject("context").put("cluster", k.name()).put("user", KUBE_USER);
        }
        ObjectNode user = root.putArray("users").addObject();
        user.put("name", KUBE_USER);
        user.putObject("user").put("token", access.token());
        if (!served.kubernetes().isEmpty()) {
            root.put("current-context", served.kubernetes().get(0).name());
        }
        root.putObject("preferences");
        return root;
    }

    static ObjectNode endpoints(Path dir, ServedWorld served, About about) {
        ObjectNode root = JSON.createObjectNode();
        root.put("drill", about.drill()).put("seed", about.seed()).put("stepsRun", about.stepsRun())
                .put("speed", about.speed()).put("simulatedStart", about.simulatedStart().toString())
                .put("kubeconfig", dir.toAbsolutePath().resolve(KUBECONFIG).toString())
                .put("credentials", dir.toAbsolutePath().resolve(CREDENTIALS).toString());
        ArrayNode kube = root.putArray("kubernetes");
        for (ServedWorld.Kube k : served.kubernetes()) {
            kube.addObject().put("name", k.name()).put("site", k.site()).put("server", k.url().toString())
                    .put("context", k.name());
        }
        ArrayNode ontap = root.putArray("ontap");
        for (ServedWorld.Ontap o : served.ontap()) {
            ObjectNode n = ontap.addObject().put("name", o.name()).put("site", o.site())
                    .put("managementUrl", o.url().toString());
            o.svms().forEach(n.putArray("svms")::add);
        }
        ArrayNode s3 = root.putArray("s3");
        for (ServedWorld.S3 s : served.s3()) {
            ObjectNode n = s3.addObject().put("host", s.host()).put("site", s.site())
                    .put("endpoint", s.url().toString()).put("region", s.region()).put("pathStyle", true);
            s.buckets().forEach(n.putArray("buckets")::add);
        }
        return root;
    }

    static ObjectNode credentials(ServedWorld served, Map<String, String> ontapPasswords) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode ontap = root.putObject("ontap");
        for (ServedWorld.Ontap o : served.ontap()) {
            ontap.putObject(o.name()).put("username", o.username()).put("password", ontapPasswords.get(o.name()));
        }
        ObjectNode s3 = root.putObject("s3");
        for (ServedWorld.S3 s : served.s3()) {
            S3Credentials key = served.world().accessKey(s.host());
            s3.putObject(s.host()).put("accessKeyId", key.accessKeyId())
                    .put("secretAccessKey", key.secretAccessKey());
        }
        return root;
    }
}
