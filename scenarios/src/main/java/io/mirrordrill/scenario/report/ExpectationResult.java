package io.mirrordrill.scenario.report;

/** One expectation and what was found. */
public record ExpectationResult(String description, String where, boolean passed, String actual) {}
