package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.Step;

import java.util.ArrayList;
import java.util.List;

/** Which drills are runbook drills: those with an {@code sh} step, which serve their estate for real clients. */
final class RunbookDrills {
    private RunbookDrills() {
    }

    static boolean runsCommands(Drill drill) {
        List<Step> all = new ArrayList<>(drill.steps());
        drill.procedures().values().forEach(all::addAll);
        return all.stream().anyMatch(s -> s instanceof Step.Sh);
    }
}
