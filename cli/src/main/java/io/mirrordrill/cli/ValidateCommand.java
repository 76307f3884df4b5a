package io.mirrordrill.cli;

import io.mirrordrill.scenario.drill.Drill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code mirrordrill drill validate}: checks drills without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check drills (fields, names, files, variables, the resources they apply) without running"
                + " them. Every problem names the file, line, field and fix.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:valid", "2:a drill has problems"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<file|dir|name>", description = "Drills to check.")
    List<String> targets;

    @Override
    public Integer call() {
        for (Drill d : Drills.load(targets)) {
            spec.commandLine().getOut().println("valid: " + d.file() + " (" + d.name() + ", " + d.steps().size()
                    + " steps, " + d.expectations().size() + " expectations)");
        }
        return Main.PASSED;
    }
}
