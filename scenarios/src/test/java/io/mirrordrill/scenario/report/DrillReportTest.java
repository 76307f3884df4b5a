package io.mirrordrill.scenario.report;

import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.runner.DrillRunner;
import io.mirrordrill.scenario.runner.RunOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports of a real drill, read the way a person reads them: the numbers that matter on the picture, a legend,
 * an axis, the lag plot, a conclusion first, and none of the glitches people met (each check here failed on the
 * report as it was before).
 */
class DrillReportTest {
    private static final Path SITE_LOSS = Path.of("drills/failover-site-loss.yaml");
    private static DrillResult passed;
    private static String html;

    @BeforeAll
    static void runTheSiteLossDrill() {
        // given as an absolute path, as the CLI resolves a built-in drill's name
        passed = DrillRunner.run(DrillParser.parse(SITE_LOSS.toAbsolutePath()), RunOptions.defaults());
        assertTrue(passed.passed(), TextSummary.of(passed));
        html = HtmlReport.of(List.of(passed));
    }

    @Test
    void theTimelineShadesAndLabelsTheDisasterTheRpoWindowAndTheRtoWindow() {
        String svg = between(html, "<svg class=\"timeline\"", "</svg>");
        assertTrue(svg.contains("class=\"window start\""), "the disaster line");
        assertTrue(svg.contains("class=\"window rpo\""), "the RPO span");
        assertTrue(svg.contains("class=\"window rto\""), "the RTO span");
        assertTrue(svg.contains(">RPO 1m24s: 420 records lost<"), svg);
        assertTrue(svg.contains(">RTO 20s: no write accepted<"), svg);
        assertTrue(svg.contains(">disaster: site east down at 0:23:22<"), svg);
        Timeline.Window rpo = passed.timeline().windows().stream().filter(w -> w.kind().equals("rpo")).findFirst()
                .orElseThrow();
        assertEquals(passed.measures().rpoMillis(), rpo.endMillis() - rpo.startMillis(), "the RPO span is the RPO");
    }

    @Test
    void theLegendNamesEveryColourTheTimelineDraws() {
        String svg = between(html, "<svg class=\"timeline\"", "</svg>");
        String legend = between(html, "<ul class=\"legend\">", "</ul>");
        Matcher fill = Pattern.compile("<(?:rect|polygon)[^>]* fill=\"(#[0-9a-f]{6})\"").matcher(svg);
        Set<String> colours = new HashSet<>();
        while (fill.find()) {
            colours.add(fill.group(1));  // shapes: the text colours only echo the spans they label
        }
        assertFalse(colours.isEmpty());
        for (String colour : colours) {
            assertTrue(legend.contains("fill=\"" + colour + "\""), "the legend lacks " + colour + ": " + legend);
        }
        assertTrue(legend.contains("RPO window") && legend.contains("RTO window") && legend.contains("disaster"));
    }

    @Test
    void theTimeAxisHasATitleRoundTicksAndTheSimulatedCalendarTime() {
        String svg = between(html, "<svg class=\"timeline\"", "</svg>");
        assertTrue(svg.contains("class=\"axis-title\""), "an axis title");
        assertTrue(svg.contains("simulated time since the drill began (h:mm:ss), every 5m"), svg);
        assertTrue(svg.contains("began 2026-01-01 00:00:02"), "the calendar time the drill began at");
        Matcher tick = Pattern.compile("class=\"tick\"[^>]*>(\\d+):(\\d\\d):(\\d\\d)<").matcher(svg);
        List<Long> ticks = new ArrayList<>();
        while (tick.find()) {
            ticks.add(Long.parseLong(tick.group(1)) * 3600 + Long.parseLong(tick.group(2)) * 60
                    + Long.parseLong(tick.group(3)));
        }
        assertEquals(List.of(0L, 300L, 600L, 900L, 1200L, 1500L, 1800L), ticks, "every 5 minutes from 0");
        assertTrue(svg.contains(">00:25<"), "calendar time under the ticks");
    }

    @Test
    void rowLabelsAreShortenedOnlyInTheMiddleWithTheFullNameOnHover() {
        Matcher lane = Pattern.compile("<text class=\"lane\"[^>]*>([^<]*)<title>([^<]*)</title>").matcher(html);
        Set<String> shown = new HashSet<>();
        int lanes = 0;
        while (lane.find()) {
            lanes++;
            String visible = lane.group(1).replace("&amp;", "&");
            String full = lane.group(2).replace("&amp;", "&");
            assertTrue(shown.add(visible), "two rows read " + visible);
            if (!visible.equals(full)) {
                String[] parts = visible.split("…");
                assertEquals(2, parts.length, visible);
                assertTrue(full.startsWith(parts[0]) && full.endsWith(parts[1]), visible + " for " + full);
            }
        }
        assertEquals(passed.timeline().lanes().size(), lanes);
        assertTrue(html.contains(">AMR k8s-west/my-ap…-9d26-d326dc1953d8<"), "the AMR's distinguishing end stays");
    }

    @Test
    void eachRelationshipHasALagPlotWithTheScheduleIntervalAndTheBytesOfEachTransfer() {
        assertEquals(1, passed.timeline().lags().size());
        Timeline.Lag lag = passed.timeline().lags().get(0);
        assertEquals(300_000, lag.intervalMillis(), "the AMR's rule: every 5 minutes");
        String svg = between(html, "<svg class=\"lag\"", "</svg>");
        assertTrue(svg.contains("schedule interval 5m"), svg);
        assertTrue(svg.contains("class=\"lag-line\""));
        for (Timeline.Replica r : lag.replicas()) {
            assertTrue(r.takenMillis() <= r.atMillis() && r.atMillis() <= r.untilMillis(), r.toString());
            assertTrue(svg.contains(Xml.escape(r.snapshot()) + ": " + TextSummary.bytes(r.bytes())), r.snapshot());
            assertTrue(r.atMillis() - r.takenMillis() < lag.intervalMillis(), "replicated within its interval");
        }
    }

    @Test
    void theConclusionComesFirstAndSaysWhatHappenedWhatWasLostAndWhenTheAppServedAgain() {
        List<String> sentences = Conclusion.of(passed);
        assertEquals("Disaster: site east down at 0:23:22 (00:23:24 UTC); the application served again on "
                + "k8s-west:my-app-namespace/db at 0:23:42, 20s later (RTO).", sentences.get(0));
        assertEquals("Lost: 420 records, the writes of the last 1m24s before it (0:21:58 to 0:23:22)"
                + " (RPO).", sentences.get(1));
        String section = between(html, "<section id=\"failover-site-loss\">", "</section>");
        assertTrue(section.indexOf("class=\"conclusion\"") < section.indexOf("<svg"), "the conclusion is on top");
        String text = TextSummary.of(passed);
        assertTrue(text.lines().skip(1).findFirst().orElseThrow().contains("Disaster: site east down"), text);
    }

    @Test
    void refusedWritesSayWhatRefusedThem() {
        assertTrue(passed.measures().writesRefused() > 0);
        assertEquals(passed.measures().writesRefused(), passed.measures().refusals().stream()
                .mapToLong(Measurements.Refused::writes).sum(), "every refused write has its reason");
        String why = Conclusion.refusals(passed.measures()).orElseThrow();
        assertTrue(why.contains("because") && why.contains("not reachable from site east"), why);
        assertTrue(html.contains(Xml.escape(why)), "the HTML explains them");
        assertTrue(TextSummary.of(passed).contains(why), "the terminal explains them");
    }

    @Test
    void expectationLabelsShowTheNamesTheVariablesHeldAndNoRawJson() {
        assertFalse(html.contains("${"), "an unexpanded variable");
        assertTrue(html.contains("AppMirrorRelationship/my-app-namespace/amr-16061e80-1b05-4e80-9d26-d326dc1953d8"
                + " status.state == Promoted"));
        for (ExpectationResult e : passed.expectations()) {
            assertFalse(e.actual().contains("{\""), "raw JSON found: " + e.actual());
            assertFalse(e.description().contains("${"), e.description());
        }
    }

    @Test
    void theInvariantsLineAppearsOnceAndTheFileIsNotAnAbsolutePath() {
        assertEquals(1, count(html, "Invariants checked after every step"), "the invariants line, once");
        assertEquals("drills/failover-site-loss.yaml", passed.file(), "relative to the working directory");
        assertFalse(html.contains(Path.of("").toAbsolutePath().toString()), "no absolute path in the report");
    }

    @Test
    void aProcedureStepsFoldUnderTheStepThatRunsThem() {
        String steps = between(html, "<table class=\"steps\">", "</section>");
        long own = passed.steps().stream().filter(s -> s.depth() == 0).count();
        assertTrue(passed.steps().size() > own, "the drill runs procedures");
        assertEquals(passed.steps().stream().filter(s -> s.description().startsWith("run ")).count(),
                count(steps, "<details>"), "one fold per run step, closed when all went well");
        String top = steps.replaceAll("(?s)<details.*?</details>", "");
        assertEquals(own, count(top, "<tr><td>"), "the top table holds the drill's own steps only");
    }

    @Test
    void aFailedDrillNamesTheFailureOnceAndWhatToChange(@TempDir Path dir) throws IOException {
        copy(Path.of("drills/seed"), dir.resolve("seed"));
        String yaml = Files.readString(SITE_LOSS).replace("rpo: {atMost: 11m}", "rpo: {atMost: 10s}")
                .replace("equals: Promoted}", "equals: Established}");
        Files.writeString(dir.resolve("strict.yaml"), yaml);
        DrillResult failed = DrillRunner.run(DrillParser.parse(dir.resolve("strict.yaml")), RunOptions.defaults());
        assertFalse(failed.passed());
        String page = HtmlReport.of(List.of(failed));
        String text = TextSummary.of(failed);
        String message = Xml.escape(failed.failure().message());
        assertEquals(1, count(page, message), "the failure once in the page: " + failed.failure().message());
        assertEquals(1, count(text, failed.failure().message()), "the failure once in the terminal: " + text);
        assertTrue(text.contains("What to change: RPO at most 10s: replicate more often (the schedule runs every "
                + "5m)"), text);
        assertTrue(page.contains("conclusion failed"));
        String found = failed.expectations().stream().filter(e -> !e.passed()).reduce((a, b) -> b).orElseThrow()
                .actual();
        assertEquals(1, count(text, found), "what an unmet expectation found, once in the terminal: " + text);
        found = failed.expectations().stream().filter(e -> e.description().endsWith("== Established"))
                .findFirst().orElseThrow().actual();
        assertTrue(found.startsWith("status.state = Promoted; state Promoted; Ready True (Promoted): "), found);
        assertFalse(found.contains("{"), found);
    }

    @Test
    void aFailoverWithoutAWorkloadSaysNoRpoOrRtoWasMeasured() {
        DrillResult r = DrillRunner.run(DrillParser.parse(Path.of("drills/namespace-merge.yaml")), RunOptions.defaults());
        assertTrue(r.passed(), TextSummary.of(r));
        assertTrue(Conclusion.of(r).get(0).endsWith("; no workload wrote in this drill, so no RPO or RTO was measured."),
                Conclusion.of(r).toString());
    }

    @Test
    void twoRunsWithOneSeedGiveTheSameHtml() {
        DrillResult again = DrillRunner.run(DrillParser.parse(SITE_LOSS.toAbsolutePath()), RunOptions.defaults());
        assertEquals(HtmlReport.of(List.of(passed.withoutWallClock())), HtmlReport.of(List.of(again.withoutWallClock())));
        assertEquals(TextSummary.of(passed.withoutWallClock()), TextSummary.of(again.withoutWallClock()));
    }

    @Test
    void roundStepsAndMiddleShortening() {
        assertEquals(300_000, TimeAxis.roundStep(33 * 60_000, 10));
        assertEquals(3 * 3_600_000, TimeAxis.roundStep(24 * 3_600_000 - 1, 10));
        assertEquals(1_000, TimeAxis.roundStep(5_000, 10));
        assertEquals("abc…xyz", TimelineSvg.middle("abcdefghijklmnopqrstuvwxyz", 7));
        assertEquals("short", TimelineSvg.middle("short", 7));
    }

    private static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        assertTrue(a >= 0, "no " + from);
        int b = s.indexOf(to, a);
        return s.substring(a, b < 0 ? s.length() : b + to.length());
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
