package io.mirrordrill.port.objectstore;

/** A precondition on a write. */
public enum WriteCondition {
    /** Write whatever is there. */
    NONE,
    /** {@code If-None-Match: *}: write only when no object exists under the key, else 412 PreconditionFailed. */
    IF_NONE_MATCH
}
