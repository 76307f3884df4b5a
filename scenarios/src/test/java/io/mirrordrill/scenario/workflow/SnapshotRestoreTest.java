package io.mirrordrill.scenario.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SnapshotRestore: an application snapshot restored into another namespace of the same cluster. */
class SnapshotRestoreTest {

    private static JsonNode status(SeedEstate e, String name) {
        return e.source.get("protect.trident.netapp.io/v1", "SnapshotRestore", SeedEstate.NS, name).orElseThrow()
                .path("status");
    }

    private static String restoreYaml(String name, String path, String target) {
        return """
                apiVersion: protect.trident.netapp.io/v1
                kind: SnapshotRestore
                metadata: {name: %s}
                spec:
                  appArchivePath: %s
                  appVaultRef: %s
                  namespaceMapping: [{source: my-app-namespace, destination: %s}]
                """.formatted(name, path, SeedEstate.SRC_VAULT, target);
    }

    @Test
    void aSnapshotRestoresIntoAnotherNamespaceWithItsDataWhileTheOriginalRuns() {
        SeedEstate e = new SeedEstate(91);
        e.write(e.source);
        e.write(e.source);
        var snap = e.snapshot();
        e.write(e.source);
        e.source.namespace("restored");
        e.source.apply("restore.yaml", restoreYaml("back-to-two", snap.path(), "restored"), SeedEstate.NS);
        e.runUntil(() -> "Completed".equals(status(e, "back-to-two").path("state").asText()), Duration.ofMinutes(30),
                "the restore; " + status(e, "back-to-two"));
        e.runUntil(() -> e.source.api().list("v1", "Pod", "restored", LabelSelector.everything()).stream()
                .anyMatch(p -> "Running".equals(Resources.toTree(p).path("status").path("phase").asText())),
                Duration.ofMinutes(5), "the restored app");
        String pod = e.source.api().list("v1", "Pod", "restored", LabelSelector.everything()).get(0).getMetadata()
                .getName();
        String restored = new String(e.source.simulator().workloads().read("restored", pod, "/data", "records.log"),
                StandardCharsets.UTF_8);
        assertEquals("1\n2\n", restored);
        assertEquals(List.of(1, 2, 3), e.records(e.source), "the original app is untouched");
        e.source.simulator().workloads().append("restored", pod, "/data", "records.log", "x\n".getBytes());
        assertEquals(List.of(1, 2, 3), e.records(e.source), "the restored volume is a separate clone");
    }

    @Test
    void aRestoreOntoAnExistingClaimFailsAndOverwritesNothing() {
        SeedEstate e = new SeedEstate(92);
        e.write(e.source);
        var snap = e.snapshot();
        e.write(e.source);
        e.source.apply("restore.yaml", restoreYaml("in-place", snap.path(), SeedEstate.NS), SeedEstate.NS);
        e.runUntil(() -> "Failed".equals(status(e, "in-place").path("state").asText()), Duration.ofMinutes(10),
                "the refusal; " + status(e, "in-place"));
        assertTrue(status(e, "in-place").path("error").asText().contains("already exists"),
                status(e, "in-place").toString());
        assertEquals(List.of(1, 2), e.records(e.source));
    }

    @Test
    void aRestoredClaimThatDoesNotBindWithinPvcBindTimeoutSecFailsTheRestore() {
        SeedEstate e = new SeedEstate(93);
        e.write(e.source);
        var snap = e.snapshot();
        e.source.namespace("restored");
        String yaml = restoreYaml("unbindable", snap.path(), "restored")
                .replace("metadata: {name: unbindable}", "metadata: {name: unbindable, annotations: "
                        + "{protect.trident.netapp.io/pvc-bind-timeout-sec: \"120\"}}")
                + "  storageClassMapping: [{source: sc-vsim-1, destination: no-such-class}]\n";
        e.source.apply("restore.yaml", yaml, SeedEstate.NS);
        e.runUntil(() -> !"".equals(status(e, "unbindable").path("state").asText("")), Duration.ofMinutes(1),
                "the restore to start");
        e.w.world().advance(Duration.ofSeconds(100));
        assertEquals("Running", status(e, "unbindable").path("state").asText(), "within the bind timeout");
        e.runUntil(() -> "Failed".equals(status(e, "unbindable").path("state").asText()), Duration.ofMinutes(5),
                "the bind timeout; " + status(e, "unbindable"));
        String error = status(e, "unbindable").path("error").asText();
        assertTrue(error.contains("claim restored/data is not bound after 120s")
                && error.contains("protect.trident.netapp.io/pvc-bind-timeout-sec"), error);
    }
}
