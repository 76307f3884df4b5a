package io.mirrordrill.scenario.report;

import java.util.List;

/**
 * What happened when, lane by lane (steps, faults, transfers, each relationship's states, each workload), in
 * simulated milliseconds since the drill began. An item with {@code end == start} is an instant.
 */
public record Timeline(long endMillis, List<Lane> lanes) {
    public record Item(long startMillis, long endMillis, String label, String kind) {}

    public record Lane(String name, List<Item> items) {
        public Lane {
            items = List.copyOf(items);
        }
    }

    public Timeline {
        lanes = List.copyOf(lanes);
    }
}
