package io.mirrordrill.port.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSelectorTest {
    private static final Map<String, String> PROD_DB = Map.of("env", "prod", "tier", "db");

    @Test
    void equalityRequirementsMatchWithOneOrTwoEqualsSigns() {
        assertTrue(LabelSelector.parse("env=prod").matches(PROD_DB));
        assertTrue(LabelSelector.parse("env==prod").matches(PROD_DB));
        assertFalse(LabelSelector.parse("env=dev").matches(PROD_DB));
    }

    @Test
    void inequalityAlsoMatchesObjectsWithoutTheLabel() {
        assertTrue(LabelSelector.parse("app!=web").matches(PROD_DB));
        assertFalse(LabelSelector.parse("env!=prod").matches(PROD_DB));
    }

    @Test
    void setBasedRequirementsMatchMembership() {
        assertTrue(LabelSelector.parse("env in (dev, prod)").matches(PROD_DB));
        assertFalse(LabelSelector.parse("env in (dev)").matches(PROD_DB));
        assertFalse(LabelSelector.parse("env notin (prod,qa)").matches(PROD_DB));
        assertTrue(LabelSelector.parse("app notin (web)").matches(PROD_DB));
        assertFalse(LabelSelector.parse("app in (web)").matches(PROD_DB));
    }

    @Test
    void existenceRequirementsLookAtKeysOnly() {
        assertTrue(LabelSelector.parse("tier").matches(PROD_DB));
        assertFalse(LabelSelector.parse("!tier").matches(PROD_DB));
        assertTrue(LabelSelector.parse("! app").matches(PROD_DB));
    }

    @Test
    void requirementsAreAndedAndCommasInsideParenthesesDoNotSplit() {
        LabelSelector s = LabelSelector.parse("env in (prod,dev),tier=db,!app");
        assertEquals(3, s.requirements().size());
        assertTrue(s.matches(PROD_DB));
        assertFalse(s.matches(Map.of("env", "prod", "tier", "web")));
    }

    @Test
    void canonicalTextParsesBackToTheSameSelector() {
        LabelSelector s = LabelSelector.parse("env in ( prod , dev ),tier==db,x!=y,k,!gone,z notin (b,a)");
        assertEquals("env in (dev,prod),tier=db,x!=y,k,!gone,z notin (a,b)", s.toString());
        assertEquals(s, LabelSelector.parse(s.toString()));
    }

    @Test
    void emptyTextSelectsEverything() {
        assertTrue(LabelSelector.parse("").isEverything());
        assertTrue(LabelSelector.parse(null).matches(null));
    }

    @Test
    void modelSelectorsTranslateMatchLabelsAndExpressions() {
        LabelSelector s = LabelSelector.of(new LabelSelectorBuilder().withMatchLabels(Map.of("tier", "db"))
                .addNewMatchExpression().withKey("env").withOperator("In").withValues("prod", "qa").endMatchExpression()
                .addNewMatchExpression().withKey("app").withOperator("DoesNotExist").endMatchExpression().build());
        assertEquals("tier=db,env in (prod,qa),!app", s.toString());
        assertTrue(s.matches(PROD_DB));
    }

    @Test
    void malformedSelectorsAreRejectedAsBadRequests() {
        KubernetesException e = assertThrows(KubernetesException.class, () -> LabelSelector.parse("env in prod"));
        assertEquals(400, e.code());
        assertThrows(KubernetesException.class, () -> LabelSelector.parse("bad key=x"));
        assertThrows(KubernetesException.class, () -> LabelSelector.parse("env=no spaces!"));
    }

    @Test
    void anEmptySetIsTheSetOfTheEmptyValueAsTheApiServerReadsIt() {
        LabelSelector s = LabelSelector.parse("env in ()");
        assertTrue(s.matches(Map.of("env", "")));
        assertFalse(s.matches(Map.of("env", "prod")));
        assertFalse(s.matches(Map.of()));
        assertEquals(s, LabelSelector.parse(s.toString()));
        assertTrue(LabelSelector.parse("env notin ()").matches(Map.of("env", "prod")));
    }
}
