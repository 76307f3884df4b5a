package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Problems.has;
import static io.mirrordrill.engine.model.validation.Problems.ofEditedSeed;
import static io.mirrordrill.engine.model.validation.Problems.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mirrordrill.engine.model.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationValidationTest {
    private static final String SEED = Seeds.APP_SOURCE;
    private static final String INCLUDED = """
              includedNamespaces:
                - namespace: my-app-namespace
                  labelSelector: {}
            """;

    private static List<Problem> included(String replacement) {
        return ofEditedSeed(SEED, INCLUDED, replacement);
    }

    @Test
    void includedNamespacesAreRequired() {
        single(included(""), "spec", "is missing", "includedNamespaces: [{namespace: my-app-namespace,"
                + " labelSelector: {}}]");
        single(included("  includedNamespaces: []\n"), "spec.includedNamespaces", "is empty",
                "namespace: my-app-namespace");
    }

    @Test
    void theApplicationsOwnNamespaceMustBeIncluded() {
        single(included("  includedNamespaces:\n    - namespace: other-namespace\n"), "spec.includedNamespaces",
                "does not include the application's own namespace \"my-app-namespace\"",
                "add - namespace: my-app-namespace");
    }

    @Test
    void aNamespaceEntryNeedsAValidUniqueName() {
        List<Problem> problems = included("""
                  includedNamespaces:
                    - namespace: my-app-namespace
                    - namespace: my-app-namespace
                    - labelSelector: {matchLabels: {app: db}}
                    - namespace: Bad.Name
                """);
        has(problems, "spec.includedNamespaces[1].namespace", "namespace \"my-app-namespace\" is listed twice",
                "list each namespace once");
        has(problems, "spec.includedNamespaces[2].namespace", "is missing", "set the namespace name");
        has(problems, "spec.includedNamespaces[3].namespace", "\"Bad.Name\" is not a valid namespace name",
                "lowercase");
        assertEquals(3, problems.size(), Problems.render(problems));
    }

    @Test
    void labelSelectorExpressionsUseKubernetesOperators() {
        List<Problem> problems = included("""
                  includedNamespaces:
                    - namespace: my-app-namespace
                      labelSelector:
                        matchExpressions:
                          - {key: tier, operator: Equals, values: [db]}
                          - {key: tier, operator: In}
                          - {key: tier, operator: Exists, values: [db]}
                """);
        has(problems, "spec.includedNamespaces[0].labelSelector.matchExpressions[0].operator",
                "\"Equals\" is not a label selector operator", "In, NotIn, Exists or DoesNotExist");
        has(problems, "spec.includedNamespaces[0].labelSelector.matchExpressions[1].values",
                "is empty but operator In needs values", "list the label values");
        has(problems, "spec.includedNamespaces[0].labelSelector.matchExpressions[2].values",
                "must be empty with operator Exists", "remove the values");
        assertEquals(3, problems.size(), Problems.render(problems));
    }

    @Test
    void labelValuesMustBeStrings() {
        single(included("""
                  includedNamespaces:
                    - namespace: my-app-namespace
                      labelSelector: {matchLabels: {tier: 1}}
                """), "spec.includedNamespaces[0].labelSelector.matchLabels.tier", "must be a string, not the number 1",
                "quote the value: tier: \"1\"");
    }

    @Test
    void clusterScopedResourcesNeedKindAndVersionAndFiltersAValidCriteria() {
        List<Problem> problems = included(INCLUDED + """
                  includedClusterScopedResources:
                    - groupVersionKind: {group: rbac.authorization.k8s.io, kind: ClusterRole}
                  resourceFilter:
                    resourceSelectionCriteria: include
                    resourceMatchers:
                      - {kind: Secret}
                """);
        has(problems, "spec.includedClusterScopedResources[0].groupVersionKind.version", "is missing", "e.g. v1");
        has(problems, "spec.resourceFilter.resourceSelectionCriteria", "\"include\" is not Include or Exclude",
                "case-sensitive");
        assertEquals(2, problems.size(), Problems.render(problems));
    }
}
