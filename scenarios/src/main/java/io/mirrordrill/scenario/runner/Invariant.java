package io.mirrordrill.scenario.runner;

import java.util.List;

/** A rule every drill must keep after every step. */
interface Invariant {
    /** What it was found breaking: which rule, what, and the evidence a person can check. */
    record Violation(String invariant, String message, String evidence) {}

    String id();

    List<Violation> check(Checkpoint at);
}
