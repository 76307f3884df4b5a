package io.mirrordrill.scenario.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every record every workload got accepted, as runs: records {@code first..last} of one workload appended to one
 * file of one volume at one time. {@code seq} is the world trace's length at the write, which orders writes against
 * traced events of the same instant (a snapshot taken with trace sequence {@code s} holds exactly the writes with
 * {@code seq <= s}).
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

    public void add(Run run) {
        runs.add(run);
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    public RecordSet records(Predicate<Run> which) {
        RecordSet set = new RecordSet();
        for (Run r : runs) {
            if (which.test(r)) {
                set.add(r.first(), r.last());
            }
        }
        return set;
    }

    public long accepted(String workload) {
        long n = 0;
        for (Run r : runs) {
            if (r.workload().equals(workload)) {
                n += r.count();
            }
        }
        return n;
    }

    /** The run that holds a record of a workload. */
    public Optional<Run> runOf(String workload, long record) {
        for (Run r : runs) {
            if (r.workload().equals(workload) && r.first() <= record && record <= r.last()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The (workload, volume, file) triples written so far, in first-write order. */
    public List<Run> files() {
        List<Run> out = new ArrayList<>();
        for (Run r : runs) {
            if (out.stream().noneMatch(o -> o.workload().equals(r.workload()) && o.volume().equals(r.volume())
                    && o.file().equals(r.file()))) {
                out.add(r);
            }
        }
        return out;
    }
}
