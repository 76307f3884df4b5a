package io.mirrordrill.scenario.crash;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.ontap.OntapConnector;

import java.util.function.Supplier;

/**
 * Wraps an engine's ports to count every call it makes to Kubernetes, ONTAP, the object stores and pod exec, and to
 * kill the engine right after call number {@code crashAt} has taken effect: the call's result is lost, the
 * reconcile stops there, and {@code onCrash} is told (it stops the engine and starts a fresh one). A crashAt of 0
 * only counts, until {@link #crashAfter} arms it: so a crash can strike between any two port calls, also inside one
 * simulation event (between the objects of one archive, the volumes of one step), not only between events.
 */
public final class CrashingPorts {
    /** What the engine sees at the crash: the process died after its last call returned. */
    public static final class EngineCrashed extends MirrordrillException {
        public EngineCrashed(long call) {
            super("engine killed after port call " + call);
        }
    }

    private long crashAt;
    private final Runnable onCrash;
    private long calls;
    private boolean crashed;

    public CrashingPorts(long crashAt, Runnable onCrash) {
        this.crashAt = crashAt;
        this.onCrash = onCrash;
    }

    public long calls() {
        return calls;
    }

    public boolean crashed() {
        return crashed;
    }

    /** Arms the crash: the engine dies right after its {@code calls}-th port call from now (at least 1). */
    public void crashAfter(long calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("a crash strikes after at least one port call, not " + calls);
        }
        crashAt = this.calls + calls;
    }

    /** A new engine runs over these ports: calls go through again, and no crash is armed. */
    public void revive() {
        crashed = false;
        crashAt = 0;
    }

    /** Whether a crash is armed and has not struck yet. */
    public boolean armed() {
        return crashAt > calls && !crashed;
    }

    private void crashIfDue() {
        calls++;
        if (calls == crashAt) {
            crashed = true;
            onCrash.run();
            throw new EngineCrashed(calls);
        }
    }

    public EnginePorts wrap(EnginePorts ports) {
        // connecting hands out a port without talking to the system: only the port's calls count
        OntapConnector ontap = lif -> new CountedOntapPort(this, ports.ontap().connect(lif));
        ObjectStoreConnector stores = target -> new CountedObjectStorePort(this, ports.objectStores().connect(target));
        return new EnginePorts(new CountedKubernetesPort(this, ports.kubernetes()), ontap, stores,
                new CountedPodExecPort(this, ports.exec()), ports.clock(), ports.scheduler());
    }

    /**
     * One port call of the engine: refused once the engine is dead; counted when it returns or throws (a failed
     * call happened all the same), and the engine dies right after it when it is call number {@code crashAt}.
     */
    <R> R call(Supplier<R> call) {
        if (crashed) {
            throw new EngineCrashed(calls);  // a dead engine's threads do nothing more
        }
        R result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            crashIfDue();
            throw e;
        }
        crashIfDue();
        return result;
    }

    /** {@link #call} for a port method that returns nothing. */
    void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
