package io.mirrordrill.scenario.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every record every workload got accepted, as runs: records {@code first..last} of one workload appended to one
 * file of one volume at one time. {@code seq} is the world trace's length at the write, which orders writes against
 * traced events of the same instant (a snapshot taken with trace sequence {@code s} holds exactly the writes with
 * {@code seq <= s}). Runs are indexed by (workload, volume, file), the questions invariants ask.
 */
public final class Ledger {
    /** One accepted append. */
    public record Run(String workload, long first, long last, Location location, String volume, String mount,
                      String file, Instant time, long seq) {
        public long count() {
            return last - first + 1;
        }
    }

    private final List<Run> runs = new ArrayList<>();
    private final Map<String, List<Run>> byFile = new LinkedHashMap<>();
    private final Map<String, List<Run>> byWorkload = new LinkedHashMap<>();
    /**
     * The drill's reads of the files these runs went to, by {@code svm:volume/file}: shared by the checker (from
     * storage) and the writers (through their pods), so a file is parsed once whoever reads it next.
     */
    private final RecordFiles reads = new RecordFiles();

    private static String fileKey(String workload, String volume, String file) {
        return workload + "\u0000" + volume + "\u0000" + file;
    }

    public void add(Run run) {
        runs.add(run);
        byFile.computeIfAbsent(fileKey(run.workload(), run.volume(), run.file()), k -> new ArrayList<>()).add(run);
        byWorkload.computeIfAbsent(run.workload(), k -> new ArrayList<>()).add(run);
    }

    public RecordFiles reads() {
        return reads;
    }

        public List<Run> runs() {
        return Collections.unmodifiableList(runs);
    }

    /** The runs of one workload, in order. */
    public List<Run> runs(String workload) {
        return Collections.unmodifiableList(byWorkload.getOrDefault(workload, List.of()));
    }

    /** The runs written after {@code time}, in order (runs are kept in time order). */
    public List<Run> runsAfter(Instant time) {
        int lo = 0;
        int hi = runs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (runs.get(mid).time().isAfter(time)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return Collections.unmodifiableList(runs.subList(lo, runs.size()));
    }

    public RecordSet records(Predicate<Run> which) {
        return collect(runs, which);
    }

    /** Records of one workload. */
    public RecordSet records(String workload, Predicate<Run> which) {
        return collect(byWorkload.getOrDefault(workload, List.of()), which);
    }

    /** Records of one workload in one file of one volume. */
    public RecordSet records(String workload, String volume, String file, Predicate<Run> which) {
        return collect(byFile.getOrDefault(fileKey(workload, volume, file), List.of()), which);
    }

    private static RecordSet collect(List<Run> from, Predicate<Run> which) {
        RecordSet set = new RecordSet();
        for (Run r : from) {
            if (which.test(r)) {
                set.add(r.first(), r.last());
            }
        }
        return set;
    }

    public long accepted(String workload) {
        long n = 0;
        for (Run r : byWorkload.getOrDefault(workload, List.of())) {
            n += r.count();
        }
        return n;
    }

    public long accepted() {
        long n = 0;
        for (Run r : runs) {
            n += r.count();
        }
        return n;
    }

    /** The run that holds a record of a workload (runs of a workload are in record order). */
    public Optional<Run> runOf(String workload, long record) {
        List<Run> list = byWorkload.getOrDefault(workload, List.of());
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Run r = list.get(mid);
            if (record < r.first()) {
                hi = mid - 1;
            } else if (record > r.last()) {
                lo = mid + 1;
            } else {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The first run of each (workload, volume, file), in first-write order. */
    public List<Run> files() {
        return byFile.values().stream().map(l -> l.get(0)).toList();
    }
}
