package io.mirrordrill.scenario.source;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.port.exec.PodExecPort;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.objectstore.ObjectStoreConnector;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.ontap.OntapConnector;
import io.mirrordrill.port.ontap.OntapPort;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * An engine's ports with every call counted (Kubernetes, ONTAP, object store, exec; not the clock), and a crash right
 * after call number {@link #crashAt}: the call took effect, then the engine process died before seeing its answer.
 * The crash stops the engine ({@code onCrash}) and unwinds the reconcile with {@link Crash}.
 */
final class CrashingPorts {
    /** The engine process died here. */
    static final class Crash extends RuntimeException {
        Crash(String where) {
            super("simulated engine crash after " + where);
        }
    }

    final List<String> calls = new ArrayList<>();
    /** The call after which the engine dies; 0 for none. */
    int crashAt;
    /** The call the engine died after, or null. */
    String crashedAfter;
    private final Runnable onCrash;

    CrashingPorts(Runnable onCrash) {
        this.onCrash = onCrash;
    }

    EnginePorts wrap(EnginePorts ports) {
        return new EnginePorts(counted(KubernetesPort.class, ports.kubernetes()),
                counted(OntapConnector.class, ports.ontap()), counted(ObjectStoreConnector.class, ports.objectStores()),
                counted(PodExecPort.class, ports.exec()), ports.clock(), ports.scheduler());
    }

    /** Starts counting from zero and arms the crash at call {@code n} (0: never). */
    void arm(int n) {
        calls.clear();
        crashAt = n;
        crashedAfter = null;
    }

    @SuppressWarnings("unchecked")
    private <T> T counted(Class<T> type, T delegate) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(delegate, args);
            }
            Object result;
            try {
                result = method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                called(type.getSimpleName() + "." + method.getName());
                throw e.getCause();
            }
            called(type.getSimpleName() + "." + method.getName());
            if (result instanceof ObjectStorePort store) {
                return counted(ObjectStorePort.class, store);
            }
            if (result instanceof OntapPort ontap) {
                return counted(OntapPort.class, ontap);
            }
            return result;
        });
    }

    private void called(String what) {
        calls.add(what);
        if (calls.size() == crashAt) {
            crashedAfter = "call " + calls.size() + " " + what;
            crashAt = 0;
            onCrash.run();
            throw new Crash(crashedAfter);
        }
    }
}
