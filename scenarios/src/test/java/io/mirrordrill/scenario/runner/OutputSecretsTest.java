package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.HtmlReport;
import io.mirrordrill.scenario.report.Output;
import io.mirrordrill.scenario.report.TextSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code no-secret-in-output} reads back what a person gets: every rendering of the result, after the redaction
 * layer. A Secret read by a check, a template or an expectation shows as {@code ***}; an output that bypasses the
 * layer fails the drill naming that output.
 */
class OutputSecretsTest {
    private static final String SECRET = "src-secret-9f3b2c41";
    private static final String BASE64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));

    private static final String EXISTS = """
            resources:
              - {cluster: k8s-east, kind: Secret, namespace: trident-protect, name: s3-secret, exists: true}
            """;

    @TempDir
    Path dir;

    private Path drill(String steps, String expect) throws Exception {
        Path seed = Path.of("drills", "seed").toAbsolutePath();
        Files.writeString(dir.resolve("drill.yaml"), """
                name: secrets
                description: reads the AppVault's Secret
                world: %s/world.yaml
                include: [%s/procedures.yaml]
                steps:
                  - run: install-vaults
                %s
                expect:
                %s
                """.formatted(seed, seed, steps.indent(2).stripTrailing(), expect.indent(2).stripTrailing()));
        return dir.resolve("drill.yaml");
    }

    private static void assertNoSecretIn(DrillResult r) {
        for (Output o : Output.STANDARD) {
            String text = o.render().apply(r);
            assertFalse(text.contains(SECRET) || text.contains(BASE64), o.name() + " shows the secret:\n" + text);
        }
    }

    @Test
    void aCheckThatFailsOnASecretShowsWhatItFoundMasked() throws Exception {
        DrillResult r = DrillRunner.run(DrillParser.parse(drill("""
                - check: {cluster: k8s-east, kind: Secret, namespace: trident-protect, name: s3-secret,
                          field: data.secretAccessKey, equals: not-the-key}
                """, EXISTS)), RunOptions.defaults());
        assertFalse(r.passed(), TextSummary.of(r));
        assertEquals("step", r.failure().kind(), TextSummary.of(r));
        assertTrue(r.failure().evidence().contains("***"), r.failure().evidence());
        assertNoSecretIn(r);
    }

    @Test
    void aTemplateAndAnExpectationReadingASecretPassWithTheValueMaskedEverywhere() throws Exception {
        List<String> progress = new ArrayList<>();
        DrillResult r = DrillRunner.run(DrillParser.parse(drill("""
                - set: {KEY: "${field:k8s-east/Secret/trident-protect/s3-secret:data.secretAccessKey}"}
                - check: {cluster: k8s-east, kind: Secret, namespace: trident-protect, name: s3-secret,
                          field: data.secretAccessKey, equals: "${KEY}"}
                """, """
                resources:
                  - {cluster: k8s-west, kind: Secret, namespace: trident-protect, name: s3-secret,
                     field: data.secretAccessKey, equals: "%s"}
                """.formatted(BASE64))), RunOptions.defaults().withProgress((d, t, s) -> progress.add(s)));
        assertTrue(r.passed(), TextSummary.of(r));
        assertTrue(r.expectations().get(0).actual().contains("***"), r.expectations().toString());
        assertNoSecretIn(r);
        assertFalse(String.join("\n", progress).contains(SECRET) || String.join("\n", progress).contains(BASE64),
                String.join("\n", progress));
    }

    @Test
    void anOutputThatBypassesTheRedactionBreaksNoSecretInOutputNamingIt() throws Exception {
        List<Output> leaky = new ArrayList<>(Output.STANDARD.subList(0, 3));
        leaky.add(new Output("the HTML report", result -> HtmlReport.of(List.of(result))
                .replace("</body>", "<!-- " + SECRET + " --></body>")));
        DrillResult r = DrillRunner.run(DrillParser.parse(drill("- advance: 1m", EXISTS)),
                RunOptions.defaults().withOutputs(leaky));
        assertFalse(r.passed(), TextSummary.of(r));
        assertTrue(r.failure().message().startsWith("no-secret-in-output"), TextSummary.of(r));
        assertEquals("the HTML report", r.failure().evidence(), TextSummary.of(r));
        assertNoSecretIn(r);
    }
}
