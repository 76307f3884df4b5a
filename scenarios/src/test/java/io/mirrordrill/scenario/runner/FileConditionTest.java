package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Condition;
import io.mirrordrill.scenario.drill.DrillParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A drill's file condition reads a file under a volume mount of a Deployment's running pod, as {@code cat} would. */
class FileConditionTest {
    private final Estate estate = DrillWorlds.runSteps(DrillParser.parse(Path.of("drills", "failover-hooks.yaml")),
            RunOptions.defaults()).estate();
    private final Conditions conditions = new Conditions(estate, new Vars(estate, Map.of()));

    private Conditions.Result file(String cluster, String path, String text) {
        return conditions.evaluate(new Condition.FileContains(cluster, "my-app-namespace", "db", path, text));
    }

    @Test
    void theMarkerOfThePostFailoverHookIsOnTheDestinationVolumeOnly() {
        Conditions.Result west = file("k8s-west", "/data/failover-marker", "promoted-by-post-failover-hook");
        assertTrue(west.holds(), west.observed());
        assertFalse(file("k8s-west", "/data/failover-marker", "something else").holds());
        Conditions.Result east = file("k8s-east", "/data/failover-marker", "promoted-by-post-failover-hook");
        assertFalse(east.holds(), "the original source's app is stopped by the reverse resync: " + east.observed());
    }

    @Test
    void aFileThatIsMissingOrOnNoVolumeDoesNotHoldAndSaysWhy() {
        Conditions.Result missing = file("k8s-west", "/data/no-such-marker", "x");
        assertFalse(missing.holds());
        assertTrue(missing.observed().contains("no such file"), missing.observed());
        Conditions.Result layer = file("k8s-west", "/tmp/marker", "x");
        assertFalse(layer.holds());
        assertTrue(layer.observed().contains("on no volume mount"), layer.observed());
    }
}
