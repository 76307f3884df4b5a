package io.mirrordrill.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * DESIGN target: 1,000 relationships x 4 PVCs, one schedule tick in under 2 s wall, growing linearly. For each size
 * N a {@link TickEstate} of N apps is built and brought to Established (not timed); then one 5-minute boundary is
 * crossed: simulated time advances in 1 s steps from just before the boundary until the tick's work is done, and
 * the wall time of those steps is the tick's; the checks between steps are not counted.
 *
 * <p>The tick's work: every app's scheduled Snapshot of this occurrence Completed (hooks, archive, retention), and
 * every AMR having transferred that snapshot (SnapMirror updates, archive copy, status); the AMR looks at the source
 * vault 30 s after each occurrence. Two ticks are crossed and the second, the steady state, reported: the first
 * after Established has no snapshot to prune yet, and it warms the JIT at that size. A small estate ticks first so
 * that the smallest N does not run cold.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.mirrordrill.bench.ScheduleTickScale [--sizes=125,250,500,1000]
 * [--jfr=DIR]}; with {@code --jfr} each size's second tick is recorded alone (JFR {@code profile} settings, execution
 * samples every 2 ms) into {@code DIR/tick-N.jfr}, so that the profile holds the tick and not the set-up.
 */
public final class ScheduleTickScale {
    private static final long TARGET_MS = 2_000;
    private static final int TARGET_N = 1_000;
    private static final Duration PERIOD = Duration.ofMinutes(5);
    /** The seed's recurrence: DTSTART 00:02:00, every 5 minutes. */
    private static final Duration PHASE = Duration.ofMinutes(2);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** Wall and this thread's CPU time of the tick; CPU is what a machine shared with other jobs distorts less. */
    record Tick(int n, long wallMs, long cpuMs, long setupMs, Duration simulated, long events) {}

    private ScheduleTickScale() {}

    public static void main(String[] args) {
        int[] sizes = {125, 250, 500, 1000};
        Path jfr = null;
        for (String a : args) {
            if (a.startsWith("--sizes=")) {
                sizes = Arrays.stream(a.substring(8).split(",")).mapToInt(Integer::parseInt).toArray();
            } else if (a.startsWith("--jfr=")) {
                jfr = Path.of(a.substring(6));
            } else {
                throw new IllegalArgumentException("usage: ScheduleTickScale [--sizes=125,250,500,1000] [--jfr=DIR]");
            }
        }
        System.out.println("warm-up: 25 relationships");
        run(25, null);
        List<Tick> ticks = new ArrayList<>();
        for (int n : sizes) {
            ticks.add(run(n, jfr == null ? null : jfr.resolve("tick-" + n + ".jfr")));
        }
        print(ticks);
    }

    private static Tick run(int n, Path jfr) {
        long start = System.nanoTime();
        TickEstate e = new TickEstate(n, 42);
        long built = System.nanoTime();
        e.startApps();
        long running = System.nanoTime();
        e.schedule();
        e.establish();
        long setupMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "N=%d: set-up: apps applied %,d ms, running %,d ms, Established %,d ms%n", n,
                (built - start) / 1_000_000, (running - built) / 1_000_000, (System.nanoTime() - running) / 1_000_000);
        Tick first = tick(e, n, setupMs);
        Tick second;
        if (jfr == null) {
            second = tick(e, n, setupMs);
        } else {
            try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
                r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
                r.start();
                second = tick(e, n, setupMs);
                r.stop();
                r.dump(jfr);
            } catch (IOException | ParseException x) {
                throw new IllegalStateException("cannot record " + jfr + ": " + x.getMessage(), x);
            }
        }
        System.out.printf(Locale.ROOT, "N=%d: set-up %,d ms; tick 1 %,d ms (CPU %,d), tick 2 %,d ms (CPU %,d), %s"
                + " simulated, %,d events%n", n, setupMs, first.wallMs(), first.cpuMs(), second.wallMs(),
                second.cpuMs(), second.simulated(), second.events());
        return second;
    }

    /** Crosses the next boundary at least a minute away and times it until the tick's work is done. */
    private static Tick tick(TickEstate e, int n, long setupMs) {
        var world = e.w.world();
        Instant boundary = nextBoundary(world.now().plus(Duration.ofMinutes(1)));
        world.advance(Duration.between(world.now(), boundary.minusSeconds(1)));
        String snapshot = TickEstate.SCHEDULE + "-" + stamp(boundary);
        String replicated = stamp(boundary);
        List<String> snapshotting = new ArrayList<>(e.namespaces);
        List<String> replicating = new ArrayList<>(e.namespaces);
        System.gc();
        long wall = 0;
        long cpu = 0;
        long events = world.eventsRun();
        Instant from = world.now();
        while (!snapshotting.isEmpty() || !replicating.isEmpty()) {
            if (!world.now().isBefore(boundary.plus(PERIOD))) {
                throw new IllegalStateException("the tick at " + boundary + " did not finish within its period: "
                        + snapshotting.size() + " snapshots and " + replicating.size() + " AMRs behind");
            }
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            world.advance(Duration.ofSeconds(1));
            wall += System.nanoTime() - t0;
            cpu += THREADS.getCurrentThreadCpuTime() - c0;
            snapshotting.removeIf(ns -> "Completed".equals(e.source.get(TickEstate.PROTECT, "Snapshot", ns, snapshot)
                    .map(s -> s.path("status").path("state").asText()).orElse("")));
            replicating.removeIf(ns -> occurrence(e.amr(ns).path("lastTransferredSnapshot").asText())
                    .compareTo(replicated) >= 0);
        }
        return new Tick(n, wall / 1_000_000, cpu / 1_000_000, setupMs, Duration.between(from, world.now()),
                world.eventsRun() - events);
    }

    private static String stamp(Instant t) {
        return STAMP.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    /** The occurrence stamp in a scheduled snapshot's archive basename, {@code <time>_<schedule>-<stamp>_<uid>}. */
    private static String occurrence(String basename) {
        int at = basename.indexOf(TickEstate.SCHEDULE + "-");
        return at < 0 ? "" : basename.substring(at + TickEstate.SCHEDULE.length() + 1,
                at + TickEstate.SCHEDULE.length() + 15);
    }

    static Instant nextBoundary(Instant after) {
        long period = PERIOD.toSeconds();
        long since = after.getEpochSecond() - PHASE.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(since + period - 1, period) * period + PHASE.toSeconds());
    }

    private static void print(List<Tick> ticks) {
        System.out.println();
        System.out.printf(Locale.ROOT, "One schedule tick, N relationships x %d PVCs (target: N=%,d in under %,d ms,"
                + " linear = ratio 2.00 per doubling)%n", TickEstate.CLAIMS, TARGET_N, TARGET_MS);
        System.out.printf(Locale.ROOT, "%6s %9s %9s %11s %7s %7s %7s %9s %10s%n", "N", "wall ms", "CPU ms",
                "CPU ms/AMR", "wall x", "CPU x", "N x", "events", "set-up ms");
        Tick previous = null;
        for (Tick t : ticks) {
            System.out.printf(Locale.ROOT, "%6d %9d %9d %11.2f %7s %7s %7s %9d %10d%n", t.n(), t.wallMs(), t.cpuMs(),
                    (double) t.cpuMs() / t.n(), ratio(t.wallMs(), previous == null ? 0 : previous.wallMs()),
                    ratio(t.cpuMs(), previous == null ? 0 : previous.cpuMs()),
                    ratio(t.n(), previous == null ? 0 : previous.n()), t.events(), t.setupMs());
            if (t.n() == TARGET_N) {
                System.out.printf(Locale.ROOT, "  N=%,d: %,d ms wall against the %,d ms target: %.2fx the target%n",
                        t.n(), t.wallMs(), TARGET_MS, (double) t.wallMs() / TARGET_MS);
            }
            previous = t;
        }
    }

    private static String ratio(long value, long previous) {
        return previous == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) value / previous);
    }
}
