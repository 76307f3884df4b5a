package io.mirrordrill.sim;

import io.mirrordrill.port.Clock;
import io.mirrordrill.port.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The deterministic simulated world: a virtual clock, an event queue ordered by (time, insertion sequence), the root
 * seed and its streams, the network of sites, and the trace. Everything runs on the caller's thread: pop the next
 * event, move the clock to its time, run it. Time only moves when {@link #advance} or {@link #runUntil} is called.
 *
 * <p>When protocol servers serve the world's emulators (serve mode, ITs), Jetty threads and a clock pump reach it
 * concurrently; they all serialise on {@link #lock()}, the <em>one</em> lock of the world, which the emulators'
 * own {@code lock()} methods return. A simulation on one thread never needs it.
 */
public final class World implements Clock, Scheduler {
    /** The default start of simulated time, chosen so dates in traces are recognisable. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final Seeds seeds;
    private final Trace trace = new Trace();
    private final Network network = new Network(this);
    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private Instant now;
    private long sequence;
    private long eventsRun;

    public World(long seed) {
        this(seed, DEFAULT_START);
    }

    public World(long seed, Instant start) {
        this.seeds = new Seeds(seed);
        this.now = start;
        record("world", "start seed=" + seed + " at " + start);
    }

    @Override
    public Instant now() {
        return now;
    }

    public long seed() {
        return seeds.root();
    }

    public Seeds seeds() {
        return seeds;
    }

    /** Shorthand for {@code seeds().stream(name)}. */
    public RandomStream random(String name) {
        return seeds.stream(name);
    }

    public Network network() {
        return network;
    }

    public Trace trace() {
        return trace;
    }

    /**
     * The one lock of the world: every thread other than the owner's single simulation thread (server threads, a
     * real-time clock pump) touches the world and anything in it only while holding it. The ONTAP emulator, the
     * Kubernetes clusters and the S3 stores of this world return it from their {@code lock()}, so all servers of
     * one world serialise on it, whichever emulator they serve.
     */
    public ReentrantLock lock() {
        return lock;
    }

    /** Records an event in the trace at the current time. */
    public void record(String source, String message) {
        trace.record(now, source, message);
    }

    // ---- scheduling ---------------------------------------------------------------------------------------------

    @Override
    public Timer schedule(Duration delay, String what, Runnable task) {
        if (delay.isNegative()) {
            throw new SimulationException("cannot schedule '" + what + "' in the past (delay " + delay + ")");
        }
        return scheduleAt(now.plus(delay), what, task);
    }

    public Timer scheduleAt(Instant at, String what, Runnable task) {
        if (at.isBefore(now)) {
            throw new SimulationException("cannot schedule '" + what + "' at " + at + ", before now " + now);
        }
        Timer timer = new Timer(at, sequence++, what, task);
        queue.add(timer);
        return timer;
    }

    /** Schedules a fault {@code delay} from now; it is recorded in the trace when it strikes. */
    public Timer inject(Duration delay, Fault fault) {
        return schedule(delay, "fault " + fault.describe(), () -> fault.apply(this));
    }

    /** Runs every event due within {@code duration}, then leaves the clock at now + duration. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new SimulationException("time cannot go backwards (advance " + duration + ")");
        }
        Instant until = now.plus(duration);
        while (runNextDue(until)) {
            // each call runs one event
        }
        now = until;
    }

    /**
     * Runs events until {@code condition} holds or simulated time would pass now + limit. The condition is checked
     * before the first event and after each one.
     *
     * @return whether the condition holds; on false the clock stands at now + limit
     */
    public boolean runUntil(BooleanSupplier condition, Duration limit) {
        Instant until = now.plus(limit);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (!runNextDue(until)) {
                now = until;
                return condition.getAsBoolean();
            }
        }
    }

    /** Number of events waiting, cancelled ones excluded. */
    public long pendingEvents() {
        return queue.stream().filter(t -> !t.cancelled).count();
    }

    public long eventsRun() {
        return eventsRun;
    }

    private boolean runNextDue(Instant until) {
        while (!queue.isEmpty()) {
            Timer next = queue.peek();
            if (next.cancelled) {
                queue.poll();
                continue;
            }
            if (next.at.isAfter(until)) {
                return false;
            }
            queue.poll();
            now = next.at;
            next.done = true;
            eventsRun++;
            next.task.run();
            return true;
        }
        return false;
    }

    /** A scheduled event. Ordered by time, then by the order in which it was scheduled. */
    public static final class Timer implements Scheduler.Cancellable, Comparable<Timer> {
        private final Instant at;
        private final long sequence;
        private final String what;
        private final Runnable task;
        private boolean cancelled;
        private boolean done;

        Timer(Instant at, long sequence, String what, Runnable task) {
            this.at = at;
            this.sequence = sequence;
            this.what = what;
            this.task = task;
        }

        public Instant at() {
            return at;
        }

        public String what() {
            return what;
        }

        public boolean isDone() {
            return done;
        }

        /** A no-op once the task ran, as {@link Scheduler.Cancellable} says. */
        @Override
        public void cancel() {
            cancelled |= !done;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public int compareTo(Timer o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
