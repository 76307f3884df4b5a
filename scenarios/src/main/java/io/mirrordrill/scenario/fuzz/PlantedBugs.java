package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.RelationshipState;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Deliberate engine defects, planted through the ports an engine gets, to show that drills and the fuzzer catch
 * them (the fuzzer's own test, and {@code drill fuzz --planted-bug}). Never used otherwise.
 */
public final class PlantedBugs {
    /** The names {@link #of} knows. */
    public static final List<String> NAMES = List.of("skip-quiesce");

    private PlantedBugs() {
    }

    public static Optional<UnaryOperator<EnginePorts>> of(String name) {
        return name.equals("skip-quiesce") ? Optional.of(PlantedBugs::skipQuiesce) : Optional.empty();
    }

    /**
     * The engine skips the quiesce before a break: where it would quiesce the relationship it breaks it at once. With
     * no transfer running that works; during a transfer ONTAP refuses the break, and the engine, never quiescing and
     * so never aborting, retries until the transfer ends by itself: a failover during a long transfer waits for it.
     */
    static EnginePorts skipQuiesce(EnginePorts ports) {
        return new EnginePorts(ports.kubernetes(), lif -> {
            OntapPort real = ports.ontap().connect(lif);
            return (OntapPort) Proxy.newProxyInstance(OntapPort.class.getClassLoader(),
                    new Class<?>[] {OntapPort.class}, (proxy, method, args) -> {
                        Object[] a = args;
                        if (method.getName().equals("patchRelationship")
                                && ((RelationshipPatch) a[1]).state() == RelationshipState.PAUSED) {
                            a = new Object[] {a[0], RelationshipPatch.state(RelationshipState.BROKEN_OFF)};
                        }
                        try {
                            return method.invoke(real, a);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }, ports.objectStores(), ports.exec(), ports.clock(), ports.scheduler());
    }
}
