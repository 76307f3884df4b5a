package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.ScenarioException;
import io.mirrordrill.scenario.drill.Step;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A handler for each type of {@link Step}, registered against the sealed type: building the registry fails, naming
 * the type, unless every permitted subtype has exactly one handler, so a new step type cannot silently do nothing.
 */
final class StepHandlers {
    /** Every type of step there is. */
    static final List<Class<?>> STEP_TYPES = List.of(Step.class.getPermittedSubclasses());

    /** Looked up by a step's exact class (step types are records, so final); never iterated. */
    private final Map<Class<?>, StepHandler<?>> byType;

    private StepHandlers(Map<Class<?>, StepHandler<?>> byType) {
        this.byType = byType;
    }

    static Builder builder() {
        return new Builder();
    }

    @SuppressWarnings("unchecked")
    void handle(Step step) {
        ((StepHandler<Step>) byType.get(step.getClass())).handle(step);
    }

    Set<Class<?>> types() {
        return Set.copyOf(byType.keySet());
    }

    static final class Builder {
        private final Map<Class<?>, StepHandler<?>> byType = new HashMap<>();

        private Builder() {
        }

        <S extends Step> Builder on(Class<S> type, StepHandler<? super S> handler) {
            if (byType.putIfAbsent(type, handler) != null) {
                throw new ScenarioException("two handlers for step type " + name(type));
            }
            return this;
        }

        /** The registry, when every type of step has its handler. */
        StepHandlers build() {
            return build(STEP_TYPES);
        }

        /** Checked against {@code types} (the permitted subtypes of Step; another list only in tests). */
        StepHandlers build(List<Class<?>> types) {
            for (Class<?> type : types) {
                if (!byType.containsKey(type)) {
                    throw new ScenarioException("no handler for step type " + name(type)
                            + ": register one where the drill runner makes its handlers (DrillRun.handlers)");
                }
            }
            return new StepHandlers(Map.copyOf(byType));
        }

        private static String name(Class<?> type) {
            return "Step." + type.getSimpleName();
        }
    }
}
