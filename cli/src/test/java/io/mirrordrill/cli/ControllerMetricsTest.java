package io.mirrordrill.cli;

import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.runtime.Controller;
import io.mirrordrill.runtime.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ControllerMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void reconcilesAreCountedPerControllerWithFailuresAndTimeInTheTextFormat() {
        ControllerMetrics m = new ControllerMetrics();
        m.reconciled(new Controller.Event("k8s-west/AppVault", new ResourceKey("AppVault", "ns", "v"), Outcome.done(), 0),
                Duration.ofMillis(250));
        m.reconciled(new Controller.Event("k8s-west/AppVault", new ResourceKey("AppVault", "ns", "v"), Outcome.failed("x"), 1),
                Duration.ofMillis(500));
        String text = m.scrape(NOW, () -> null);
        assertTrue(text.contains("# TYPE mirrordrill_controller_reconciles_total counter\n"
                + "mirrordrill_controller_reconciles_total{controller=\"AppVault\"} 2\n"), text);
        assertTrue(text.contains("mirrordrill_controller_reconcile_errors_total{controller=\"AppVault\"} 1\n"), text);
        assertTrue(text.contains("mirrordrill_controller_reconcile_duration_seconds_sum{controller=\"AppVault\"}"
                + " 0.75\n"), text);
        assertTrue(text.contains("mirrordrill_controller_reconcile_duration_seconds_count{controller=\"AppVault\"}"
                + " 2\n"), text);
        assertTrue(text.contains("mirrordrill_controller_leader 0\n"), text);
    }

    @Test
    void aScrapeWhileTheClusterFailsStillShowsTheControllersOwnMetrics() {
        ControllerMetrics m = new ControllerMetrics();
        m.leader(true);
        KubernetesPort failing = (KubernetesPort) java.lang.reflect.Proxy.newProxyInstance(
                KubernetesPort.class.getClassLoader(), new Class<?>[] {KubernetesPort.class}, (p, method, args) -> {
                    throw new IllegalStateException("unreachable");
                });
        String text = m.scrape(NOW, () -> failing);
        assertTrue(text.contains("mirrordrill_controller_leader 1\n"), text);
        assertTrue(text.contains("# TYPE mirrordrill_amr_replication_lag_seconds gauge\n"), text);
    }

    @Test
    void theLagCountsFromTheLastTransferAndTheDurationIsTheSnapshotsWayToTheDestination() throws Exception {
        // snapshot taken 11:50:00, complete on the destination 11:52:30; scraped at 12:00:00
        var amr = io.mirrordrill.port.kubernetes.Resources.fromTree((com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"apiVersion":"protect.trident.netapp.io/v1","kind":"AppMirrorRelationship",
                 "metadata":{"namespace":"app","name":"amr"},"spec":{"desiredState":"Established"},
                 "status":{"state":"Established","lastTransferredSnapshot":"20261206115000_hourly-x_3f2a",
                  "lastTransfer":{"completionTimestamp":"2026-12-06T11:52:30Z","transferSizeBytes":8192}}}"""));
        KubernetesPort one = (KubernetesPort) java.lang.reflect.Proxy.newProxyInstance(
                KubernetesPort.class.getClassLoader(), new Class<?>[] {KubernetesPort.class}, (p, method, args) ->
                        method.getName().equals("list") ? java.util.List.of(amr) : null);

        String text = new ControllerMetrics().scrape(NOW, () -> one);

        String series = "{namespace=\"app\",name=\"amr\"} ";
        assertTrue(text.contains("mirrordrill_amr_replication_lag_seconds" + series + "450\n"), text);
        assertTrue(text.contains("mirrordrill_amr_last_transfer_duration_seconds" + series + "150\n"), text);
        assertTrue(text.contains("mirrordrill_amr_last_transfer_bytes" + series + "8192\n"), text);
        assertTrue(text.contains("mirrordrill_amr_state{namespace=\"app\",name=\"amr\",state=\"Established\"} 1\n"),
                text);
    }
}
