package io.mirrordrill.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.Scheduler;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.Watch;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.port.kubernetes.WatchListener;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewatchingKubernetesPortTest {
    /** Watches handed out by the fake cluster: the listener each got and whether it was closed. */
    private static final class Opened implements Watch {
        final WatchListener listener;
        final String resourceVersion;
        boolean closed;

        Opened(WatchListener listener, String resourceVersion) {
            this.listener = listener;
            this.resourceVersion = resourceVersion;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Runs nothing by itself: the test runs what is due, and sees the delays asked for. */
    private static final class ManualScheduler implements Scheduler {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public Cancellable schedule(Duration delay, String what, Runnable task) {
            tasks.add(task);
            delays.add(delay);
            return new Cancellable() {
                boolean cancelled;

                @Override
                public void cancel() {
                    cancelled = true;
                    tasks.remove(task);
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }
            };
        }

        void runAll() {
            List<Runnable> due = new ArrayList<>(tasks);
            tasks.clear();
            due.forEach(Runnable::run);
        }
    }

    private final List<Opened> opened = new ArrayList<>();
    private int failuresToCome;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> reports = new ArrayList<>();

    private KubernetesPort cluster() {
        return (KubernetesPort) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {KubernetesPort.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("watch")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (failuresToCome > 0) {
                        failuresToCome--;
                        throw new MirrordrillException("connection refused");
                    }
                    Opened w = new Opened((WatchListener) args[5], (String) args[4]);
                    opened.add(w);
                    return w;
                });
    }

    @Test
    void aWatchTheServerEndsIsOpenedAgainFromAFreshListAndEventsKeepComing() {
        List<WatchEvent> events = new ArrayList<>();
        RewatchingKubernetesPort port = new RewatchingKubernetesPort(cluster(), scheduler, reports::add);
        Watch watch = port.watch("protect.trident.netapp.io/v1", "AppVault", null, LabelSelector.everything(), "42",
                events::add);
        assertEquals("42", opened.get(0).resourceVersion);

        opened.get(0).listener.onClose(new MirrordrillException("410 Gone"));
        assertTrue(reports.get(0).contains("AppVault") && reports.get(0).contains("410 Gone"), reports.toString());
        scheduler.runAll();

        assertEquals(2, opened.size());
        assertNull(opened.get(1).resourceVersion, "from a fresh list: ADDED for every object");
        GenericKubernetesResource vault = Resources.generic("protect.trident.netapp.io/v1", "AppVault", "ns", "v");
        opened.get(1).listener.onEvent(new WatchEvent(WatchEvent.Type.ADDED, vault));
        assertEquals(1, events.size());

        watch.close();
        assertTrue(opened.get(1).closed);
        opened.get(1).listener.onClose(new MirrordrillException("late"));
        assertTrue(scheduler.tasks.isEmpty(), "a closed watch is not opened again");
    }

    @Test
    void failedAttemptsAreRetriedWithADoublingDelayUntilOneSucceeds() {
        RewatchingKubernetesPort port = new RewatchingKubernetesPort(cluster(), scheduler, reports::add);
        port.watch("v1", "Secret", "ns", LabelSelector.everything(), null, e -> { });
        failuresToCome = 3;
        opened.get(0).listener.onClose(null);
        for (int i = 0; i < 4; i++) {
            scheduler.runAll();
        }

        assertEquals(2, opened.size(), "the fourth attempt opened it");
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                scheduler.delays);
        assertTrue(reports.stream().anyMatch(r -> r.contains("connection refused")), reports.toString());
    }

    @Test
    void closingWhileARetryWaitsCallsItOff() {
        RewatchingKubernetesPort port = new RewatchingKubernetesPort(cluster(), scheduler, reports::add);
        Watch watch = port.watch("v1", "Secret", "ns", LabelSelector.everything(), null, e -> { });
        opened.get(0).listener.onClose(null);
        watch.close();

        scheduler.runAll();
        assertEquals(1, opened.size());
    }
}
