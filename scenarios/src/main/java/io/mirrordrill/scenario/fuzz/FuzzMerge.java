package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.engine.InputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code drill fuzz merge OUT DIR...}: the {@code --out} directories of a campaign's shards combined into what one
 * run over the whole range writes to OUT (summary, JUnit XML, record, shrunk drills, copies of {@code seed/} and
 * {@code fuzz/}), byte for byte. It refuses (exit 2), before writing anything, shards of different campaigns (build,
 * range, options, shard count), a shard given twice, a shard missing and a shard that did not cover its seeds.
 */
public final class FuzzMerge {
    /** The line of a shrunk drill that names where it lies: rewritten to OUT. */
    private static final Pattern RUN_IT = Pattern.compile("(?m)^(# Run it: mirrordrill drill run ).*?(fuzz-\\d+\\.yaml)");

    private FuzzMerge() {
    }

    /** A campaign's shards, checked: each directory with its record, in the order given. */
    public record Shards(List<Path> dirs, List<FuzzResults.Record> records) {}

    /** Merges the shards in {@code dirs} into {@code out} (an existing directory); returns the outcomes in seed order. */
    public static List<Fuzzer.Outcome> merge(Path out, List<Path> dirs) {
        return write(out, check(out, dirs));
    }

    /** Reads and checks the shards, refusing (exit 2) what does not make one campaign; writes nothing. */
    public static Shards check(Path out, List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw refuse(out, "no shard directories to merge", "give the --out directory of every shard");
        }
        List<FuzzResults.Record> records = new ArrayList<>();
        Path[] byIndex = null;
        for (Path dir : dirs) {
            if (same(dir, out)) {
                throw refuse(dir, "is also the merge's output", "merge into a directory of its own, e.g. fuzz-out");
            }
            FuzzResults.Record r = FuzzResults.read(dir);
            if (!records.isEmpty()) {
                sameCampaign(dirs.get(0), records.get(0), dir, r);
            } else {
                byIndex = new Path[r.shard().count()];
            }
            int i = r.shard().index();
            if (byIndex[i] != null) {
                throw refuse(dir, "is shard " + r.shard() + ", as " + byIndex[i] + " is", "give each shard's"
                        + " directory once");
            }
            byIndex[i] = dir;
            covered(dir, r);
            records.add(r);
        }
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i] == null) {
                throw refuse(dirs.get(0), "shard " + i + "/" + byIndex.length + " is missing (" + records.size()
                        + " of " + byIndex.length + " shards given)", "merge the --out directories of shards 0.."
                        + (byIndex.length - 1) + " (rerun the missing one with --shard " + i + "/" + byIndex.length
                        + ")");
            }
        }
        return new Shards(List.copyOf(dirs), records);
    }

    /** Writes what one run over the campaign's whole range writes into {@code out}. */
    public static List<Fuzzer.Outcome> write(Path out, Shards shards) {
        List<Path> dirs = shards.dirs();
        List<FuzzResults.Record> records = shards.records();
        Campaign campaign = records.get(0).campaign();
        List<Fuzzer.Outcome> outcomes = new ArrayList<>();
        for (int k = 0; k < records.size(); k++) {
            for (FuzzResults.Seed s : records.get(k).seeds()) {
                outcomes.add(s.in(out));
                if (s.drill() != null) {
                    copyDrill(dirs.get(k).resolve(s.drill()), out.resolve(s.drill()));
                }
            }
        }
        outcomes.sort(Comparator.comparingLong(Fuzzer.Outcome::seed));
        for (String copied : List.of("seed", "fuzz")) {
            Fuzzer.copyTree(dirs.get(0).resolve(copied), out.resolve(copied));
        }
        FuzzResults.write(out, campaign, Shard.WHOLE, outcomes);
        return outcomes;
    }

    private static void sameCampaign(Path firstDir, FuzzResults.Record first, Path dir, FuzzResults.Record r) {
        Campaign a = first.campaign();
        Campaign b = r.campaign();
        String differs = !a.version().equals(b.version()) ? "built by mirrordrill " + b.version() + ", not "
                + a.version()
                : a.from() != b.from() || a.to() != b.to() ? "of seeds " + b.from() + ".." + b.to() + ", not "
                + a.from() + ".." + a.to()
                : !a.options().equals(b.options()) ? "run with options \"" + b.options().strip() + "\", not \""
                + a.options().strip() + "\""
                : r.shard().count() != first.shard().count() ? "one of " + r.shard().count() + " shards, not "
                + first.shard().count() : null;
        if (differs != null) {
            throw refuse(dir, "is of another campaign than " + firstDir + ": " + differs, "merge the shards of one"
                    + " campaign: the same --seeds, options, shard count and mirrordrill");
        }
    }

    /** The shard's seeds, each once, in order: the run finished and wrote what it covered. */
    private static void covered(Path dir, FuzzResults.Record r) {
        Campaign c = r.campaign();
        List<Long> expected = new ArrayList<>();
        for (long seed = c.from() + r.shard().index(); seed <= c.to() && seed >= c.from(); seed += r.shard().count()) {
            expected.add(seed);
        }
        List<Long> seeds = r.seeds().stream().map(FuzzResults.Seed::seed).toList();
        if (!seeds.equals(expected)) {
            throw refuse(dir, "covers " + seeds.size() + " seeds, not the " + expected.size() + " of shard "
                    + r.shard() + " of " + c.from() + ".." + c.to(), "rerun that shard");
        }
        for (FuzzResults.Seed s : r.seeds()) {
            if (s.drill() != null && !Files.isRegularFile(dir.resolve(s.drill()))) {
                throw refuse(dir, "has no " + s.drill() + ", the shrunk drill of seed " + s.seed(), "rerun that"
                        + " shard, or copy its whole --out directory");
            }
        }
    }

    /** The shrunk drill, its "Run it" line naming where it now lies. */
    private static void copyDrill(Path from, Path to) {
        try {
            String text = Files.readString(from, StandardCharsets.UTF_8);
            Matcher m = RUN_IT.matcher(text);
            String moved = m.find() ? text.substring(0, m.start()) + m.group(1) + to + text.substring(m.end())
                    : text;
            Files.writeString(to, moved, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static InputException refuse(Path dir, String reason, String fix) {
        return new InputException(dir.toString(), 0, reason, fix);
    }
}
