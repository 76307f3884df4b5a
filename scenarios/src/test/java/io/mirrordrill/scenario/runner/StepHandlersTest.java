package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.ScenarioException;
import io.mirrordrill.scenario.drill.At;
import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.drill.Step;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every type of step has its handler: a new step type without one fails at start-up, naming it. */
class StepHandlersTest {
    @Test
    void theDrillRunnerHasAHandlerForEveryPermittedTypeOfStep() {
        DrillRun run = new DrillRun(DrillParser.parse(Path.of("drills", "setup-replication.yaml")),
                RunOptions.defaults());
        StepHandlers handlers = run.handlers(step -> { });
        assertEquals(Set.of(Step.class.getPermittedSubclasses()), handlers.types());
    }

    @Test
    void aRegistryMissingAHandlerFailsToBuildNamingTheStepType() {
        StepHandlers.Builder builder = StepHandlers.builder();
        for (Class<?> type : StepHandlers.STEP_TYPES) {
            if (type != Step.Check.class) {
                register(builder, type, new ArrayList<>());
            }
        }
        ScenarioException e = assertThrows(ScenarioException.class, builder::build);
        assertTrue(e.getMessage().contains("no handler for step type Step.Check"), e.getMessage());
    }

    @Test
    void aStepTypeAddedLaterWithoutAHandlerFailsTheCheck() {
        StepHandlers.Builder builder = StepHandlers.builder();
        for (Class<?> type : StepHandlers.STEP_TYPES) {
            register(builder, type, new ArrayList<>());
        }
        List<Class<?>> withANewType = new ArrayList<>(StepHandlers.STEP_TYPES);
        withANewType.add(NewStep.class);
        ScenarioException e = assertThrows(ScenarioException.class, () -> builder.build(withANewType));
        assertTrue(e.getMessage().contains("Step.NewStep"), e.getMessage());
    }

    @Test
    void aStepGoesToTheHandlerOfItsOwnType() {
        StepHandlers.Builder builder = StepHandlers.builder();
        List<String> handled = new ArrayList<>();
        for (Class<?> type : StepHandlers.STEP_TYPES) {
            register(builder, type, handled);
        }
        StepHandlers handlers = builder.build();
        handlers.handle(new Step.Advance(new At("test", 1, "steps[0]"), Duration.ofMinutes(1)));
        handlers.handle(new Step.Run(new At("test", 2, "steps[1]"), "p"));
        assertEquals(List.of("Advance", "Run"), handled);
    }

    @Test
    void twoHandlersForOneTypeOfStepAreRefused() {
        StepHandlers.Builder builder = StepHandlers.builder().on(Step.Advance.class, a -> { });
        ScenarioException e = assertThrows(ScenarioException.class, () -> builder.on(Step.Advance.class, a -> { }));
        assertTrue(e.getMessage().contains("Step.Advance"), e.getMessage());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(StepHandlers.Builder builder, Class<?> type, List<String> handled) {
        builder.on((Class) type, step -> handled.add(step.getClass().getSimpleName()));
    }

    /** Stands for a step type someone adds to the sealed Step without a handler. */
    private static final class NewStep {
    }
}
