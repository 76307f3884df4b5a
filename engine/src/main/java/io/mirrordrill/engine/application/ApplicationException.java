package io.mirrordrill.engine.application;

import io.mirrordrill.port.MirrordrillException;

import java.util.List;

/**
 * An Application that cannot be resolved into resources: every problem found, each saying what is wrong and the fix
 * (a namespace that does not exist, a kind the cluster does not serve, a selector that does not parse).
 */
public class ApplicationException extends MirrordrillException {
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String NAMESPACE_NOT_FOUND = "NamespaceNotFound";
    public static final String KIND_NOT_SERVED = "KindNotServed";
    public static final String INVALID_SELECTOR = "InvalidSelector";

    /** One problem: a reason as a status condition names it, and the message with its fix. */
    public record Problem(String reason, String message) {}

    private final List<Problem> problems;

    public ApplicationException(List<Problem> problems) {
        super(String.join("; ", problems.stream().map(Problem::message).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an ApplicationException names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The reason of the first problem: what a condition shows. */
    public String reason() {
        return problems.get(0).reason();
    }
}
