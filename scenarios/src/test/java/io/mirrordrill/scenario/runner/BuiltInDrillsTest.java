package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillCatalog;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.HtmlReport;
import io.mirrordrill.scenario.report.JsonReport;
import io.mirrordrill.scenario.report.TextSummary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in drill passes, and a second run with the same seed gives the same trace hash and the same JSON
 * report apart from the wall-clock time.
 */
class BuiltInDrillsTest {
    @TestFactory
    Stream<DynamicTest> everyBuiltInDrillPassesAndReplaysExactly() {
        var drills = DrillCatalog.builtIn(Path.of("drills"));
        assertFalse(drills.isEmpty(), "no built-in drills found under scenarios/drills");
        // runbook drills run real clients against servers on 127.0.0.1: BuiltInRunbookDrillsIT runs them
        return drills.stream().filter(d -> !d.runsCommands())
                .map(d -> DynamicTest.dynamicTest(d.name(), () -> passesAndReplays(d)));
    }

    static void passesAndReplays(Drill drill) {
        DrillResult first = DrillRunner.run(drill, RunOptions.defaults().withWallClock(System::nanoTime));
        assertTrue(first.passed(), TextSummary.of(first));
        DrillResult second = DrillRunner.run(drill, RunOptions.defaults().withWallClock(System::nanoTime));
        assertEquals(first.measures().traceHash(), second.measures().traceHash(), "same seed, same trace");
        assertEquals(JsonReport.of(first.withoutWallClock()), JsonReport.of(second.withoutWallClock()),
                "same seed, same report");
        assertEquals(HtmlReport.of(List.of(first.withoutWallClock())), HtmlReport.of(List.of(second.withoutWallClock())),
                "same seed, same HTML report");
    }
}
