package io.mirrordrill.runtime.statemachine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateMachineTest {
    enum Light { OFF, ON, BROKEN }

    enum Switch { PRESS, SMASH }

    /** The subject: its state, and what the effects did, in order. */
    static final class Lamp {
        Light state = Light.OFF;
        final List<String> log = new ArrayList<>();
        final History history = new History();
    }

    private final StateMachine<Light, Switch, Lamp> machine = StateMachine.<Light, Switch, Lamp>named("lamp")
            .add(Light.OFF, Switch.PRESS, Light.ON, l -> l.log.add("lit in state " + l.state))
            .add(Light.ON, Switch.PRESS, Light.OFF, l -> l.log.add("dark"))
            .add(Light.ON, Switch.SMASH, Light.BROKEN, l -> l.log.add("glass"))
            .labels(s -> s.name().toLowerCase(), a -> a.name().toLowerCase())
            .onTransition((l, row) -> l.state = row.to())
            .build();

    private void fire(Lamp lamp, Switch action) {
        machine.fire(lamp.state, action, lamp, lamp.history);
    }

    @Test
    void aRowMovesTheStateThroughTheHookThenRunsItsEffect() {
        Lamp lamp = new Lamp();
        fire(lamp, Switch.PRESS);
        assertEquals(Light.ON, lamp.state);
        assertEquals(List.of("lit in state ON"), lamp.log, "the hook moved the state before the effect ran");
        assertEquals(List.of("off --press--> on"), lamp.history.entries());
    }

    @Test
    void anActionWithoutARowIsRefusedWithTheHistoryAndChangesNothing() {
        Lamp lamp = new Lamp();
        fire(lamp, Switch.PRESS);
        fire(lamp, Switch.SMASH);
        var e = assertThrows(InvalidTransitionException.class, () -> fire(lamp, Switch.PRESS));
        assertEquals("lamp cannot press from broken; history: [off --press--> on, on --smash--> broken]",
                e.getMessage());
        assertEquals(Light.BROKEN, lamp.state);
        assertEquals(List.of("lit in state ON", "glass"), lamp.log);
    }

    @Test
    void theMachineListsTheRowsItNeverTook() {
        Lamp lamp = new Lamp();
        assertEquals(3, machine.untaken().size());
        fire(lamp, Switch.PRESS);
        fire(lamp, Switch.SMASH);
        assertEquals(List.of("on --press--> off"), machine.untaken().stream().map(Object::toString).toList());
    }

    @Test
    void anOwnerRefusesWithItsOwnErrorAndStampsEntriesWithItsClock() {
        StateMachine<Light, Switch, Lamp> owned = StateMachine.<Light, Switch, Lamp>named("lamp")
                .add(Light.OFF, Switch.PRESS, Light.ON, l -> { })
                .onTransition((l, row) -> l.state = row.to())
                .stamped(() -> "t1")
                .refusal((from, action, history) -> new IllegalStateException("no " + action + " " + history))
                .build();
        Lamp lamp = new Lamp();
        owned.fire(lamp.state, Switch.PRESS, lamp, lamp.history);
        var e = assertThrows(IllegalStateException.class, () -> owned.fire(lamp.state, Switch.PRESS, lamp,
                lamp.history));
        assertEquals("no PRESS [t1 OFF --PRESS--> ON]", e.getMessage());
    }

    @Test
    void aNullStateStandsForNotYetCreated() {
        StateMachine<Light, Switch, Lamp> born = StateMachine.<Light, Switch, Lamp>named("lamp")
                .add(null, Switch.PRESS, Light.ON, l -> { })
                .labels(s -> s == null ? "(new)" : s.name(), Switch::name)
                .build();
        assertTrue(born.allows(null, Switch.PRESS));
        assertFalse(born.allows(Light.OFF, Switch.PRESS));
        assertEquals("(new) --PRESS--> ON", born.rows().get(0).toString());
    }

    @Test
    void aSecondRowForTheSameStateAndActionIsAMistakeInTheTable() {
        var builder = StateMachine.<Light, Switch, Lamp>named("lamp").add(Light.OFF, Switch.PRESS, Light.ON, l -> { });
        assertThrows(IllegalArgumentException.class, () -> builder.add(Light.OFF, Switch.PRESS, Light.BROKEN, l -> { }));
    }

    @Test
    void aLongHistoryKeepsItsNewestEntriesAndCountsTheRest() {
        History h = new History(2);
        h.add("a");
        h.add("b");
        h.add("c");
        assertEquals(List.of("b", "c"), h.entries());
        assertEquals("(1 earlier) [b, c]", h.toString());
    }
}
