package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.mirrordrill.engine.estate.FailoverHooksOnEmulatorsTest.events;
import static io.mirrordrill.engine.estate.ProtectedEstate.NS;
import static io.mirrordrill.engine.estate.ProtectedEstate.PROTECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ExecHooksRun (the documentation's manual run of execution hooks) on the emulators: it runs the application's
 * enabled hooks of its action and stage once, in the containers they match, and ends Completed or Failed with each
 * container's result in its status and in Events.
 */
class ExecHooksRunOnEmulatorsTest {
    private final ProtectedEstate e = new ProtectedEstate();

    @BeforeEach
    void setUp() {
        e.vault(e.east, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        e.app();
    }

    private void hook(String name, String action, String stage, String script, boolean enabled) {
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: ExecHook
                metadata: {name: %s}
                spec:
                  applicationRef: my-app
                  action: %s
                  stage: %s
                  enabled: %s
                  hookSource: %s
                """.formatted(name, action, stage, enabled, Base64.getEncoder().encodeToString(
                script.getBytes(StandardCharsets.UTF_8))));
    }

    private ObjectNode run(String name, String app, String action, String stage) {
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: ExecHooksRun
                metadata: {name: %s}
                spec:
                  applicationRef: %s
                  appVaultRef: src-vault
                  appArchivePath: example-resource-backup
                  action: %s
                  stage: %s
                """.formatted(name, app, action, stage));
        return e.await(e.east, PROTECT, "ExecHooksRun", name, "status.state",
                s -> s.equals("Completed") || s.equals("Failed"), Duration.ofMinutes(5));
    }

    @Test
    void aRunExecutesOnlyTheEnabledHooksOfItsActionAndStageOnce() {
        hook("post-failover", "Failover", "Post", "echo ran >> /data/hook-marker", true);
        hook("pre-failover", "Failover", "Pre", "echo pre >> /data/hook-marker", true);
        hook("post-snapshot", "Snapshot", "Post", "echo snapshot >> /data/hook-marker", true);
        hook("disabled", "Failover", "Post", "echo disabled >> /data/hook-marker", false);
        ObjectNode run = run("by-hand", "my-app", "Failover", "Post");

        assertEquals("Completed", run.at("/status/state").asText(), run.toString());
        JsonNode results = run.at("/status/hookRuns");
        assertEquals(1, results.size(), results.toString());
        assertEquals("post-failover", results.at("/0/hook").asText());
        assertEquals("Succeeded", results.at("/0/result").asText());
        String pod = results.at("/0/pod").asText();
        e.estate.world().advance(Duration.ofMinutes(5));
        assertEquals("ran\n", new String(e.east.simulator().workloads().read(NS, pod, "/data", "hook-marker"),
                StandardCharsets.UTF_8), "the one hook ran exactly once");
        assertEquals(1, events(e.east, "ExecHookSucceeded").size());
        assertEquals(1, events(e.east, "ExecHooksRunCompleted").size());
    }

    @Test
    void aFailingHookFailsTheRunWithTheHookAndContainerNamed() {
        hook("good", "Restore", "Post", "true", true);
        hook("bad", "Restore", "Post", "exit 4", true);
        ObjectNode run = run("restore-hooks", "my-app", "Restore", "Post");

        assertEquals("Failed", run.at("/status/state").asText(), run.toString());
        assertEquals(2, run.at("/status/hookRuns").size(), "every hook runs, even after one failed: " + run);
        String error = run.at("/status/error").asText();
        assertTrue(error.contains("bad") && error.contains("exit code 4") && error.contains("Fix:"), error);
        List<String> failed = events(e.east, "ExecHookFailed");
        assertEquals(1, failed.size(), failed.toString());
        assertTrue(failed.get(0).contains("bad"), failed.get(0));
        assertEquals(1, events(e.east, "ExecHooksRunFailed").size());
    }

    @Test
    void aHooksOutputIsKeptInTheStatusAndItsFirstLineInTheEventWithEverySecretMasked() {
        String password = "correct-horse-battery";
        String encoded = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: v1
                kind: Secret
                metadata: {name: db-credentials}
                data: {password: %s, debug: dHJ1ZQ==}
                """.formatted(encoded));
        hook("notify", "Snapshot", "Post", """
                echo connecting as admin with %s
                echo token %s
                echo vault key src-secret-0001 at https://admin:%s@db.example:5432
                echo debug true
                exit 1""".formatted(password, encoded, password), true);
        ObjectNode run = run("leaky", "my-app", "Snapshot", "Post");

        assertEquals("Failed", run.at("/status/state").asText(), run.toString());
        assertEquals("connecting as admin with ***\ntoken ***\nvault key *** at https://***@db.example:5432\n"
                + "debug true\n", run.at("/status/hookRuns/0/stdout").asText(), run.toString());
        assertTrue(run.at("/status/hookRuns/0/stderr").isMissingNode(), "nothing on stderr, nothing kept: " + run);
        List<String> failed = events(e.east, "ExecHookFailed");
        assertEquals(1, failed.size(), failed.toString());
        assertTrue(failed.get(0).endsWith("Failed (exit code 1): connecting as admin with ***"), failed.get(0));
        for (String shown : List.of(run.toString(), String.join("\n", events(e.east, "ExecHooksRunFailed")),
                failed.get(0))) {
            assertFalse(shown.contains(password) || shown.contains(encoded) || shown.contains("src-secret-0001"),
                    shown);
        }
    }

    @Test
    void aRunOfAnUnknownApplicationFailsNamingTheFix() {
        ObjectNode run = run("typo", "my-apq", "Snapshot", "Pre");
        assertEquals("Failed", run.at("/status/state").asText());
        assertTrue(run.at("/status/error").asText().contains("spec.applicationRef: Application my-app-namespace/my-apq"
                + " not found"), run.toString());
    }

    @Test
    void aRunWhoseHooksMatchNoRunningContainerCompletesSayingSo() {
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: ExecHook
                metadata: {name: elsewhere}
                spec:
                  applicationRef: my-app
                  action: Backup
                  stage: Pre
                  hookSource: dHJ1ZQ==
                  matchingCriteria: [{type: containerImage, value: ^mysql}]
                """);
        ObjectNode run = run("nothing", "my-app", "Backup", "Pre");
        assertEquals("Completed", run.at("/status/state").asText());
        assertTrue(run.at("/status/hookRuns").isMissingNode(), run.toString());
        assertTrue(run.at("/status/conditions/0/message").asText().contains("matched"), run.toString());
    }
}
