package io.mirrordrill.cli;

import io.mirrordrill.scenario.fuzz.FuzzResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.mirrordrill.cli.Ran.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The campaign of the issue through the command line: shards 0..3 of seeds 1..200, merged, equal one run over
 * 1..200 (an IT for its minutes; FuzzMergeTest merges a smaller range with failures and shrunk drills).
 */
class FuzzShardsIT {
    @TempDir
    Path dir;

    @Test
    void shardsZeroToThreeOfSeedsOneTo200MergedEqualOneRunOver1To200() throws IOException {
        Path out = dir.resolve("fuzz-out");
        Ran whole = run("drill", "fuzz", "--seeds", "1..200", "--jobs", "2", "--out", out.toString());
        assertEquals(0, whole.code(), whole.out() + whole.err());
        Path single = Files.move(out, dir.resolve("single"));

        List<String> merge = new ArrayList<>(List.of("drill", "fuzz", "merge", out.toString()));
        for (int i = 3; i >= 0; i--) {
            Path shard = dir.resolve("shard-" + i);
            Ran r = run("drill", "fuzz", "--seeds", "1..200", "--shard", i + "/4", "--jobs", "2", "--out",
                    shard.toString());
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().startsWith("50 seeds (shard " + i + "/4 of 1..200): 50 passed"), r.out());
            merge.add(shard.toString());
        }
        Ran merged = run(merge.toArray(String[]::new));
        assertEquals(0, merged.code(), merged.out() + merged.err());
        assertEquals(Files.readString(single.resolve(FuzzResults.SUMMARY)), merged.out(), "prints the summary");
        assertEquals(files(single), files(out), "byte for byte, what one run writes");

        Ran missing = run("drill", "fuzz", "merge", dir.resolve("again").toString(),
                dir.resolve("shard-0").toString(), dir.resolve("shard-1").toString(),
                dir.resolve("shard-3").toString());
        assertEquals(2, missing.code());
        assertEquals(dir.resolve("shard-0") + ": shard 2/4 is missing (3 of 4 shards given). Fix: merge the --out"
                + " directories of shards 0..3 (rerun the missing one with --shard 2/4)\n", missing.err());
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return files;
    }
}
