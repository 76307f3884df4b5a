package io.mirrordrill.cli;

import io.mirrordrill.scenario.drill.DrillInputException;
import io.mirrordrill.scenario.drill.Problem;

import java.util.List;

/** A command-line value the command refuses: one line naming the option, what is wrong and the fix (exit 2). */
final class BadInput {
    private BadInput() {
    }

    static DrillInputException of(String option, String reason, String fix) {
        return new DrillInputException(List.of(new Problem("command line", 0, option, reason, fix)));
    }
}
