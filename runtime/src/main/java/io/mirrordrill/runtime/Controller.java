package io.mirrordrill.runtime;

import io.mirrordrill.port.Scheduler;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One controller: a work queue of resource keys and a reconciler. A key is queued at most once; a key that is
 * enqueued while it is being reconciled is reconciled again afterwards, so no change is missed. Requeues and
 * retries go through the {@link Scheduler}: virtual time in simulation, real time otherwise. Methods are
 * synchronized so that a real-time scheduler's threads see one consistent queue; reconciles run one at a time.
 */
public final class Controller {
    /** What happened in one reconcile, for traces and status. */
    public record Event(String controller, ResourceKey key, Outcome outcome, int failures) {}

    private final String name;
    private final Reconciler reconciler;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final Deque<ResourceKey> queue = new ArrayDeque<>();
    private final Set<ResourceKey> queued = new TreeSet<>();
    private final Map<ResourceKey, Scheduler.Cancellable> delayed = new TreeMap<>();
    private final Map<ResourceKey, Integer> failures = new TreeMap<>();
    private Consumer<Event> listener = e -> { };
    private Scheduler.Cancellable drain;
    private boolean running = true;
    private ResourceKey active;
    private boolean activeDirty;

    public Controller(String name, Reconciler reconciler, Scheduler scheduler, Backoff backoff) {
        this.name = name;
        this.reconciler = reconciler;
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    public String name() {
        return name;
    }

    public synchronized void onEvent(Consumer<Event> listener) {
        this.listener = listener;
    }

    /** Asks for {@code key} to be reconciled soon (a watch event, a requeue, a user's change). */
    public synchronized void enqueue(ResourceKey key) {
        if (!running) {
            return;
        }
        if (key.equals(active)) {
            activeDirty = true;
            return;
        }
        Scheduler.Cancellable pending = delayed.remove(key);
        if (pending != null) {
            pending.cancel();
        }
        if (queued.add(key)) {
            queue.add(key);
            scheduleDrain();
        }
    }

    /** Keys waiting or delayed; empty when the controller is idle. */
    public synchronized Set<ResourceKey> pending() {
        Set<ResourceKey> all = new TreeSet<>(queued);
        all.addAll(delayed.keySet());
        return all;
    }

    /** Stops the controller (a crash or shutdown): nothing queued runs any more. */
    public synchronized void stop() {
        running = false;
        queue.clear();
        queued.clear();
        delayed.values().forEach(Scheduler.Cancellable::cancel);
        delayed.clear();
        if (drain != null) {
            drain.cancel();
        }
    }

    private void scheduleDrain() {
        if (drain == null || drain.isCancelled()) {
            drain = scheduler.runSoon("controller " + name, this::drainOne);
        }
    }

    private void drainOne() {
        ResourceKey key;
        synchronized (this) {
            drain = null;
            if (!running || queue.isEmpty()) {
                return;
            }
            key = queue.poll();
            queued.remove(key);
            active = key;
            activeDirty = false;
        }
        Outcome outcome;
        try {
            outcome = reconciler.reconcile(key);
        } catch (RuntimeException e) {
            outcome = Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        finish(key, outcome);
    }

    private synchronized void finish(ResourceKey key, Outcome outcome) {
        active = null;
        if (!running) {
            return;
        }
        int failed = outcome instanceof Outcome.Failed ? failures.merge(key, 1, Integer::sum) : 0;
        if (failed == 0) {
            failures.remove(key);
        }
        listener.accept(new Event(name, key, outcome, failed));
        Duration delay = outcome instanceof Outcome.RequeueAfter r ? r.delay()
                : outcome instanceof Outcome.Failed ? backoff.delay(failed) : null;
        if (activeDirty) {
            activeDirty = false;
            enqueue(key);
        } else if (delay != null) {
            delayed.put(key, scheduler.schedule(delay, "requeue " + name + " " + key, () -> {
                synchronized (this) {
                    delayed.remove(key);
                }
                enqueue(key);
            }));
        }
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }
}
