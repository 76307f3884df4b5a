package io.mirrordrill.engine.model;

import java.util.Optional;

/**
 * {@code ExecHook.spec.matchingCriteria[].type}. Real files write both {@code ContainerImage} and
 * {@code containerImage}: any case is accepted, CamelCase is written.
 */
public enum MatchingCriterionType implements NamedValue {
    CONTAINER_IMAGE("ContainerImage"),
    CONTAINER_NAME("ContainerName"),
    POD_NAME("PodName"),
    POD_LABEL("PodLabel"),
    NAMESPACE_NAME("NamespaceName");

    private final String value;

    MatchingCriterionType(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<MatchingCriterionType> parse(String raw) {
        return NamedValue.ignoringCase(MatchingCriterionType.class, raw);
    }

    public static String canonical(String raw) {
        return parse(raw).map(MatchingCriterionType::value).orElse(raw);
    }
}
