package io.mirrordrill.engine.application;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.ResourceFilter;
import io.mirrordrill.engine.model.ResourceMatcher;
import io.mirrordrill.engine.model.SelectionCriteria;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Application.spec.resourceFilter}: with {@code Include} a resource is kept when some matcher matches it, with
 * {@code Exclude} it is dropped when some matcher matches it. Inside a matcher the fields are ANDed and an absent or
 * empty field matches anything; a list field matches when any of its entries does ({@code names}, {@code namespaces}
 * exactly; {@code labelSelectors} in the query syntax, e.g. {@code app=db,tier in (a,b)}). A filter without matchers
 * keeps everything. A cluster-scoped resource has no namespace, so a matcher listing namespaces never matches it.
 */
public final class ResourceFilterRule {
    private static final ResourceFilterRule KEEP_ALL = new ResourceFilterRule(true, List.of());

    private record Matcher(String group, String kind, String version, List<String> names, List<String> namespaces,
                           List<LabelSelector> selectors) {}

    private final boolean include;
    private final List<Matcher> matchers;

    private ResourceFilterRule(boolean include, List<Matcher> matchers) {
        this.include = include;
        this.matchers = matchers;
    }

    /** The rule of a filter (null keeps everything); a selector that does not parse is an ApplicationException. */
    public static ResourceFilterRule of(ResourceFilter filter) {
        if (filter == null || filter.resourceMatchers() == null || filter.resourceMatchers().isEmpty()) {
            return KEEP_ALL;
        }
        boolean include = SelectionCriteria.parse(filter.resourceSelectionCriteria()).orElse(SelectionCriteria.INCLUDE)
                == SelectionCriteria.INCLUDE;
        List<Matcher> matchers = new ArrayList<>();
        List<ApplicationException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < filter.resourceMatchers().size(); i++) {
            ResourceMatcher m = filter.resourceMatchers().get(i);
            List<LabelSelector> selectors = new ArrayList<>();
            List<String> texts = m == null || m.labelSelectors() == null ? List.of() : m.labelSelectors();
            for (int j = 0; j < texts.size(); j++) {
                try {
                    selectors.add(LabelSelector.parse(texts.get(j)));
                } catch (KubernetesException e) {
                    problems.add(new ApplicationException.Problem(ApplicationException.INVALID_SELECTOR,
                            "spec.resourceFilter.resourceMatchers[" + i + "].labelSelectors[" + j + "]: "
                                    + e.getMessage() + ". Fix: write a selector such as app=db or tier in (a,b)"));
                }
            }
            if (m != null) {
                matchers.add(new Matcher(m.group(), m.kind(), m.version(), orEmpty(m.names()),
                        orEmpty(m.namespaces()), selectors));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApplicationException(problems);
        }
        return new ResourceFilterRule(include, List.copyOf(matchers));
    }

    /** Whether the filter keeps a resource of {@code kind}. */
    public boolean keeps(ResourceKind kind, GenericKubernetesResource resource) {
        if (matchers.isEmpty()) {
            return true;
        }
        boolean matched = matchers.stream().anyMatch(m -> matches(m, kind, resource));
        return include == matched;
    }

    private static boolean matches(Matcher m, ResourceKind kind, GenericKubernetesResource r) {
        String namespace = r.getMetadata().getNamespace();
        return any(m.group(), kind.group()) && any(m.kind(), kind.kind()) && any(m.version(), kind.version())
                && (m.names().isEmpty() || m.names().contains(r.getMetadata().getName()))
                && (m.namespaces().isEmpty() || (namespace != null && m.namespaces().contains(namespace)))
                && (m.selectors().isEmpty() || m.selectors().stream().anyMatch(s -> s.matches(Resources.labels(r))));
    }

    private static boolean any(String wanted, String actual) {
        return wanted == null || wanted.isEmpty() || wanted.equals(actual);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
