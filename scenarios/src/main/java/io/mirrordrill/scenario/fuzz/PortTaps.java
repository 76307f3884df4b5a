package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.port.Scheduler;
import io.mirrordrill.port.exec.PodExecPort;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.ontap.OntapPort;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.UnaryOperator;

/**
 * Wraps the ports an engine gets so that one call can be changed (another argument, another call, none): how a
 * planted defect reaches the engine without a switch in its code. A port's default methods run on the wrapper, so
 * the calls they make are seen too.
 */
final class PortTaps {
    /**
     * Decides one call: forward it ({@code real.with(args)}), change it, make another call on {@code port} (the
     * wrapped port), or answer without it.
     */
    interface Tap {
        Object call(Object port, String method, Object[] args, Call real) throws Throwable;
    }

    /** The wrapped port's own method, with whatever arguments the tap passes. */
    interface Call {
        Object with(Object... args) throws Throwable;
    }

    private PortTaps() {
    }

    static UnaryOperator<EnginePorts> ontap(Tap tap) {
        return p -> new EnginePorts(p.kubernetes(), lif -> wrap(OntapPort.class, p.ontap().connect(lif), tap),
                p.objectStores(), p.exec(), p.clock(), p.scheduler());
    }

    static UnaryOperator<EnginePorts> kubernetes(Tap tap) {
        return p -> new EnginePorts(wrap(KubernetesPort.class, p.kubernetes(), tap), p.ontap(), p.objectStores(),
                p.exec(), p.clock(), p.scheduler());
    }

    static UnaryOperator<EnginePorts> objectStores(Tap tap) {
        return p -> new EnginePorts(p.kubernetes(), p.ontap(), target -> wrap(ObjectStorePort.class,
                p.objectStores().connect(target), tap), p.exec(), p.clock(), p.scheduler());
    }

    static UnaryOperator<EnginePorts> exec(Tap tap) {
        return p -> new EnginePorts(p.kubernetes(), p.ontap(), p.objectStores(), wrap(PodExecPort.class, p.exec(),
                tap), p.clock(), p.scheduler());
    }

    static UnaryOperator<EnginePorts> scheduler(Tap tap) {
        return p -> new EnginePorts(p.kubernetes(), p.ontap(), p.objectStores(), p.exec(), p.clock(),
                wrap(Scheduler.class, p.scheduler(), tap));
    }

    static <T> T wrap(Class<T> type, T real, Tap tap) {
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                Object[] given = args == null ? new Object[0] : args;
                if (method.getDeclaringClass() == Object.class) {
                    return method.invoke(real, given);
                }
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, given);
                }
                return tap.call(real, method.getName(), given, a -> {
                    try {
                        return method.invoke(real, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
