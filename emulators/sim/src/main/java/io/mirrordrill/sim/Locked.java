package io.mirrordrill.sim;

import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/** Runs code holding a lock: the protocol servers' owner code runs this way under the world's one lock. */
public final class Locked {
    private Locked() {
    }

    public static <T> T call(Lock lock, Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public static void run(Lock lock, Runnable action) {
        call(lock, () -> {
            action.run();
            return null;
        });
    }
}
