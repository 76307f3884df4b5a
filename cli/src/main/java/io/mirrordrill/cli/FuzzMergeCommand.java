package io.mirrordrill.cli;

import io.mirrordrill.scenario.fuzz.FuzzMerge;
import io.mirrordrill.scenario.fuzz.FuzzResults;
import io.mirrordrill.scenario.fuzz.Fuzzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mirrordrill drill fuzz merge OUT DIR...}. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine the --out directories of a campaign's shards (drill fuzz --shard I/N) into OUT: the"
                + " summary, JUnit XML and shrunk drills one run over the whole range writes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every seed of the campaign passed", "1:a seed failed (see the shrunk drills in OUT)",
                "2:bad input or usage: shards of different campaigns, a shard missing or given twice"})
final class FuzzMergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "Where the merged results are written.")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DIR", description = "The --out directory of each shard.")
    List<Path> shards;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        // the shards are checked before OUT is created, so a refused merge leaves nothing behind
        FuzzMerge.Shards checked = FuzzMerge.check(out, shards);
        OutputPaths.directory("OUT", out, "fuzz-out");
        List<Fuzzer.Outcome> outcomes = FuzzMerge.write(out, checked);
        console.print(Files.readString(out.resolve(FuzzResults.SUMMARY)));
        console.flush();
        return outcomes.stream().allMatch(Fuzzer.Outcome::passed) ? Main.PASSED : Main.FAILED;
    }
}
