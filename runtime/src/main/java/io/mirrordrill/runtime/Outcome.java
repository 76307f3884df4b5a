package io.mirrordrill.runtime;

import java.time.Duration;

/** What a reconcile decided. A reconciler returns one of these; it never sleeps or loops. */
public sealed interface Outcome {
    /** The resource is where it should be; reconcile again only when something changes. */
    record Done() implements Outcome {}

    /** Progress is under way (a job, a transfer); look again after the delay. */
    record RequeueAfter(Duration delay) implements Outcome {}

    /** The attempt failed; retry with backoff. The reason is what a person would need to act on. */
    record Failed(String reason) implements Outcome {}

    Outcome DONE = new Done();

    static Outcome done() {
        return DONE;
    }

    static Outcome requeueAfter(Duration delay) {
        return new RequeueAfter(delay);
    }

    static Outcome failed(String reason) {
        return new Failed(reason);
    }
}
