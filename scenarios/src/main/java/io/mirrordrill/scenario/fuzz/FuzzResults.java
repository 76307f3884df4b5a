package io.mirrordrill.scenario.fuzz;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mirrordrill.engine.InputException;
import io.mirrordrill.scenario.drill.Units;
import io.mirrordrill.scenario.report.Xml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * What {@code drill fuzz --out DIR} writes besides the shrunk drills, all of it a function of the campaign, the shard
 * and the outcomes (no wall-clock figure), so the merge of a campaign's shards writes what one run writes:
 * {@value #SUMMARY} (the console's summary), {@value #JUNIT} (a test case per seed) and {@value #RECORD} (what the
 * run covered, per-seed outcomes: what {@code drill fuzz merge} reads). The record is written last, so a directory
 * holds one only when its run finished.
 */
public final class FuzzResults {
    public static final String SUMMARY = "summary.txt";
    public static final String JUNIT = "fuzz-junit.xml";
    public static final String RECORD = "fuzz-campaign.json";
    /** The record's format; a merge refuses another one. */
    static final String FORMAT = "mirrordrill-fuzz/1";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One seed's outcome in the record; {@code drill} is the shrunk drill's file name in the directory. */
    public record Seed(long seed, boolean passed, String failure, int operations, int shrunkTo, String drill,
                boolean reproduces, String traceHash, long simulatedMillis, FuzzCoverage.Reach reach) {
        static Seed of(Fuzzer.Outcome o) {
            return new Seed(o.seed(), o.passed(), o.failure(), o.operations(), o.shrunkTo(),
                    o.reproduction() == null ? null : o.reproduction().getFileName().toString(), o.reproduces(),
                    o.traceHash(), o.simulatedMillis(), o.reach());
        }

        Fuzzer.Outcome in(Path out) {
            return new Fuzzer.Outcome(seed, passed, failure, operations, shrunkTo,
                    drill == null ? null : out.resolve(drill), reproduces, traceHash, simulatedMillis, reach);
        }
    }

    /** The record of one directory. */
    public record Record(String format, Campaign campaign, Shard shard, List<Seed> seeds) {}

    private FuzzResults() {
    }

    /** Writes the summary, the JUnit XML and, last, the record of {@code outcomes} (in seed order) into {@code out}. */
    public static void write(Path out, Campaign campaign, Shard shard, List<Fuzzer.Outcome> outcomes) {
        write(out.resolve(SUMMARY), summary(campaign, shard, outcomes));
        write(out.resolve(JUNIT), junit(campaign, shard, outcomes));
        Record record = new Record(FORMAT, campaign, shard, outcomes.stream().map(Seed::of).toList());
        try {
            Path partial = out.resolve(RECORD + ".partial");
            Files.writeString(partial, JSON.writeValueAsString(record) + "\n", StandardCharsets.UTF_8);
            Files.move(partial, out.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(RECORD), e);
        }
    }

    /** The record in {@code dir}, refused (exit 2) when there is none or it cannot be read. */
    static Record read(Path dir) {
        Path file = dir.resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            throw new InputException(dir.toString(), 0, "no " + RECORD + ": not the --out of a finished drill fuzz"
                    + " run", "give the --out directory of each shard, after its run ended");
        }
        Record r;
        try {
            r = JSON.readValue(file.toFile(), Record.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(file.toString(), 0, "not a fuzz campaign record (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")", "give the --out directory of a drill fuzz run, as it wrote it");
        }
        if (!FORMAT.equals(r.format()) || r.campaign() == null || r.shard() == null || r.seeds() == null) {
            throw new InputException(file.toString(), 0, "format \"" + r.format() + "\" is not " + FORMAT,
                    "run every shard and the merge with the same mirrordrill");
        }
        return r;
    }

    /** What the console ends with, less the wall-clock figures. */
    public static String summary(Campaign campaign, Shard shard, List<Fuzzer.Outcome> outcomes) {
        StringBuilder s = new StringBuilder(campaign.command());
        s.append(shard.count() > 1 ? " --shard " + shard : "").append(" (mirrordrill ").append(campaign.version())
                .append(")\n");
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        long simulated = outcomes.stream().mapToLong(Fuzzer.Outcome::simulatedMillis).sum();
        s.append(outcomes.size()).append(" seeds");
        if (shard.count() > 1) {
            s.append(" (shard ").append(shard).append(" of ").append(campaign.from()).append("..")
                    .append(campaign.to()).append(")");
        } else {
            s.append(" (").append(campaign.from()).append("..").append(campaign.to()).append(")");
        }
        s.append(": ").append(outcomes.size() - failed).append(" passed, ").append(failed).append(" failed; ")
                .append(Units.format(Duration.ofMillis(outcomes.isEmpty() ? 0 : simulated / outcomes.size())))
                .append(" simulated per drill on average\n");
        s.append(FuzzCoverage.describe(outcomes));
        for (Fuzzer.Outcome o : outcomes) {
            if (!o.passed()) {
                s.append(failure(o));
            }
        }
        return s.toString();
    }

    /** A failure as the console and the summary show it. */
    public static String failure(Fuzzer.Outcome o) {
        return "FAIL seed " + o.seed() + ": " + o.failure() + "\n  shrunk from " + o.operations() + " to "
                + o.shrunkTo() + " operations: " + o.reproduction() + " ("
                + (o.reproduces() ? "reproduces" : "did NOT reproduce") + ")\n";
    }

    /** A test case per seed; no time attributes, as they would be wall-clock. */
    static String junit(Campaign campaign, Shard shard, List<Fuzzer.Outcome> outcomes) {
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        String counts = "tests=\"" + outcomes.size() + "\" failures=\"" + failed + "\"";
        String suite = Xml.escape(campaign.command() + (shard.count() > 1 ? " --shard " + shard : ""));
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"mirrordrill\" ").append(counts).append(">\n");
        x.append("  <testsuite name=\"").append(suite).append("\" ").append(counts)
                .append(" errors=\"0\" skipped=\"0\">\n");
        for (Fuzzer.Outcome o : outcomes) {
            x.append("    <testcase classname=\"mirrordrill.fuzz\" name=\"seed ").append(o.seed()).append('"');
            if (o.passed()) {
                x.append("/>\n");
                continue;
            }
            x.append(" file=\"").append(Xml.escape(String.valueOf(o.reproduction()))).append("\">\n");
            x.append("      <failure message=\"").append(Xml.escape(o.failure())).append("\">")
                    .append(Xml.escape(failure(o))).append("</failure>\n");
            x.append("    </testcase>\n");
        }
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
