package io.mirrordrill.cli;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap a run really holds: the largest heap in use right after a garbage collection (what survived it), as
 * the collectors report it; unlike the pools' peak usage it does not count garbage waiting to be collected.
 */
final class LiveHeap implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong(-1);
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    static LiveHeap watch() {
        LiveHeap heap = new LiveHeap();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(heap.listener, null, null);
                heap.emitters.add(emitter);
            }
        }
        return heap;
    }

    private void collected(Notification n, Object handback) {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
        peak.accumulateAndGet(used, Math::max);
    }

    void reset() {
        peak.set(-1);
    }

    /** Whether a collection ran since the last reset: without one, nothing is known of the live heap. */
    boolean measured() {
        return peak.get() >= 0;
    }

    long peakMib() {
        return Math.max(0, peak.get()) / (1024 * 1024);
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException gone) {
                // never added: nothing to remove
            }
        }
    }
}
