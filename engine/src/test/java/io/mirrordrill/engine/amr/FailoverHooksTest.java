package io.mirrordrill.engine.amr;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailoverHooksTest {
    private static final Instant PROMOTED = Instant.parse("2022-01-01T00:27:00Z");

    @Test
    void theRunOfAPromotionIsNamedAfterTheRelationshipAndThePromotionTime() {
        assertEquals("amr-1-post-failover-1640996820", FailoverHooks.runName("amr-1", PROMOTED));
    }

    @Test
    void aLongRelationshipNameIsCutToAValidObjectName() {
        String name = FailoverHooks.runName("a".repeat(227) + "." + "b".repeat(30), PROMOTED);
        assertEquals("a".repeat(227) + "-post-failover-1640996820", name, "cut at the dot, which then goes");
        assertEquals(253, FailoverHooks.runName("c".repeat(300), PROMOTED).length());
    }
}
