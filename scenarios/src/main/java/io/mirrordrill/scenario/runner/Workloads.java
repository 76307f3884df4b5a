package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.Writer;
import io.mirrordrill.sim.World;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The drill's application writers, by name, and the ledger of every write they got accepted. */
final class Workloads {
    private final World world;
    private final Ledger ledger = new Ledger();
    private final Map<String, Writer> writers = new TreeMap<>();

    Workloads(World world) {
        this.world = world;
    }

    /** The writer of that name, made (watched by {@code observer}) the first time it is started. */
    Writer writer(String name, Writer.Observer observer) {
        return writers.computeIfAbsent(name, n -> new Writer(n, world, ledger, observer));
    }

    Optional<Writer> get(String name) {
        return Optional.ofNullable(writers.get(name));
    }

    /** Every writer ever started, in name order. */
    Collection<Writer> all() {
        return writers.values();
    }

    Ledger ledger() {
        return ledger;
    }
}
