package io.mirrordrill.engine.model.validation;

import io.mirrordrill.port.MirrordrillException;
import java.util.List;
import java.util.stream.Collectors;

/** Resources refused as a whole: every problem found, so the user can fix them in one pass. */
public class InvalidResourceException extends MirrordrillException {
    private final List<Problem> problems;

    public InvalidResourceException(List<Problem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
