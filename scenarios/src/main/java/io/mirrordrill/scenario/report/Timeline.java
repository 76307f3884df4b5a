package io.mirrordrill.scenario.report;

import java.util.List;

/**
 * What happened when, lane by lane (steps, faults, transfers, each relationship's states, each workload), in
 * simulated milliseconds since the drill began. An item with {@code end == start} is an instant.
 *
 * @param begin the simulated calendar time the drill began at (ISO-8601, UTC), for the axis; null when unknown
 * @param windows what the drill measured, drawn across every lane: the disaster (or failover request), the RPO window
 *                and the RTO window
 * @param lags each relationship's replication lag over time
 */
public record Timeline(long endMillis, List<Lane> lanes, String begin, List<Window> windows, List<Lag> lags) {
    public record Item(long startMillis, long endMillis, String label, String kind) {}

    public record Lane(String name, List<Item> items) {
        public Lane {
            items = List.copyOf(items);
        }
    }

    /**
     * A measured moment or span. Kinds: {@code start} (the disaster or failover request that starts the clock, an
     * instant), {@code rpo} (the last write that survived to the start: what was lost), {@code rto} (the start to the
     * first write accepted on another cluster: how long the app did not serve).
     */
    public record Window(String kind, long startMillis, long endMillis, String label) {}

    /** One relationship's replication: each snapshot it replicated, and the schedule interval it should keep up with. */
    public record Lag(String relationship, long intervalMillis, List<Replica> replicas) {
        public Lag {
            replicas = List.copyOf(replicas);
        }
    }

    /**
     * A replicated snapshot: taken at {@code takenMillis}, seen on the destination at {@code atMillis}, the newest
     * one there until {@code untilMillis} (the next one, the relationship leaving Established, or the drill's end).
     */
    public record Replica(long atMillis, long takenMillis, long untilMillis, long bytes, String snapshot) {}

    public Timeline {
        lanes = List.copyOf(lanes);
        windows = List.copyOf(windows);
        lags = List.copyOf(lags);
    }

    /** Lanes only: no calendar, no windows, no lag. */
    public Timeline(long endMillis, List<Lane> lanes) {
        this(endMillis, lanes, null, List.of(), List.of());
    }

    /** The same timeline with other lanes (the redacted ones). */
    public Timeline withLanes(List<Lane> others) {
        return new Timeline(endMillis, others, begin, windows, lags);
    }
}
