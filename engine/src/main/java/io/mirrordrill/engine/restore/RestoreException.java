package io.mirrordrill.engine.restore;

import io.mirrordrill.port.MirrordrillException;
import java.util.List;
import java.util.stream.Collectors;

/** A restore refused as a whole, with every problem found so they can be fixed in one pass; nothing was applied. */
public class RestoreException extends MirrordrillException {
    private final List<RestoreProblem> problems;

    public RestoreException(List<RestoreProblem> problems) {
        super(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems:\n"
                + problems.stream().map(RestoreProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RestoreException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public RestoreException(RestoreProblem problem) {
        this(List.of(problem));
    }

    public List<RestoreProblem> problems() {
        return problems;
    }

    /** Throws when any problem was collected. */
    static void throwIfAny(List<RestoreProblem> problems) {
        if (!problems.isEmpty()) {
            throw new RestoreException(problems);
        }
    }
}
