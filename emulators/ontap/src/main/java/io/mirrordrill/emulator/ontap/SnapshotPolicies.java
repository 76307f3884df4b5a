package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.sim.World;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * ONTAP's built-in snapshot policies and the snapshots they take on the simulated clock: {@code default} keeps 6
 * hourly (at minute 5), 2 daily (00:10) and 2 weekly (Sunday 00:15) copies, {@code default-1weekly} one weekly,
 * {@code none} takes none. A snapshot is named {@code hourly.2026-01-01_0105}; the oldest of a schedule beyond its
 * count goes, unless SnapMirror owns it. Times are UTC (the emulated cluster's time zone).
 */
final class SnapshotPolicies {
    /** One schedule of a policy: its prefix and how many copies it keeps. */
    record Rule(String schedule, int keep) {}

    static final Map<String, List<Rule>> BUILT_IN = builtIn();
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmm");

    private static Map<String, List<Rule>> builtIn() {
        Map<String, List<Rule>> m = new TreeMap<>();
        m.put("none", List.of());
        m.put("default", List.of(new Rule("hourly", 6), new Rule("daily", 2), new Rule("weekly", 2)));
        m.put("default-1weekly", List.of(new Rule("hourly", 6), new Rule("daily", 2), new Rule("weekly", 1)));
        return m;
    }

    static Set<String> names() {
        return BUILT_IN.keySet();
    }

    private final World world;
    private final OntapCluster cluster;

    SnapshotPolicies(World world, OntapCluster cluster) {
        this.world = world;
        this.cluster = cluster;
    }

    /** Starts the volume's schedules for its current policy; earlier chains stop at their next turn. */
    void start(Volume v) {
        v.policyGeneration++;
        for (Rule rule : BUILT_IN.getOrDefault(v.snapshotPolicy, List.of())) {
            schedule(v, rule, v.policyGeneration);
        }
    }

    private void schedule(Volume v, Rule rule, int generation) {
        world.scheduleAt(next(rule.schedule(), world.now()), "snapshot policy " + v.path() + " " + rule.schedule(),
                () -> {
                    if (v.policyGeneration != generation || v.svm.volumes.get(v.name) != v) {
                        return;  // the policy changed or the volume is gone
                    }
                    take(v, rule);
                    schedule(v, rule, generation);
                });
    }

    private void take(Volume v, Rule rule) {
        if (v.type != VolumeType.RW || v.svm.state != SvmState.RUNNING || !v.state.equals("online")) {
            return;  // ONTAP takes no policy snapshot of a DP or unavailable volume
        }
        String name = rule.schedule() + "." + LocalDateTime.ofInstant(world.now(), ZoneOffset.UTC).format(NAME);
        if (v.snapshots.stream().anyMatch(s -> s.name.equals(name))) {
            return;
        }
        cluster.takeSnapshot(v, name, null, rule.schedule());
        List<Snapshot> ofRule = v.snapshots.stream().filter(s -> s.name.startsWith(rule.schedule() + ".")
                && s.record().owners().isEmpty()).toList();
        for (Snapshot old : ofRule.subList(0, Math.max(0, ofRule.size() - rule.keep()))) {
            v.snapshots.remove(old);
            world.record("ontap/" + cluster.name(), "snapshot delete " + v.path() + "@" + old.name
                    + " (snapshot policy " + v.snapshotPolicy + ")");
        }
    }

    /** The next time after {@code now} a schedule fires. */
    static Instant next(String schedule, Instant now) {
        LocalDateTime t = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDateTime n = switch (schedule) {
            case "hourly" -> t.truncatedTo(ChronoUnit.HOURS).plusMinutes(5);
            case "daily" -> t.truncatedTo(ChronoUnit.DAYS).plusMinutes(10);
            default -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
                    .plusMinutes(15);
        };
        while (!n.isAfter(t)) {
            n = switch (schedule) {
                case "hourly" -> n.plusHours(1);
                case "daily" -> n.plusDays(1);
                default -> n.plusWeeks(1);
            };
        }
        return n.toInstant(ZoneOffset.UTC);
    }
}
