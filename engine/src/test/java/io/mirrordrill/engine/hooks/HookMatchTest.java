package io.mirrordrill.engine.hooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.model.MatchingCriterion;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookMatchTest {
    private static MatchingCriterion c(String type, String value) {
        return new MatchingCriterion(type, value, null);
    }

    private static boolean matches(List<MatchingCriterion> criteria) {
        return HookMatch.matches(criteria, "shop", "db-0", Map.of("app", "mariadb", "tier", "db"), "mariadb",
                "docker.io/library/mariadb:11.4");
    }

    @Test
    void noCriteriaMatchEveryContainer() {
        assertTrue(matches(null));
        assertTrue(matches(List.of()));
    }

    @Test
    void aValueIsSearchedForAsGoDoesUnlessAnchored() {
        assertTrue(matches(List.of(c("ContainerImage", "mariadb"))));
        assertFalse(matches(List.of(c("ContainerImage", "^mariadb$"))));
        assertTrue(matches(List.of(c("containerName", "^mariadb$"))), "types in any case");
        assertTrue(matches(List.of(c("PodName", "-0$"))));
        assertTrue(matches(List.of(c("NamespaceName", "^shop$"))));
    }

    @Test
    void podLabelIsSearchedInEachKeyEqualsValue() {
        assertTrue(matches(List.of(c("PodLabel", "^tier=db$"))));
        assertFalse(matches(List.of(c("PodLabel", "^app=db$"))));
    }

    @Test
    void everyCriterionMustMatch() {
        assertTrue(matches(List.of(c("ContainerName", "maria"), c("PodLabel", "app=mariadb"))));
        assertFalse(matches(List.of(c("ContainerName", "maria"), c("NamespaceName", "^other$"))));
    }
}
