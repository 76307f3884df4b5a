package io.mirrordrill.engine.controller;

/**
 * An exception that already knows what a person sees: a CamelCase reason for the {@code Ready} condition, and
 * whether a retry can help ({@code permanent}: the spec can never work as written).
 */
public interface Actionable {
    String reason();

    boolean permanent();
}
