package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.workload.Ledger;
import io.mirrordrill.scenario.workload.Location;
import io.mirrordrill.scenario.workload.RecordSet;
import io.mirrordrill.scenario.workload.Writer;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * RPO and RTO as a drill measures them. The clock starts at the disaster (the first fault marked {@code disaster}),
 * or else at the first failover request. RTO ends when the application first accepts a write on another cluster
 * than where it ran at the start; at that moment the records it sees there are compared with the records it had
 * written before the start: the ones missing are the RPO in records, and the time from the last one that survived to
 * the start is the RPO in time.
 */
final class Measures implements Writer.Observer {
    /** Per workload: what the failover cost it. */
    record Recovery(Duration rto, Duration rpo, long rpoRecords, RecordSet lost) {}

    private final Ledger ledger;
    private final World world;
    private final Map<String, Location> origin = new TreeMap<>();
    private final Map<String, Recovery> recoveries = new TreeMap<>();
    /** Clusters recovered in place since the clock started. */
    private final Set<String> rebuilt = new TreeSet<>();
    private final Workloads workloads;
    private Instant start;
    private long startSeq;
    private String startedBy;
    /** Storage was recovered under the same cluster (a snapshot restore, a backend update): see recoveredInPlace. */
    private boolean inPlace;

    Measures(World world, Workloads workloads) {
        this.world = world;
        this.ledger = workloads.ledger();
        this.workloads = workloads;
    }

    /** The clock starts (once): where each writer is now is where it must move away from. */
    void start(Instant at, long seq, String why) {
        if (start != null) {
            return;
        }
        start = at;
        startSeq = seq;
        startedBy = why;
        workloads.all().forEach(w -> w.location().ifPresent(l -> origin.put(w.name(), l)));
    }

    /**
     * The storage under the application was recovered where it runs (a volume snapshot restore, a Trident backend
     * pointed at an activated SVM-DR destination, a volume imported): from now on a write accepted on the same
     * cluster ends the recovery as a write on another cluster does.
     */
    void recoveredInPlace() {
        if (start != null) {
            inPlace = true;
        }
    }

    /** Why writers' writes are refused at the end ({@code "; app's writes are refused: ..."}), or nothing. */
    String refusals() {
        StringBuilder s = new StringBuilder();
        workloads.all().forEach(w -> w.refusing().ifPresent(r -> s.append("; workload ").append(w.name())
                .append("'s writes are refused: ").append(r)));
        return s.toString();
    }

    Optional<Instant> startedAt() {
        return Optional.ofNullable(start);
    }

    String startedBy() {
        return startedBy;
    }

    /**
     * A cluster recovered in place (rebuilt by kubeadm init over a restored etcd, or its volumes rolled back to a
     * snapshot): writes there after the start count as the recovery, as writes on another cluster do.
     */
    void recoveredInPlace(String cluster) {
        if (start != null) {
            rebuilt.add(cluster);
        }
    }

    @Override
    public void beforeWrite(Writer writer, Location location) {
        Location from = origin.get(writer.name());
        if (start == null || from == null || recoveries.containsKey(writer.name())
                || location.cluster().equals(from.cluster()) && !inPlace && !rebuilt.contains(location.cluster())) {
            return;
        }
        RecordSet seen = writer.readThroughPod().orElse(new RecordSet());
        RecordSet before = ledger.records(writer.name(), r -> r.location().cluster().equals(from.cluster())
                && r.seq() < startSeq);
        RecordSet lost = before.minus(seen);
        RecordSet kept = before.intersect(seen);
        Duration rpo = Duration.ZERO;
        if (!lost.isEmpty()) {
            long anchor = kept.isEmpty() ? before.ranges().get(0)[0] : kept.max();
            Instant t = ledger.runOf(writer.name(), anchor).map(Ledger.Run::time).orElse(start);
            rpo = Duration.between(t, start);
        }
        recoveries.put(writer.name(), new Recovery(Duration.between(start, world.now()), rpo, lost.count(), lost));
    }

    @Override
    public void accepted(Ledger.Run run) {
        // every accepted run is in the ledger already; nothing more to measure per write
    }

    Map<String, Recovery> recoveries() {
        return recoveries;
    }

    /** The worst recovery over all workloads that moved; empty when none did. */
    Optional<Recovery> worst() {
        return recoveries.values().stream().reduce((a, b) -> new Recovery(max(a.rto(), b.rto()),
                max(a.rpo(), b.rpo()), a.rpoRecords() + b.rpoRecords(), a.lost()));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
