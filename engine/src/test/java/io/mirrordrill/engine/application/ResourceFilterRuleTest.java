package io.mirrordrill.engine.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.ResourceFilter;
import io.mirrordrill.engine.model.ResourceMatcher;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceFilterRuleTest {
    private static final ResourceKind CONFIG_MAP = new ResourceKind("", "v1", "ConfigMap", "configmaps", true, false);
    private static final ResourceKind DEPLOYMENT = new ResourceKind("apps", "v1", "Deployment", "deployments", true,
            true);
    private static final ResourceKind CLUSTER_ROLE = new ResourceKind("rbac.authorization.k8s.io", "v1",
            "ClusterRole", "clusterroles", false, false);

    private static GenericKubernetesResource r(ResourceKind kind, String ns, String name, Map<String, String> labels) {
        GenericKubernetesResource r = Resources.generic(kind.apiVersion(), kind.kind(), ns, name);
        r.getMetadata().setLabels(labels);
        return r;
    }

    private static ResourceMatcher matcher(String group, String kind, List<String> names, List<String> namespaces,
                                           List<String> selectors) {
        return new ResourceMatcher(group, kind, null, names, namespaces, selectors, null);
    }

    @Test
    void noFilterOrNoMatchersKeepsEverything() {
        assertTrue(ResourceFilterRule.of(null).keeps(CONFIG_MAP, r(CONFIG_MAP, "a", "x", Map.of())));
        assertTrue(ResourceFilterRule.of(new ResourceFilter("Include", List.of(), null))
                .keeps(CONFIG_MAP, r(CONFIG_MAP, "a", "x", Map.of())));
    }

    @Test
    void includeKeepsWhatAnyMatcherMatchesAndTheFieldsOfOneMatcherAreAnded() {
        ResourceFilterRule rule = ResourceFilterRule.of(new ResourceFilter("Include", List.of(
                matcher("apps", "Deployment", null, null, null),
                matcher(null, "ConfigMap", List.of("keep", "also"), List.of("a"), List.of("tier=db", "tier=cache"))),
                null));
        assertTrue(rule.keeps(DEPLOYMENT, r(DEPLOYMENT, "b", "web", Map.of())));
        assertTrue(rule.keeps(CONFIG_MAP, r(CONFIG_MAP, "a", "keep", Map.of("tier", "db"))));
        assertTrue(rule.keeps(CONFIG_MAP, r(CONFIG_MAP, "a", "also", Map.of("tier", "cache"))), "selectors ORed");
        assertFalse(rule.keeps(CONFIG_MAP, r(CONFIG_MAP, "b", "keep", Map.of("tier", "db"))), "namespace differs");
        assertFalse(rule.keeps(CONFIG_MAP, r(CONFIG_MAP, "a", "other", Map.of("tier", "db"))), "name differs");
        assertFalse(rule.keeps(CONFIG_MAP, r(CONFIG_MAP, "a", "keep", Map.of("tier", "web"))), "labels differ");
    }

    @Test
    void excludeDropsWhatAMatcherMatchesAndANamespaceListNeverMatchesAClusterScopedResource() {
        ResourceFilterRule rule = ResourceFilterRule.of(new ResourceFilter("Exclude", List.of(
                matcher(null, null, null, List.of("a"), null)), null));
        assertFalse(rule.keeps(CONFIG_MAP, r(CONFIG_MAP, "a", "x", Map.of())));
        assertTrue(rule.keeps(CONFIG_MAP, r(CONFIG_MAP, "b", "x", Map.of())));
        assertTrue(rule.keeps(CLUSTER_ROLE, r(CLUSTER_ROLE, null, "reader", Map.of())));
    }

    @Test
    void aSelectorThatDoesNotParseIsNamedWithItsPosition() {
        ApplicationException e = assertThrows(ApplicationException.class, () -> ResourceFilterRule.of(
                new ResourceFilter("Include", List.of(matcher(null, "ConfigMap", null, null, List.of("tier in db"))),
                        null)));
        assertEquals(ApplicationException.INVALID_SELECTOR, e.reason());
        assertTrue(e.getMessage().startsWith("spec.resourceFilter.resourceMatchers[0].labelSelectors[0]: "),
                e.getMessage());
    }
}
