package io.mirrordrill.runtime;

import io.mirrordrill.port.Scheduler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControllerTest {

    /** A minimal virtual-time scheduler: the engine module cannot see the simulation kernel. */
    static final class ManualScheduler implements Scheduler {
        record Task(long at, long seq, Runnable run, boolean[] cancelled) {}

        final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
                : Long.compare(a.seq, b.seq));
        long now;
        long seq;

        @Override
        public Cancellable schedule(Duration delay, String what, Runnable task) {
            boolean[] cancelled = {false};
            tasks.add(new Task(now + delay.toMillis(), seq++, task, cancelled));
            return new Cancellable() {
                public void cancel() {
                    cancelled[0] = true;
                }

                public boolean isCancelled() {
                    return cancelled[0];
                }
            };
        }

        void runFor(Duration d) {
            long until = now + d.toMillis();
            while (!tasks.isEmpty() && tasks.peek().at <= until) {
                Task t = tasks.poll();
                now = t.at;
                if (!t.cancelled[0]) {
                    t.run.run();
                }
            }
            now = until;
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ResourceKey a = new ResourceKey("AppMirrorRelationship", "ns", "a");
    private final ResourceKey b = new ResourceKey("AppMirrorRelationship", "ns", "b");

    @Test
    void aKeyEnqueuedTwiceIsReconciledOnce() {
        List<ResourceKey> seen = new ArrayList<>();
        Controller c = new Controller("amr", k -> {
            seen.add(k);
            return Outcome.done();
        }, scheduler, Backoff.DEFAULT);
        c.enqueue(a);
        c.enqueue(b);
        c.enqueue(a);
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(List.of(a, b), seen);
        assertTrue(c.pending().isEmpty());
    }

    @Test
    void requeueAfterReconcilesAgainAtThatTime() {
        List<Long> times = new ArrayList<>();
        Controller c = new Controller("amr", k -> {
            times.add(scheduler.now);
            return times.size() < 3 ? Outcome.requeueAfter(Duration.ofSeconds(10)) : Outcome.done();
        }, scheduler, Backoff.DEFAULT);
        c.enqueue(a);
        scheduler.runFor(Duration.ofMinutes(1));
        assertEquals(List.of(0L, 10_000L, 20_000L), times);
    }

    @Test
    void failuresBackOffExponentiallyAndAnExceptionIsAFailure() {
        List<Long> times = new ArrayList<>();
        List<Controller.Event> events = new ArrayList<>();
        Controller c = new Controller("amr", k -> {
            times.add(scheduler.now);
            if (times.size() == 2) {
                throw new IllegalStateException("bucket unreachable");
            }
            return times.size() < 4 ? Outcome.failed("source AppVault unreachable") : Outcome.done();
        }, scheduler, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        c.onEvent(events::add);
        c.enqueue(a);
        scheduler.runFor(Duration.ofMinutes(1));
        assertEquals(List.of(0L, 1_000L, 3_000L, 6_000L), times);
        assertEquals("IllegalStateException: bucket unreachable", ((Outcome.Failed) events.get(1).outcome()).reason());
        assertEquals(List.of(1, 2, 3, 0), events.stream().map(Controller.Event::failures).toList());
    }

    @Test
    void anEnqueueDuringAReconcileRunsItAgainAfterwards() {
        List<ResourceKey> seen = new ArrayList<>();
        Controller[] c = new Controller[1];
        c[0] = new Controller("amr", k -> {
            seen.add(k);
            if (seen.size() == 1) {
                c[0].enqueue(a);  // the resource changed while we were looking at it
            }
            return Outcome.done();
        }, scheduler, Backoff.DEFAULT);
        c[0].enqueue(a);
        scheduler.runFor(Duration.ofSeconds(1));
        assertEquals(List.of(a, a), seen);
    }

    @Test
    void aNewEventCutsARequeueDelayShort() {
        List<Long> times = new ArrayList<>();
        Controller c = new Controller("amr", k -> {
            times.add(scheduler.now);
            return times.size() == 1 ? Outcome.requeueAfter(Duration.ofMinutes(5)) : Outcome.done();
        }, scheduler, Backoff.DEFAULT);
        c.enqueue(a);
        scheduler.runFor(Duration.ofSeconds(30));
        c.enqueue(a);
        scheduler.runFor(Duration.ofMinutes(10));
        assertEquals(List.of(0L, 30_000L), times);
    }

    @Test
    void aStoppedControllerRunsNothingMore() {
        List<ResourceKey> seen = new ArrayList<>();
        Controller c = new Controller("amr", k -> {
            seen.add(k);
            return Outcome.requeueAfter(Duration.ofSeconds(1));
        }, scheduler, Backoff.DEFAULT);
        c.enqueue(a);
        scheduler.runFor(Duration.ofMillis(500));
        c.stop();
        c.enqueue(b);
        scheduler.runFor(Duration.ofMinutes(1));
        assertEquals(List.of(a), seen);
        assertTrue(c.pending().isEmpty());
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(10), Duration.ofSeconds(10)),
                List.of(b.delay(0), b.delay(1), b.delay(2), b.delay(3), b.delay(4), b.delay(5), b.delay(60)));
    }
}
