package io.mirrordrill.scenario.drill;

import io.mirrordrill.engine.InputException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A drill that cannot run as written: every problem found, each naming file, line, field and fix. Thrown before
 * anything runs; the CLI turns it into exit code 2.
 */
public class DrillInputException extends InputException {
    private final List<Problem> problems;

    public DrillInputException(List<Problem> problems) {
        super(message(problems), problems.get(0).source(), problems.get(0).line(), problems.get(0).reason(),
                problems.get(0).fix());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a DrillInputException needs at least one problem");
        }
        return problems.stream().map(Problem::describe).collect(Collectors.joining("\n"));
    }
}
