package io.mirrordrill.scenario.drill;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed, checked drill: what to build, what to do, what must hold. Paths of resource files are resolved against
 * the drill file's directory.
 */
public record Drill(Path file, String name, String description, long seed, WorldSpec world, Map<String, String> vars,
                    List<Step> steps, Map<String, List<Step>> procedures, List<Expectation> expectations) {
    public Drill {
        vars = Collections.unmodifiableMap(new TreeMap<>(vars));
        steps = List.copyOf(steps);
        procedures = Collections.unmodifiableMap(new TreeMap<>(procedures));
        expectations = List.copyOf(expectations);
    }

    /** Whether it runs runbook commands ({@code sh} steps, in its steps or procedures): it serves its estate. */
    public boolean runsCommands() {
        return steps.stream().anyMatch(s -> s instanceof Step.Sh)
                || procedures.values().stream().flatMap(List::stream).anyMatch(s -> s instanceof Step.Sh);
    }

    /** The same drill with another seed (the CLI's {@code --seed}). */
    public Drill withSeed(long newSeed) {
        return new Drill(file, name, description, newSeed, world, vars, steps, procedures, expectations);
    }

    /** The same drill with other steps (the fuzzer's shrinking). */
    public Drill withSteps(List<Step> newSteps) {
        return new Drill(file, name, description, seed, world, vars, newSteps, procedures, expectations);
    }
}
