package io.mirrordrill.cli;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.fuzz.PlantedBugs;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.HtmlReport;
import io.mirrordrill.scenario.report.JsonReport;
import io.mirrordrill.scenario.report.JunitReport;
import io.mirrordrill.scenario.report.TextSummary;
import io.mirrordrill.scenario.runner.DrillRunner;
import io.mirrordrill.scenario.runner.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code mirrordrill drill run}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run drills and report: a summary per drill, and optionally JSON, JUnit XML and HTML.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every drill passed", "1:a drill or an invariant failed",
            "2:bad input or usage (checked before any drill runs), or an output could not be written"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<file|dir|name>",
            description = "Drill files, directories of drills, or names of built-in drills (see: drill list).")
    List<String> targets;

    @Option(names = "--seed", paramLabel = "N", description = "Run with this seed instead of the drill's own.")
    Long seed;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write an HTML report (index.html, with a timeline per drill) and a JSON file per drill.")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Write every result as JSON.")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML (one test case per drill).")
    Path junit;

    @Option(names = "--replay", description = "Run each drill twice; fail when the second trace differs.")
    boolean replay;

    @Option(names = "--planted-bug", paramLabel = "NAME", description = "Run against an engine with a deliberate"
            + " defect (as drill fuzz --planted-bug does), e.g. to replay a drill the fuzzer wrote: skip-quiesce.")
    String plantedBug;

    @Option(names = "--no-progress", description = "No progress bar (it is off anyway when not on a terminal).")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Drill> drills = Drills.load(targets);
        var bug = plantedBug == null ? null : PlantedBugs.of(plantedBug).orElseThrow(() -> BadInput.of(
                "--planted-bug", "unknown planted bug \"" + plantedBug + "\"", "use one of " + PlantedBugs.NAMES));
        // every output is checked before the first drill runs, so no run's results are lost to a bad path
        if (json != null) {
            OutputPaths.file("--json", json, "results.json");
        }
        if (junit != null) {
            OutputPaths.file("--junit", junit, "drills.xml");
        }
        if (report != null) {
            OutputPaths.directory("--report", report, "report/");
        }
        List<DrillResult> results = new ArrayList<>();
        for (Drill drill : drills) {
            try (Progress progress = Progress.of(drill.name(), drill.steps().size(), !noProgress)) {
                RunOptions options = RunOptions.defaults().withSeed(seed).withWallClock(System::nanoTime)
                        .withProgress(progress);
                if (bug != null) {
                    options = options.withEnginePorts(cluster -> bug);
                }
                results.add(replay ? DrillRunner.runAndReplay(drill, options) : DrillRunner.run(drill, options));
            }
            out.print(TextSummary.of(results.get(results.size() - 1)));
            out.flush();
        }
        out.print(TextSummary.total(results));
        out.flush();
        boolean written = write(results);
        if (!written) {
            return Main.BAD_INPUT;
        }
        return results.stream().allMatch(DrillResult::passed) ? Main.PASSED : Main.FAILED;
    }

    /** Writes every output asked for; one that fails (a full disk) is reported and the others are still written. */
    private boolean write(List<DrillResult> results) {
        boolean ok = write("--json", json, () -> JsonReport.of(results));
        ok &= write("--junit", junit, () -> JunitReport.of(results));
        if (report != null) {
            boolean index = write("--report", report.resolve("index.html"), () -> HtmlReport.of(results));
            ok &= index;
            for (DrillResult r : results) {
                ok &= write("--report", report.resolve(r.name() + ".json"), () -> JsonReport.of(r));
            }
            if (index) {
                spec.commandLine().getOut().println("report: " + report.resolve("index.html"));
            }
        }
        return ok;
    }

    private boolean write(String option, Path file, Supplier<String> text) {
        if (file == null) {
            return true;
        }
        try {
            Files.writeString(file, text.get(), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            spec.commandLine().getErr().println("mirrordrill: " + option + ": cannot write " + file + " ("
                    + OutputPaths.reason(e) + "); the drills ran and every other output was written. Fix: give "
                    + option + " a path on a file system with room, and run again");
            return false;
        }
    }
}
