package io.mirrordrill.scenario.runner;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.TextSummary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pods stop gracefully in the cluster simulator (the seed's database writes for 10 s after SIGTERM), so an engine
 * that takes a shutdown snapshot as soon as the pods are deleted, not once they are gone, loses the writes of that
 * window, and the planned reverse drill says so.
 */
class PodTerminationDrillTest {
    private static final Drill REVERSE = DrillParser.parse(Path.of("drills",
            "reverse-direction-shutdown-snapshot.yaml"));

    @Test
    void anEngineThatTakesTerminatingPodsForGoneLosesTheWritesOfTheirShutdown() {
        UnaryOperator<EnginePorts> defect = ports -> new EnginePorts(PlantedDefectsTest.wrap(KubernetesPort.class,
                ports.kubernetes(), (method, args, call) -> {
                    Object result = call.call();
                    if (method.equals("list") && args.length > 1 && "Pod".equals(args[1])) {
                        @SuppressWarnings("unchecked")
                        List<GenericKubernetesResource> pods = (List<GenericKubernetesResource>) result;
                        return pods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
                    }
                    return result;
                }), ports.ontap(), ports.objectStores(), ports.exec(), ports.clock(), ports.scheduler());
        DrillResult r = DrillRunner.run(REVERSE, RunOptions.defaults().withEnginePorts(cluster ->
                cluster.equals("k8s-east") ? defect : UnaryOperator.identity()));
        assertFalse(r.passed(), TextSummary.of(r));
        assertTrue(r.failure().message().startsWith("planned-reverse-loses-nothing"), TextSummary.of(r));
        assertTrue(r.failure().evidence().contains("records.log: missing"), r.failure().evidence());

        DrillResult real = DrillRunner.run(REVERSE, RunOptions.defaults());
        assertTrue(real.passed(), TextSummary.of(real));
    }
}
