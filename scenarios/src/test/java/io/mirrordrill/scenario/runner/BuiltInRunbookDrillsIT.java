package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillCatalog;
import io.mirrordrill.scenario.report.CommandRun;
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
 * Every built-in runbook drill (one with {@code sh} steps: the real kubectl against the estate served on 127.0.0.1)
 * passes, and a second run with the same seed gives the same trace hash and the same report, the commands' output
 * included. Without kubectl the drill fails naming the package to install, and so does this test.
 */
class BuiltInRunbookDrillsIT {
    @TestFactory
    Stream<DynamicTest> everyBuiltInRunbookDrillPassesAndReplaysExactlyWithTheCommandsOutput() {
        List<Drill> drills = DrillCatalog.builtIn(Path.of("drills")).stream().filter(Drill::runsCommands)
                .toList();
        assertEquals(List.of("runbook-failover", "runbook-reverse-direction"), drills.stream().map(Drill::name)
                .toList(), "the built-in runbook drills");
        return drills.stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> passesAndReplays(d)));
    }

    private static void passesAndReplays(Drill drill) {
        DrillResult first = DrillRunner.run(drill, RunOptions.defaults().withWallClock(System::nanoTime));
        assertTrue(first.passed(), TextSummary.of(first));
        assertFalse(first.commands().isEmpty(), "the report holds the commands");
        for (CommandRun c : first.commands()) {
            assertEquals(0, c.exitCode(), c.command() + "\n" + c.stderr());
            assertFalse(c.stdout().isBlank(), "every command of these drills prints something: " + c.command());
        }
        String html = HtmlReport.of(List.of(first));
        assertTrue(html.contains("Runbook commands") && html.contains("kubectl apply -f trident-protect-relationship"
                + ".yaml -n my-app-namespace"), "the HTML report shows the commands");
        assertTrue(first.commands().stream().anyMatch(c -> c.stdout().contains("appmirrorrelationship.protect"
                + ".trident.netapp.io/amr-16061e80-1b05-4e80-9d26-d326dc1953d8")), "kubectl's own output is kept");
        DrillResult second = DrillRunner.run(drill, RunOptions.defaults().withWallClock(System::nanoTime));
        assertEquals(first.measures().traceHash(), second.measures().traceHash(), "same seed, same trace");
        assertEquals(JsonReport.of(first.withoutWallClock()), JsonReport.of(second.withoutWallClock()),
                "same seed, same report");
        assertEquals(HtmlReport.of(List.of(first.withoutWallClock())), HtmlReport.of(List.of(second
                .withoutWallClock())), "same seed, same HTML report");
    }
}
