package io.mirrordrill.scenario.fuzz;

import java.util.List;

/** One generated operation: a few drill steps (as YAML list items) that belong together. */
public record Op(String kind, List<String> steps) {
    public Op {
        steps = List.copyOf(steps);
    }

    static Op of(String kind, String... steps) {
        return new Op(kind, List.of(steps));
    }
}
