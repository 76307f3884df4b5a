package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.controller.Problem;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipStatus;
import io.mirrordrill.engine.model.MirrorState;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.runtime.statemachine.History;
import io.mirrordrill.runtime.statemachine.InvalidTransitionException;
import io.mirrordrill.runtime.statemachine.StateMachine;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmrLifecycleTest {
    private final StateMachine<MirrorState, AmrEvent, AmrMove> lifecycle = AmrLifecycle.machine();
    private final History history = new History();

    private static AppMirrorRelationship amr(String state, String error) {
        return new AppMirrorRelationship(ProtectApi.API_VERSION, AppMirrorRelationship.KIND,
                new ObjectMetaBuilder().withName("amr").withNamespace("ns").build(), null,
                new AppMirrorRelationshipStatus(state, List.of(), null, List.of(), null, null, error, null), null);
    }

    /** Takes a row from the relationship's state and returns the status its effect decided. */
    private AppMirrorRelationshipStatus take(AppMirrorRelationship amr, AmrEvent event, AmrMove move) {
        lifecycle.fire(amr.status().stateValue().orElse(null), event, move, history);
        return move.decision(io.mirrordrill.runtime.Outcome.done()).status();
    }

    @Test
    void theSeedsWorkflowsFollowTheTable() {
        MirrorState s = lifecycle.check(null, AmrEvent.ESTABLISH, history).to();
        s = lifecycle.check(s, AmrEvent.ESTABLISHED, history).to();
        s = lifecycle.check(s, AmrEvent.PROMOTE, history).to();
        assertEquals(MirrorState.PROMOTING, s);
        s = lifecycle.check(s, AmrEvent.PROMOTED, history).to();
        s = lifecycle.check(s, AmrEvent.RESYNC, history).to();
        assertEquals(MirrorState.ESTABLISHING, s);
    }

    @Test
    void aTransitionInProgressHasNoRowForANewDesiredState() {
        assertFalse(lifecycle.allows(MirrorState.PROMOTING, AmrEvent.RESYNC));
        assertFalse(lifecycle.allows(MirrorState.ESTABLISHING, AmrEvent.PROMOTE));
        AppMirrorRelationship amr = amr(null, null);
        take(amr, AmrEvent.ESTABLISH, AmrMove.of(amr));
        var e = assertThrows(InvalidTransitionException.class,
                () -> lifecycle.fire(MirrorState.PROMOTING, AmrEvent.RESYNC, AmrMove.of(amr), history));
        assertTrue(e.getMessage().contains("cannot resync from Promoting")
                && e.getMessage().contains("(new) --establish--> Establishing"), e.getMessage());
    }

    @Test
    void theMoveToFailedIsARowWhoseEffectShowsTheProblemAsTheError() {
        AppMirrorRelationship amr = amr("Establishing", null);
        AmrMove move = AmrMove.failing(amr, new Problem("AppVaultNotFound", "AppVault \"x\" not found", true));
        AppMirrorRelationshipStatus failed = take(amr, AmrEvent.FAIL, move);
        assertEquals("Failed", failed.state());
        assertEquals("AppVault \"x\" not found", failed.error());
        var ready = move.decision(io.mirrordrill.runtime.Outcome.done()).ready();
        assertEquals("AppVaultNotFound", ready.reason());
        assertTrue(ready.restart(), "entering Failed restarts the Ready condition's time");
        assertEquals(List.of("Establishing --fail--> Failed"), history.entries());
    }

    @Test
    void aRetryLeavesFailedAndClearsTheError() {
        AppMirrorRelationship amr = amr("Failed", "AppVault \"x\" not found");
        AppMirrorRelationshipStatus retried = take(amr, AmrEvent.ESTABLISH, AmrMove.of(amr));
        assertEquals("Establishing", retried.state());
        assertNull(retried.error());
    }

    @Test
    void everyRowHasAStateToEnterAndTheMachineCountsTheRowsNotYetTaken() {
        assertEquals(11, lifecycle.rows().size());
        assertEquals(lifecycle.rows(), lifecycle.untaken());
        AppMirrorRelationship amr = amr(null, null);
        take(amr, AmrEvent.ESTABLISH, AmrMove.of(amr));
        assertEquals(10, lifecycle.untaken().size());
    }
}
