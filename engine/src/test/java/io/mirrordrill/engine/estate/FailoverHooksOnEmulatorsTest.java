package io.mirrordrill.engine.estate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.estate.EstateCluster;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static io.mirrordrill.engine.estate.ProtectedEstate.NS;
import static io.mirrordrill.engine.estate.ProtectedEstate.PROTECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Post-failover execution hooks on the emulators: the source application's ExecHooks travel with its snapshots; a
 * failover brings the app up on the destination, then its Post Failover hooks run there (never on the source),
 * through an ExecHooksRun whose outcome the relationship reports in status and Events. A failing hook leaves the
 * failover in place; a resync removes the copied hooks.
 */
class FailoverHooksOnEmulatorsTest {
    private final ProtectedEstate e = new ProtectedEstate();

    private void hook(String name, String action, String stage, String script) {
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: protect.trident.netapp.io/v1
                kind: ExecHook
                metadata: {name: %s}
                spec:
                  applicationRef: my-app
                  action: %s
                  stage: %s
                  hookSource: %s
                  matchingCriteria: [{type: containerName, value: ^db$}]
                """.formatted(name, action, stage, Base64.getEncoder().encodeToString(
                script.getBytes(StandardCharsets.UTF_8))));
    }

    /** The source app with its hooks, replicated to the destination and failed over there. */
    private ObjectNode failover() {
        e.relationship();
        e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state", "Established"::equals,
                Duration.ofMinutes(30));
        e.west.api().patch(PROTECT, "AppMirrorRelationship", NS, "amr", "{\"spec\":{\"desiredState\":\"Promoted\"}}");
        e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state", "Promoted"::equals,
                Duration.ofMinutes(30));
        return e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.postFailoverHooks.state",
                s -> s.equals("Completed") || s.equals("Failed"), Duration.ofMinutes(15));
    }

    @Test
    void aPostFailoverHookRunsOnTheDestinationOnceTheAppIsUpAndIsReportedOnTheRelationship() {
        hook("mark-promoted", "Failover", "Post", "echo promoted >> /data/failover-marker");
        hook("freeze", "Snapshot", "Pre", "sync");
        ObjectNode amr = failover();

        JsonNode report = amr.at("/status/postFailoverHooks");
        assertEquals("Completed", report.path("state").asText(), amr.toString());
        assertEquals(1, report.path("hookRuns").size(), "only the Post Failover hook runs: " + report);
        JsonNode run = report.path("hookRuns").get(0);
        assertEquals("mark-promoted", run.path("hook").asText());
        assertEquals("db", run.path("container").asText());
        assertEquals("Succeeded", run.path("result").asText());
        assertEquals(0, run.path("exitCode").asInt(-1));
        String pod = run.path("pod").asText();
        assertTrue(e.west.get("v1", "Pod", NS, pod).isPresent(), "the hook ran in the destination's pod " + pod);
        assertEquals("promoted\n", new String(e.west.simulator().workloads().read(NS, pod, "/data",
                "failover-marker"), StandardCharsets.UTF_8), "the hook's marker is on the destination volume");

        assertTrue(e.west.get(PROTECT, "ExecHook", NS, "mark-promoted").isPresent(),
                "the hooks are copied to the destination with the app");
        ObjectNode hooksRun = e.west.get(PROTECT, "ExecHooksRun", NS, report.path("execHooksRun").asText())
                .orElseThrow();
        assertEquals("Completed", hooksRun.at("/status/state").asText(), hooksRun.toString());
        assertEquals("Failover", hooksRun.at("/spec/action").asText());
        assertEquals("Post", hooksRun.at("/spec/stage").asText());
        assertEquals("dst-vault", hooksRun.at("/spec/appVaultRef").asText());
        assertTrue(events(e.west, "PostFailoverHooksCompleted").get(0).contains("mark-promoted"),
                "an Event on the relationship names the hook");

        String sourcePod = Resources.toTree(e.east.api().list("v1", "Pod", NS, LabelSelector.everything()).get(0))
                .at("/metadata/name").asText();
        assertFalse(e.east.simulator().workloads().exists(NS, sourcePod, "/data", "failover-marker"),
                "the source's app never ran the post-failover hook");
        assertTrue(e.east.api().list(PROTECT, "ExecHooksRun", NS, LabelSelector.everything()).isEmpty());
    }

    @Test
    void aFailingPostFailoverHookIsReportedAndTheAppStaysFailedOver() {
        hook("notify", "Failover", "Post", "echo calling home\nexit 3");
        ObjectNode amr = failover();

        assertEquals("Promoted", amr.at("/status/state").asText());
        JsonNode report = amr.at("/status/postFailoverHooks");
        assertEquals("Failed", report.path("state").asText(), amr.toString());
        assertEquals("Failed", report.at("/hookRuns/0/result").asText());
        assertEquals(3, report.at("/hookRuns/0/exitCode").asInt());
        assertEquals("True", amr.at("/status/conditions/0/status").asText(), "still Ready as Promoted: " + amr);
        List<String> failed = events(e.west, "PostFailoverHooksFailed");
        assertTrue(failed.get(0).contains("notify") && failed.get(0).contains("exit code 3"), failed.toString());
        assertFalse(failed.get(0).contains("calling home"), "the relationship's Event sums up; the output is in its"
                + " status and the ExecHookFailed Event: " + failed);
        e.await(e.west, "apps/v1", "Deployment", "db", "status.readyReplicas", "1"::equals, Duration.ofMinutes(1));
    }

    @Test
    void aFailingPostFailoverHooksOutputIsReportedWithTheSecretsOfTheDestinationMasked() {
        String password = "correct-horse-battery";
        String encoded = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
        ProtectedEstate.apply(e.east, NS, """
                apiVersion: v1
                kind: Secret
                metadata: {name: db-credentials}
                data: {password: %s}
                """.formatted(encoded));
        hook("notify", "Failover", "Post", """
                echo calling home
                echo %s
                echo %s
                echo dst-secret-0002
                exit 1""".formatted(password, encoded));
        ObjectNode amr = failover();

        JsonNode run = amr.at("/status/postFailoverHooks/hookRuns/0");
        assertEquals("Failed", run.path("result").asText(), amr.toString());
        assertEquals("calling home\n***\n***\n***\n", run.path("stdout").asText(), amr.toString());
        List<String> failed = events(e.west, "ExecHookFailed");
        assertEquals(1, failed.size(), failed.toString());
        assertTrue(failed.get(0).endsWith("(exit code 1): calling home"), failed.get(0));
        String shown = amr + " " + e.west.get(PROTECT, "ExecHooksRun", NS,
                amr.at("/status/postFailoverHooks/execHooksRun").asText()).orElseThrow() + " "
                + events(e.west, "PostFailoverHooksFailed");
        assertTrue(shown.contains("calling home"), shown);
        assertFalse(shown.contains(password) || shown.contains(encoded) || shown.contains("dst-secret-0002"), shown);
    }

    @Test
    void withoutFailoverHooksAPromotionCreatesNoRunAndReportsNothing() {
        hook("freeze", "Snapshot", "Pre", "sync");
        e.protectedApp("mirror-schedule", true);
        ObjectNode amr = failoverWithoutWaitingForHooks();
        assertTrue(amr.at("/status/postFailoverHooks").isMissingNode(), amr.toString());
        assertTrue(e.west.api().list(PROTECT, "ExecHooksRun", NS, LabelSelector.everything()).isEmpty());
        assertTrue(e.west.get(PROTECT, "ExecHook", NS, "freeze").isPresent(), "the snapshot hook was copied");
    }

    @Test
    void aResyncAfterTheFailoverRemovesTheHooksCopiedToTheDestination() {
        hook("mark-promoted", "Failover", "Post", "echo promoted >> /data/failover-marker");
        failover();
        e.west.api().patch(PROTECT, "AppMirrorRelationship", NS, "amr",
                "{\"spec\":{\"desiredState\":\"Established\"}}");
        ObjectNode amr = e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state",
                "Established"::equals, Duration.ofMinutes(30));
        assertFalse(e.west.get(PROTECT, "ExecHook", NS, "mark-promoted").isPresent(),
                "the destination's copy of the hook is gone");
        assertTrue(amr.at("/status/postFailoverHooks").isMissingNode(), "a new state drops the last report");
        assertTrue(e.east.get(PROTECT, "ExecHook", NS, "mark-promoted").isPresent(), "the source keeps its hook");
    }

    private ObjectNode failoverWithoutWaitingForHooks() {
        e.vault(e.west, "src-vault", "s3.east.example", "src-bucket", "s3-secret");
        e.vault(e.west, "dst-vault", "s3.west.example", "dst-bucket", "s3-dst-secret");
        String uid = e.east.get(PROTECT, "Application", NS, "my-app").orElseThrow().at("/metadata/uid").asText();
        ProtectedEstate.apply(e.west, NS, """
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
                  storageClassName: sc-west
                """.formatted(uid));
        e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state", "Established"::equals,
                Duration.ofMinutes(30));
        e.west.api().patch(PROTECT, "AppMirrorRelationship", NS, "amr", "{\"spec\":{\"desiredState\":\"Promoted\"}}");
        e.await(e.west, PROTECT, "AppMirrorRelationship", "amr", "status.state", "Promoted"::equals,
                Duration.ofMinutes(30));
        e.await(e.west, "apps/v1", "Deployment", "db", "status.readyReplicas", "1"::equals, Duration.ofMinutes(10));
        e.estate.world().advance(Duration.ofMinutes(1));
        return e.west.get(PROTECT, "AppMirrorRelationship", NS, "amr").orElseThrow();
    }

    /** Messages of the Events with {@code reason} in the app's namespace, oldest first. */
    static List<String> events(EstateCluster cluster, String reason) {
        return cluster.api().list("v1", "Event", NS, LabelSelector.everything()).stream()
                .map(Resources::toTree).filter(ev -> reason.equals(ev.path("reason").asText()))
                .map(ev -> ev.path("message").asText()).toList();
    }
}
