package io.mirrordrill.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static io.mirrordrill.cli.Ran.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No secret leaves its Secret: drills that read one (a check, a template, an expectation, a ConfigMap a user copied
 * the key into) print, write JSON, JUnit XML and an HTML report, and none of it holds the value or its base64 form;
 * files that hold a secret are 0600.
 */
class SecretOutputTest {
    private static final String SECRET = "src-secret-9f3b2c41";
    private static final Path SEED = Path.of("..", "scenarios", "drills", "seed").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** The value as it could show: itself, base64 with and without padding, URL-safe base64. */
    private static List<String> forms() {
        byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
        return List.of(SECRET, Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static void assertNoSecret(String where, String text) {
        for (String form : forms()) {
            assertFalse(text.contains(form), where + " holds " + form + ":\n" + text);
        }
    }

    private Path drill(String name, String lastCheck) throws IOException {
        Path drills = Files.createDirectories(dir.resolve("drills"));
        Files.writeString(drills.resolve("copied.yaml"), """
                # a user copied the AppVault's key into a ConfigMap, once by hand and once by template
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: copied}
                data: {key: %s, template: "${KEY}"}
                """.formatted(SECRET));
        String base64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        return Files.writeString(drills.resolve(name + ".yaml"), """
                name: %s
                description: reads the AppVault's Secret in a check, a template and an expectation
                world: %s/world.yaml
                include: [%s/procedures.yaml]
                steps:
                  - run: install-vaults
                  - set: {KEY: "${field:k8s-east/Secret/trident-protect/s3-secret:data.secretAccessKey}"}
                  - apply: {cluster: k8s-east, namespace: my-app-namespace, file: copied.yaml}
                  - check: {cluster: k8s-east, kind: Secret, namespace: trident-protect, name: s3-secret,
                            field: data.secretAccessKey, equals: "${KEY}"}
                  - %s
                expect:
                  resources:
                    - {cluster: k8s-west, kind: Secret, namespace: trident-protect, name: s3-secret,
                       field: data.secretAccessKey, equals: "%s"}
                    - {cluster: k8s-east, kind: ConfigMap, namespace: my-app-namespace, name: copied,
                       field: data.template, equals: "${KEY}"}
                """.formatted(name, SEED, SEED, lastCheck, base64));
    }

    @Test
    void drillsReadingASecretShowItNowhereInTheTerminalJsonJunitOrHtml() throws IOException {
        Path passing = drill("reads-secrets", "check: {cluster: k8s-east, kind: ConfigMap, namespace:"
                + " my-app-namespace, name: copied, field: data.key, equals: " + SECRET + "}");
        Path failing = drill("finds-a-secret", "check: {cluster: k8s-east, kind: ConfigMap, namespace:"
                + " my-app-namespace, name: copied, field: data.key, equals: not-the-key}");
        Path out = Files.createDirectories(dir.resolve("out"));
        Ran r = run("drill", "run", passing.toString(), failing.toString(), "--no-progress", "--json",
                out.resolve("r.json").toString(), "--junit", out.resolve("junit.xml").toString(), "--report",
                out.resolve("report").toString());

        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PASS reads-secrets") && r.out().contains("FAIL finds-a-secret"), r.out());
        assertTrue(r.out().contains("evidence: data.key = ***"), "the failed check's evidence, masked:\n" + r.out());
        assertNoSecret("standard output", r.out());
        assertNoSecret("standard error", r.err());
        List<Path> written = files(out);
        assertEquals(5, written.size(), written.toString());
        for (Path f : written) {
            assertNoSecret(f.toString(), Files.readString(f));
        }
    }

    @Test
    void fuzzWritesWhatHoldsASecretOwnerOnlyAndPrintsNoSecret() throws IOException {
        Path out = dir.resolve("fuzz-out");
        Ran r = run("drill", "fuzz", "--seeds", "1..1", "--jobs", "1", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertNoSecret("standard output", r.out());
        assertEquals("rw-------", mode(out.resolve("seed").resolve("s3-secrets.yaml")));
        assertEquals("rw-------", mode(out.resolve("seed").resolve("world.yaml")), "the world holds S3 secret keys");
        assertEquals("rw-r--r--", mode(out.resolve("seed").resolve("app.yaml")), "no secret, readable as before");
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return new ArrayList<>(all.filter(Files::isRegularFile).sorted().toList());
        }
    }
}
