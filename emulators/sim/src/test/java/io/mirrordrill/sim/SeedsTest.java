package io.mirrordrill.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SeedsTest {

    private static List<Long> draw(RandomStream s, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.nextLong());
        }
        return out;
    }

    @Test
    void theSameSeedAndNameGiveTheSameNumbers() {
        assertEquals(draw(new Seeds(42).stream("ontap"), 5), draw(new Seeds(42).stream("ontap"), 5));
    }

    @Test
    void addingAStreamDoesNotChangeAnotherStreamsNumbers() {
        Seeds alone = new Seeds(42);
        List<Long> expected = draw(alone.stream("ontap"), 5);

        Seeds crowded = new Seeds(42);
        draw(crowded.stream("s3"), 100);
        RandomStream ontap = crowded.stream("ontap");
        draw(crowded.stream("k8s"), 100);
        assertEquals(expected, draw(ontap, 5));
    }

    @Test
    void differentSeedsOrNamesGiveDifferentNumbers() {
        assertNotEquals(draw(new Seeds(1).stream("x"), 3), draw(new Seeds(2).stream("x"), 3));
        assertNotEquals(draw(new Seeds(1).stream("x"), 3), draw(new Seeds(1).stream("y"), 3));
    }

    @Test
    void uuidsAreVersionFourAndRepeatable() {
        UUID a = new Seeds(5).stream("ids").uuid();
        UUID b = new Seeds(5).stream("ids").uuid();
        assertEquals(a, b);
        assertEquals(4, a.version());
        assertEquals(2, a.variant());
    }
}
