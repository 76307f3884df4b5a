package io.mirrordrill.scenario.runner;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.sim.World;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What ONTAP refused of the calls each protect engine made, seen between the engine's ports and the storage: a real
 * engine does not ask for what the storage refuses (a break during a transfer), so a refusal is evidence of what
 * went wrong, named by the invariants and reported with a step that timed out.
 */
final class EngineCalls {
    /** One refused call: when, which engine, the call, ONTAP's code and message. */
    record Refusal(Instant time, String cluster, String call, String code, String message) {
        String describe() {
            return call + " refused " + code + " at " + time + " (engine of " + cluster + "): " + message;
        }
    }

    /** Kept for evidence; more says nothing new and would grow with a long drill. */
    private static final int KEPT = 50;

    private final World world;
    private final List<Refusal> refusals = new ArrayList<>();

    EngineCalls(World world) {
        this.world = world;
    }

    /** The engine of {@code cluster} gets its ONTAP ports through this watch. */
    UnaryOperator<EnginePorts> watch(String cluster) {
        return p -> new EnginePorts(p.kubernetes(), lif -> watch(cluster, p.ontap().connect(lif)), p.objectStores(),
                p.exec(), p.clock(), p.scheduler());
    }

    private OntapPort watch(String cluster, OntapPort real) {
        return (OntapPort) Proxy.newProxyInstance(OntapPort.class.getClassLoader(), new Class<?>[] {OntapPort.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof OntapException o && refusals.size() < KEPT) {
                            refusals.add(new Refusal(world.now(), cluster, method.getName()
                                    + (args == null ? "()" : Arrays.toString(args)), o.code(), o.getMessage()));
                        }
                        throw e.getCause();
                    }
                });
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }
}
