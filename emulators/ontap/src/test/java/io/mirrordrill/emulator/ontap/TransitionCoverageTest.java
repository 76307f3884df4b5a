package io.mirrordrill.emulator.ontap;

import io.mirrordrill.port.ontap.RelationshipPatch;
import io.mirrordrill.port.ontap.VolumeType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.mirrordrill.port.ontap.RelationshipState.BROKEN_OFF;
import static io.mirrordrill.port.ontap.RelationshipState.PAUSED;
import static io.mirrordrill.port.ontap.RelationshipState.SNAPMIRRORED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Walks one relationship through its whole lifecycle through the port and checks, from the trace and from the
 * lifecycle itself, that every row was taken. Adding a row to {@code SnapMirror.lifecycle} without exercising it here
 * fails this test.
 */
class TransitionCoverageTest {

    @Test
    void everyRowOfTheRelationshipLifecycleIsTaken() {
        TwoSites w = new TwoSites(99);
        w.volume(w.c1, "svm1", "v", VolumeType.RW);
        w.volume(w.c2, "svm2", "v_dst", VolumeType.DP);
        String rel = w.relationship("svm1:v", "svm2:v_dst", null, null);

        w.patch(w.c2, rel, SNAPMIRRORED);            // initialize
        w.update(w.c2, rel);                         // update
        w.patch(w.c2, rel, PAUSED);                  // quiesce
        w.patch(w.c2, rel, SNAPMIRRORED);            // resume
        w.patch(w.c2, rel, BROKEN_OFF);              // break from snapmirrored
        w.patch(w.c2, rel, SNAPMIRRORED);            // resync
        w.patch(w.c2, rel, PAUSED);
        w.patch(w.c2, rel, BROKEN_OFF);              // break from paused
        w.done(w.c1, w.c1.patchRelationship(rel, RelationshipPatch.reverse("svm2:v_dst", "svm1:v")));

        Set<String> expected = new TreeSet<>();
        w.ontap.snapMirror().lifecycle.rows().forEach(t -> expected.add(t.toString()));
        Set<String> seen = new TreeSet<>(w.transitions);
        expected.removeAll(seen);
        assertEquals(Set.of(), expected, "transitions never exercised; seen: " + seen);
        assertEquals(List.of(), w.ontap.snapMirror().lifecycle.untaken(), "rows the lifecycle never took");
    }
}
