package io.mirrordrill.scenario.runner;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.port.Scheduler;
import io.mirrordrill.port.exec.PodExecPort;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.ontap.OntapConnector;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.sim.Trace;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What a drill's run had to do, counted from its trace and its engines' port calls (for {@code drill bench}): the
 * events no implementation can skip (workload writes, ONTAP snapshots created, SnapMirror transfers and their bytes,
 * objects written to the buckets, reconciles that wrote something) beside all the work done (every reconcile, every
 * port call, every trace entry). It only observes: the run's trace hash is the uncounted run's (a test checks it).
 */
public final class Census {
    /** Port methods that change the system they call; every other method only reads. */
    private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete", "put", "restore", "set",
            "accept", "start", "abort", "exec");

    /**
     * The counts of one run.
     *
     * @param reconciles per controller kind (e.g. {@code Snapshot}), {@code [reconciles, those that made a write call]}
     */
    public record Counts(DrillResult result, long writes, long snapshotsCreated, long transfers, long bytesTransferred,
                         long objectsWritten, long reconcileCount, long reconcilesThatWrote, long portCalls,
                         long portWrites, long traceEntries, Map<String, long[]> reconciles) {
        public Counts {
            reconciles = Map.copyOf(reconciles);
        }
    }

    private long snapshots;
    private long transfers;
    private long bytes;
    private long objects;
    private long calls;
    private long writeCalls;
    private final Map<String, long[]> reconciles = new TreeMap<>();

    private Census() {
    }

    /** Runs the drill once with everything counted. */
    public static Counts take(Drill drill, RunOptions options) {
        Census census = new Census();
        RunOptions counted = options.withEnginePorts(cluster -> {
            UnaryOperator<EnginePorts> given = options.enginePorts().apply(cluster);
            return ports -> census.wrap(given.apply(ports));
        });
        DrillRun run = new DrillRun(drill, counted);
        run.estate.world().trace().subscribe(census::entry);
        DrillResult result = run.execute();
        long all = 0;
        long wrote = 0;
        for (long[] r : census.reconciles.values()) {
            all += r[0];
            wrote += r[1];
        }
        return new Counts(result, result.measures().writesAccepted(), census.snapshots, census.transfers,
                census.bytes, census.objects, all, wrote, census.calls, census.writeCalls,
                run.estate.world().trace().size(), census.reconciles);
    }

    /** The trace lines of the events that are the drill's purpose (formats as {@link TraceWatch} reads them). */
    private void entry(Trace.Entry e) {
        String m = e.message();
        if (e.source().startsWith("ontap/") && m.startsWith("snapshot create ")) {
            snapshots++;
        } else if (e.source().equals("snapmirror") && m.startsWith("transfer success ")) {
            transfers++;
            int at = m.indexOf("bytes=");
            if (at >= 0) {
                int end = m.indexOf(' ', at);
                bytes += Long.parseLong(m.substring(at + 6, end < 0 ? m.length() : end));
            }
        } else if (e.source().startsWith("s3:") && m.startsWith("put ")) {
            objects++;
        }
    }

    private EnginePorts wrap(EnginePorts p) {
        OntapConnector ontap = lif -> counted(OntapPort.class, p.ontap().connect(lif));
        ObjectStoreConnector stores = target -> counted(ObjectStorePort.class, p.objectStores().connect(target));
        return new EnginePorts(counted(KubernetesPort.class, p.kubernetes()), ontap, stores,
                counted(PodExecPort.class, p.exec()), p.clock(), new Reconciles(p.scheduler()));
    }

    private <T> T counted(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                calls++;
                String name = method.getName();
                if (WRITES.stream().anyMatch(name::startsWith)) {
                    writeCalls++;
                }
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    /**
     * The engine's scheduler, seeing each controller's drain (one reconcile: {@code runtime.Controller} schedules
     * {@code "controller <engine>/<kind>"} per key it takes) and whether a write call happened during it.
     */
    private final class Reconciles implements Scheduler {
        private final Scheduler scheduler;

        Reconciles(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public Cancellable schedule(Duration delay, String what, Runnable task) {
            if (!what.startsWith("controller ")) {
                return scheduler.schedule(delay, what, task);
            }
            String kind = what.substring(what.lastIndexOf('/') + 1);
            return scheduler.schedule(delay, what, () -> {
                long before = writeCalls;
                try {
                    task.run();
                } finally {
                    long[] r = reconciles.computeIfAbsent(kind, k -> new long[2]);
                    r[0]++;
                    r[1] += writeCalls > before ? 1 : 0;
                }
            });
        }
    }
}
