package io.mirrordrill.engine.model;

import java.util.List;

/** A status with conditions: what the controller runtime needs to write the {@code Ready} condition into it. */
public interface Conditioned<T extends Conditioned<T>> {
    List<Condition> conditions();

    T withConditions(List<Condition> conditions);
}
