package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.engine.InputException;
import io.mirrordrill.scenario.runner.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzMergeTest {
    private static final Path DRILLS = Path.of("drills");
    private static final Campaign CAMPAIGN = new Campaign("test", 1, 10, "");

    @TempDir
    Path dir;

    /** With the planted bug some seeds fail, so shrunk drills are merged too (FuzzTest: within the first 60). */
    @Test
    void shardsZeroToThreeOfACampaignMergedEqualOneRunOverTheWholeRange() throws IOException {
        RunOptions buggy = RunOptions.defaults().withEnginePorts(c -> PlantedBugs.of("skip-quiesce").orElseThrow());
        Campaign campaign = new Campaign("test", 1, 24, " --planted-bug skip-quiesce");
        Path out = dir.resolve("out");
        List<Fuzzer.Outcome> whole = fuzz(out, campaign, Shard.WHOLE, buggy);
        assertTrue(whole.stream().anyMatch(o -> !o.passed()), "a seed fails, so a shrunk drill is merged");
        Path single = Files.move(out, dir.resolve("single"));
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shards.add(dir.resolve("shard-" + i));
            fuzz(shards.get(i), campaign, new Shard(i, 4), buggy);
        }
        Files.createDirectories(out);
        List<Fuzzer.Outcome> merged = FuzzMerge.merge(out, List.of(shards.get(2), shards.get(0), shards.get(3),
                shards.get(1)));

        assertEquals(whole, merged);
        assertEquals(files(single), files(out), "byte for byte, the files one run writes");
    }

    @Test
    void interleavedShardsCoverEverySeedOnceAndDifferByAtMostOne() {
        for (int n = 1; n <= 7; n++) {
            for (long from = 0; from <= 3; from++) {
                for (long to = from; to <= from + 12; to++) {
                    long total = 0;
                    for (long seed = from; seed <= to; seed++) {
                        int owners = 0;
                        for (int i = 0; i < n; i++) {
                            owners += new Shard(i, n).covers(from, seed) ? 1 : 0;
                        }
                        assertEquals(1, owners, "seed " + seed + " of " + from + ".." + to + " in " + n + " shards");
                    }
                    for (int i = 0; i < n; i++) {
                        long size = new Shard(i, n).size(from, to);
                        assertTrue(Math.abs(size - new Shard(0, n).size(from, to)) <= 1);
                        total += size;
                    }
                    assertEquals(to - from + 1, total);
                }
            }
        }
    }

    @Test
    void aMissingShardIsRefusedNamingItAndWritesNothing() {
        List<Path> shards = List.of(shard(CAMPAIGN, 0, 3), shard(CAMPAIGN, 2, 3));
        Path out = dir.resolve("out");
        InputException e = assertThrows(InputException.class, () -> FuzzMerge.merge(out, shards));
        assertTrue(e.getMessage().contains("shard 1/3 is missing"), e.getMessage());
        assertFalse(Files.exists(out.resolve(FuzzResults.RECORD)));
    }

    @Test
    void aShardGivenTwiceIsRefused() {
        Path first = shard(CAMPAIGN, 0, 2);
        Path again = dir.resolve("again");
        copy(first, again);
        InputException e = assertThrows(InputException.class,
                () -> FuzzMerge.merge(dir.resolve("out"), List.of(first, again, shard(CAMPAIGN, 1, 2))));
        assertTrue(e.getMessage().contains("is shard 0/2, as " + first + " is"), e.getMessage());
    }

    @Test
    void shardsOfAnotherRangeOptionsBuildOrShardCountAreRefused() {
        Path zero = shard(CAMPAIGN, 0, 2);
        Map<String, Path> others = Map.of(
                "of seeds 1..11, not 1..10", shard(new Campaign("test", 1, 11, ""), 1, 2),
                "run with options \"--planted-bug skip-quiesce\", not \"\"",
                shard(new Campaign("test", 1, 10, " --planted-bug skip-quiesce"), 1, 2),
                "built by mirrordrill 0.2.0, not test", shard(new Campaign("0.2.0", 1, 10, ""), 1, 2),
                "one of 3 shards, not 2", shard(CAMPAIGN, 1, 3));
        others.forEach((why, other) -> {
            InputException e = assertThrows(InputException.class,
                    () -> FuzzMerge.merge(dir.resolve("out"), List.of(zero, other)));
            assertTrue(e.getMessage().contains("is of another campaign than " + zero + ": " + why), e.getMessage());
        });
    }

    @Test
    void aDirectoryWithoutARecordOrWithSeedsMissingIsRefused() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("unfinished"));
        InputException none = assertThrows(InputException.class,
                () -> FuzzMerge.merge(dir.resolve("out"), List.of(shard(CAMPAIGN, 0, 2), empty)));
        assertTrue(none.getMessage().contains("no " + FuzzResults.RECORD), none.getMessage());

        Path partial = Files.createDirectories(dir.resolve("partial"));
        FuzzResults.write(partial, CAMPAIGN, new Shard(1, 2), List.of(passed(2), passed(4)));
        InputException short_ = assertThrows(InputException.class,
                () -> FuzzMerge.merge(dir.resolve("out"), List.of(shard(CAMPAIGN, 0, 2), partial)));
        assertTrue(short_.getMessage().contains("covers 2 seeds, not the 5 of shard 1/2 of 1..10"),
                short_.getMessage());
    }

    private List<Fuzzer.Outcome> fuzz(Path out, Campaign campaign, Shard shard, RunOptions options) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Fuzzer.Outcome> outcomes = new ArrayList<>();
        // the drawn closing advance, not two hours: what a merge combines does not depend on how long drills run
        new Fuzzer(DRILLS, out, options, campaign.options(), Duration.ZERO).fuzz(campaign.from(), campaign.to(),
                shard, 2, outcomes::add);
        FuzzResults.write(out, campaign, shard, outcomes);
        return outcomes;
    }

    /** A shard's directory as a finished run leaves it, its seeds all passed (what merge checks needs no run). */
    private Path shard(Campaign campaign, int index, int count) {
        Path out = dir.resolve("c" + campaign.hashCode() + "-" + index + "-" + count);
        Shard shard = new Shard(index, count);
        List<Fuzzer.Outcome> outcomes = new ArrayList<>();
        for (long seed = campaign.from(); seed <= campaign.to(); seed++) {
            if (shard.covers(campaign.from(), seed)) {
                outcomes.add(passed(seed));
            }
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        FuzzResults.write(out, campaign, shard, outcomes);
        return out;
    }

    private static Fuzzer.Outcome passed(long seed) {
        return new Fuzzer.Outcome(seed, true, null, 5, 0, null, false, "hash-" + seed, 3_600_000,
                new FuzzCoverage.Reach(List.of("(new) -> Establishing"), seed % 2 == 0 ? List.of("partition")
                        : List.of(), List.of("set up replication")));
    }

    private static void copy(Path from, Path to) {
        Fuzzer.copyTree(from, to);
    }

    /** Every file under {@code root} by its relative path, with its text. */
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
