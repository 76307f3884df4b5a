package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.report.CommandRun;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.JsonReport;
import io.mirrordrill.scenario.report.StepResult;
import io.mirrordrill.scenario.report.TextSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runbook steps ({@code sh}) against the drill's estate served on 127.0.0.1, with the real kubectl and aws. */
class RunbookStepIT {
    private static final String WORLD = """
            world:
              sites: [east]
              ontap:
                - {name: ontap-east, site: east, svms: [svm-east]}
              objectStores:
                - {host: s3.east.example, site: east, buckets: [vault], credentials: {accessKeyID: AKRUNBOOK, secretAccessKey: runbook-secret-5d2f}}
              kubernetes:
                - name: k8s-east
                  site: east
                  backends: [{name: nas, ontap: ontap-east, svm: svm-east}]
                  storageClasses: [{name: sc, backend: nas, default: true}]
                  namespaces: [my-app]
            """;

    @TempDir
    Path dir;

    private DrillResult run(String steps) throws IOException {
        Path file = dir.resolve("drill.yaml");
        Files.writeString(file, "name: runbook\ndescription: d\n" + WORLD + "steps:\n" + steps);
        return DrillRunner.run(DrillParser.parse(file), RunOptions.defaults());
    }

    @Test
    void kubectlAwsAndCurlReachTheServedEstateWhileSimulatedTimeStandsStill() throws IOException {
        DrillResult r = run("""
                  - advance: 5m
                  - sh: |
                      echo "$MIRRORDRILL_TIME"
                      kubectl get namespace my-app -o name
                      kubectl create configmap made-by-kubectl -n my-app --from-literal=k=v -o name
                      aws s3 ls s3://vault && echo listed
                      curl -sf -u "$ONTAP_USER:$ONTAP_PASSWORD" "$ONTAP_URL/api/storage/volumes" > /dev/null && echo ontap
                  - check: {cluster: k8s-east, kind: ConfigMap, namespace: my-app, name: made-by-kubectl, field: data.k, equals: v}
                """);
        assertTrue(r.passed(), TextSummary.of(r));
        CommandRun c = r.commands().get(0);
        assertEquals(0, c.exitCode(), c.stderr());
        List<String> lines = c.stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("2026-01-01T00:05:00"), "the simulated time: " + lines.get(0));
        assertEquals(List.of("namespace/my-app", "configmap/made-by-kubectl", "listed", "ontap"),
                lines.subList(1, lines.size()));
        assertEquals("k8s-east", c.context());
        assertEquals(300_000, c.atMillis() / 1000 * 1000);
        StepResult step = r.steps().get(1);
        assertEquals(step.startMillis(), step.endMillis(), "no simulated time passes while a command runs");
    }

    @Test
    void captureGivesLaterStepsTheOutputAndExpectExitAcceptsTheExitARunbookExpects() throws IOException {
        DrillResult r = run("""
                  - sh: {command: "printf 'one\\\\n\\\\n'", capture: X}
                  - sh: test "${X}" = one
                  - sh: {command: "echo oops >&2; exit 3", expectExit: 3}
                """);
        assertTrue(r.passed(), TextSummary.of(r));
        assertEquals("test \"one\" = one", r.commands().get(1).command());
        assertEquals(3, r.commands().get(2).exitCode());
        assertEquals("oops\n", r.commands().get(2).stderr());
    }

    @Test
    void anUnexpectedExitFailsTheDrillWithWhatTheCommandSaid() throws IOException {
        DrillResult r = run("""
                  - sh: |
                      echo first
                      echo broken >&2; exit 4
                      echo never
                  - advance: 1m
                """);
        assertFalse(r.passed());
        assertTrue(r.failure().message().contains("the command exited 4, expected 0"), r.failure().describe());
        assertTrue(r.failure().evidence().contains("broken"), r.failure().describe());
        assertEquals("first\n", r.commands().get(0).stdout(), "a script stops at its first failing line");
        assertEquals(1, r.steps().size(), "the drill stops at the step");
    }

    @Test
    void aCommandPastItsTimeoutIsKilledAndFailsTheStep() throws IOException {
        long start = System.nanoTime();
        DrillResult r = run("""
                  - sh: {command: "sleep 60", timeout: 1s}
                """);
        assertFalse(r.passed());
        assertTrue(r.failure().message().contains("did not finish within 1s"), r.failure().describe());
        assertEquals(-1, r.commands().get(0).exitCode());
        assertTrue(System.nanoTime() - start < 40_000_000_000L, "killed, not waited for");
    }

    @Test
    void credentialsAndSecretsTheCommandsPrintAreMaskedInTheReport() throws IOException {
        DrillResult r = run("""
                  - sh: |
                      echo "$AWS_SECRET_ACCESS_KEY $ONTAP_PASSWORD"
                      kubectl create secret generic db -n my-app --from-literal=password=hunter2-runbook-secret -o yaml
                """);
        assertTrue(r.passed(), TextSummary.of(r));
        String json = JsonReport.of(r);
        assertTrue(r.commands().get(0).stdout().startsWith("*** ***\n"), r.commands().get(0).stdout());
        for (String secret : List.of("runbook-secret-5d2f", "hunter2-runbook-secret", Base64.getEncoder()
                .encodeToString("hunter2-runbook-secret".getBytes(StandardCharsets.UTF_8)))) {
            assertFalse(json.contains(secret), secret + " in\n" + json);
        }
    }

    @Test
    void aServersAddressAndKubectlsLogHeadersAreKeptAsTheSameTextOnEveryRun() throws IOException {
        DrillResult r = run("""
                  - sh: "curl -s -o /dev/null -w '%{url_effective} %{http_code}\\\\n' $ONTAP_URL/api/cluster"
                  - fault: {siteDown: east}
                  - sh: {command: "kubectl get namespaces --request-timeout=1s", expectExit: 1}
                """);
        assertTrue(r.passed(), TextSummary.of(r));
        assertEquals("http://<ontap-east>/api/cluster 401\n", r.commands().get(0).stdout());
        String err = r.commands().get(1).stderr();
        assertTrue(err.startsWith("E memcache.go:"), "a site that is down, the real time and pid left out: " + err);
        assertFalse(err.matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d{6}.*"), err);
    }
}
