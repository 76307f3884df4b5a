package io.mirrordrill.scenario.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillCatalog;
import io.mirrordrill.scenario.runner.DrillRunner;
import io.mirrordrill.scenario.runner.RunOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every built-in drill's HTML report, looked at in a real browser: headless Chromium (Debian's {@code chromium})
 * loads the page from a file, renders it to a PNG and dumps the DOM after a probe script measured the layout. The
 * RPO/RTO spans, the legend, the axis title and the lag plot must be there and visible, no text may be cut off at
 * a picture's edge, the labels over the timeline must not overlap, the page must not scroll sideways, and the
 * browser must log no console message or error. Without Chromium the test fails naming the packages to install.
 * It is an IT: it runs every built-in drill and a real browser, too slow for the unit tests.
 */
class ReportInBrowserIT {
    private static final Path OUT = Path.of("target/browser-reports");
    private static final Pattern PROBE = Pattern.compile("<pre id=\"mirrordrill-probe\" style=\"[^\"]*\">(.*?)</pre>",
            Pattern.DOTALL);
    /** Before anything else on the page: collects script errors, failed loads and console.error calls. */
    private static final String CATCH = "<script>window.__mirrordrillErrors=[];window.addEventListener('error',"
            + "function(e){window.__mirrordrillErrors.push(String(e.message||(e.target&&(e.target.src||e.target.href))"
            + "||e.type))},true);var __mdError=console.error;console.error=function(){window.__mirrordrillErrors.push("
            + "Array.prototype.join.call(arguments,' '));__mdError.apply(console,arguments)};</script>";

    @TestFactory
    Stream<DynamicTest> everyBuiltInDrillsReportRendersWithItsSpansLegendAxisAndLagPlot() throws IOException {
        Path chromium = chromium();
        Files.createDirectories(OUT);
        String probe = resource("/report-probe.js");
        List<Drill> drills = DrillCatalog.builtIn(Path.of("drills"));
        assertFalse(drills.isEmpty(), "no built-in drills found under scenarios/drills");
        return drills.stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> renders(chromium, d, probe)));
    }

    private static void renders(Path chromium, Drill drill, String probe) throws Exception {
        DrillResult r = DrillRunner.run(drill, RunOptions.defaults());
        String page = HtmlReport.of(List.of(r));
        Path html = OUT.resolve(r.name() + ".html");
        Path png = OUT.resolve(r.name() + ".png");
        Files.writeString(html, page.replaceFirst("<head>", "<head>" + CATCH)
                .replace("</body>", "<script>" + probe + "</script></body>"), StandardCharsets.UTF_8);
        Files.deleteIfExists(png);
        Browser run = browse(chromium, html, png);

        assertTrue(Files.size(png) > 10_000 && isPng(png), "Chromium rendered no PNG of " + html + ": " + run.log);
        List<String> console = run.log.lines().filter(l -> l.contains(":CONSOLE")).toList();
        assertEquals(List.of(), console, "console messages while loading " + html);
        Matcher m = PROBE.matcher(run.dom);
        assertTrue(m.find(), "the probe did not run in " + html + ": " + run.log);
        JsonNode probed = JsonMapper.builder().build().readTree(unescape(m.group(1)));
        assertEquals(0, probed.path("errors").size(), "errors in the page: " + probed.path("errors"));
        assertTrue(probed.path("pageWidth").asInt() <= probed.path("viewportWidth").asInt(),
                "the page scrolls sideways: " + probed);
        JsonNode s = probed.path("sections").get(0);
        assertEquals(r.name(), s.path("id").asText());
        assertTrue(s.path("timeline").asBoolean(), "the timeline is not visible: " + s);
        assertTrue(s.path("legend").asBoolean() && s.path("legendItems").asInt() >= 3, "no legend: " + s);
        assertTrue(s.path("axisTitle").asText().startsWith("simulated time since the drill began"), s.toString());
        boolean started = r.timeline().windows().stream().anyMatch(w -> w.kind().equals("start"));
        assertEquals(started, s.path("start").asBoolean(), "the disaster line: " + s);
        if (r.measures().rtoMillis() != null) {
            assertTrue(s.path("rpo").asDouble() >= 2.5, "the RPO span is not visible: " + s);
            assertTrue(s.path("rto").asDouble() >= 2.5, "the RTO span is not visible: " + s);
            assertTrue(s.path("windowLabels").asInt() >= 2, "the RPO and RTO spans are not labelled: " + s);
        }
        int lags = r.timeline().lags().size();
        assertEquals(lags, s.path("lags").asInt(), "a lag plot per relationship that replicated: " + s);
        assertEquals(r.timeline().lags().stream().filter(l -> l.intervalMillis() > 0).count(),
                s.path("lagIntervals").asLong(), "the schedule interval on each lag plot: " + s);
        assertEquals(lags == 0, s.path("noLag").asBoolean(), "why there is no lag plot: " + s);
        assertEquals(0, s.path("clipped").size(), "text cut off at a picture's edge: " + s.path("clipped"));
        assertEquals(0, s.path("overlapping").size(), "labels over the timeline overlap: " + s.path("overlapping"));
    }

    private record Browser(String dom, String log) {}

    /** One headless Chromium, with its own empty profile, that dumps the DOM and writes a screenshot. */
    private static Browser browse(Path chromium, Path html, Path png) throws Exception {
        Path profile = Files.createTempDirectory("mirrordrill-chromium-");
        Path dom = Files.createTempFile("mirrordrill-dom-", ".html");
        Path log = Files.createTempFile("mirrordrill-chromium-", ".log");
        try {
            Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--window-size=1400,3000", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                    "--screenshot=" + png.toAbsolutePath(), "--dump-dom", html.toAbsolutePath().toUri().toString())
                    .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("Chromium did not finish rendering " + html + " in 90 s: " + Files.readString(log));
            }
            return new Browser(Files.readString(dom), Files.readString(log));
        } finally {
            Files.deleteIfExists(dom);
            Files.deleteIfExists(log);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Debian's chromium ({@code -Dmirrordrill.chromium} names another); missing, the test fails saying what to install. */
    private static Path chromium() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("mirrordrill.chromium");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "chromium"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseGet(() -> fail(
                "chromium is not installed: this test renders the reports in headless Chromium. Install the Debian "
                        + "packages chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run "
                        + "installs them)"));
    }

    private static boolean isPng(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png)) {
            byte[] head = in.readNBytes(8);
            return head.length == 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
        }
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", "\u00a0").replace("&amp;", "&");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReportInBrowserIT.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
