package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.model.MirrorState;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmrLifecycleTest {

    @Test
    void theSeedsWorkflowsFollowTheTable() {
        MirrorState s = AmrLifecycle.next(null, AmrEvent.ESTABLISH, List.of()).to();
        s = AmrLifecycle.next(s, AmrEvent.ESTABLISHED, List.of()).to();
        s = AmrLifecycle.next(s, AmrEvent.PROMOTE, List.of()).to();
        assertEquals(MirrorState.PROMOTING, s);
        s = AmrLifecycle.next(s, AmrEvent.PROMOTED, List.of()).to();
        s = AmrLifecycle.next(s, AmrEvent.RESYNC, List.of()).to();
        assertEquals(MirrorState.ESTABLISHING, s);
    }

    @Test
    void aTransitionInProgressHasNoRowForANewDesiredState() {
        assertTrue(AmrLifecycle.find(MirrorState.PROMOTING, AmrEvent.RESYNC).isEmpty());
        assertTrue(AmrLifecycle.find(MirrorState.ESTABLISHING, AmrEvent.PROMOTE).isEmpty());
        var e = assertThrows(AmrLifecycle.InvalidTransitionException.class,
                () -> AmrLifecycle.next(MirrorState.PROMOTING, AmrEvent.RESYNC, List.of("t0 (new) --establish--> ...")));
        assertTrue(e.getMessage().contains("cannot resync from Promoting") && e.getMessage().contains("t0"),
                e.getMessage());
    }

}
