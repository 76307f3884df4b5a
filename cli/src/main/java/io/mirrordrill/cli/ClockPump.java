package io.mirrordrill.cli;

import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * REAL TIME: moves a served world's simulated time with real time, {@code speed} simulated seconds per real second.
 * Every {@link #TICK} of real time (after the previous tick ended) a daemon thread takes the world's one lock and
 * advances the world towards {@code start + elapsed real time x speed}, running every event due by then
 * (controllers, the engine, SnapMirror transfers, watch deliveries). The target is absolute: a slow tick is caught up
 * by the next ones, and time the owner advanced beyond the target is kept.
 *
 * <p>One tick holds the lock for at most {@link #BUDGET} of real time (and the event under way when it runs out):
 * it runs the due events one by one and stops at the first one that ends past the budget, the clock standing at
 * that event's time; requests waiting for the lock get in between ticks however far behind the world is. When the
 * world's events cost more than real time allows at this speed, simulated time runs slower than asked
 * ({@link Stats#achievedSpeed}) rather than starving the servers. An event that throws is recorded in the trace ({@code serve}) and time goes on: one
 * failing controller must not stop the world for everybody.
 *
 * <p>The real clock is injected (the CLI passes {@code System::nanoTime}); this class and the CLI are the only code of
 * serve mode that reads it.
 */
final class ClockPump implements AutoCloseable {
    static final Duration TICK = Duration.ofMillis(10);
    static final Duration BUDGET = Duration.ofMillis(25);

    private final World world;
    private final ReentrantLock lock;
    private final double speed;
    private final LongSupplier realNanos;
    private final long realStart;
    private final Instant simulatedStart;
    private final ScheduledExecutorService timer;
    private long ticks;
    private long busyNanos;
    private long slowestTickNanos;
    private long failures;

    private ClockPump(World world, double speed, LongSupplier realNanos) {
        this.world = world;
        this.lock = world.lock();
        this.speed = speed;
        this.realNanos = realNanos;
        lock.lock();
        try {
            this.simulatedStart = world.now();
        } finally {
            lock.unlock();
        }
        this.realStart = realNanos.getAsLong();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mirrordrill-clock-pump");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts pumping {@code world} at {@code speed} (positive, finite). */
    static ClockPump start(World world, double speed, LongSupplier realNanos) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("clock pump speed must be positive and finite: " + speed);
        }
        ClockPump pump = new ClockPump(world, speed, realNanos);
        pump.timer.scheduleWithFixedDelay(pump::tick, TICK.toNanos(), TICK.toNanos(), TimeUnit.NANOSECONDS);
        return pump;
    }

    private void tick() {
        long began = realNanos.getAsLong();
        Instant target = simulatedStart.plusNanos((long) ((began - realStart) * speed));
        lock.lock();
        try {
            if (target.isAfter(world.now())) {
                long budget = BUDGET.toNanos();
                world.runUntil(() -> realNanos.getAsLong() - began >= budget, Duration.between(world.now(), target));
            }
        } catch (RuntimeException e) {
            failures++;
            world.record("serve", "clock pump: event failed: " + e);
        } finally {
            long took = realNanos.getAsLong() - began;
            ticks++;
            busyNanos += took;
            slowestTickNanos = Math.max(slowestTickNanos, took);
            lock.unlock();
        }
    }

    /** What the pump did so far: read under the world's lock. */
    record Stats(Instant simulatedStart, Instant simulatedNow, Duration real, long ticks, Duration busy,
                 Duration slowestTick, long failures) {
        /** The share of real time the pump held the world's lock. */
        double busyShare() {
            return real.isZero() ? 0 : (double) busy.toNanos() / real.toNanos();
        }

        /** Simulated seconds that passed per real second. */
        double achievedSpeed() {
            return real.isZero() ? 0 : (double) Duration.between(simulatedStart, simulatedNow).toNanos()
                    / real.toNanos();
        }
    }

    Stats stats() {
        lock.lock();
        try {
            return new Stats(simulatedStart, world.now(), Duration.ofNanos(realNanos.getAsLong() - realStart), ticks,
                    Duration.ofNanos(busyNanos), Duration.ofNanos(slowestTickNanos), failures);
        } finally {
            lock.unlock();
        }
    }

    double speed() {
        return speed;
    }

    /** Stops the pump; a tick under way finishes first. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the clock pump did not stop within 30 s (a world event is stuck)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
