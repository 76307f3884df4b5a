package io.mirrordrill.port.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector: requirements ANDed together, in the syntax of the {@code labelSelector} query
 * parameter: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a in (x,y)}, {@code a notin (x)}, {@code a}, {@code !a}.
 * {@link #toString()} gives the canonical text the production adapter sends, so both sides of a contract test see
 * the same query.
 */
public final class LabelSelector {
    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());
    private static final Pattern KEY =
            Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
                    + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    /** The operators of label requirements. */
    public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    /** One requirement; {@code values} is sorted and holds one value for EQUALS/NOT_EQUALS, none for EXISTS. */
    public record Requirement(String key, Operator operator, Set<String> values) {
        public boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case EQUALS, IN -> value != null && values.contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
            };
        }

        @Override
        public String toString() {
            return switch (operator) {
                case EQUALS -> key + "=" + values.iterator().next();
                case NOT_EQUALS -> key + "!=" + values.iterator().next();
                case IN -> key + " in (" + String.join(",", values) + ")";
                case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
                case EXISTS -> key;
                case DOES_NOT_EXIST -> "!" + key;
            };
        }
    }

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    /** Selects every object. */
    public static LabelSelector everything() {
        return EVERYTHING;
    }

    /** Parses the query-parameter syntax; an empty or null text selects everything. */
    public static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> out = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            out.add(parseRequirement(part.trim(), text));
        }
        return new LabelSelector(out);
    }

    /** The selector of a {@code metav1.LabelSelector} (matchLabels and matchExpressions); null selects everything. */
    public static LabelSelector of(io.fabric8.kubernetes.api.model.LabelSelector model) {
        if (model == null) {
            return EVERYTHING;
        }
        List<Requirement> out = new ArrayList<>();
        if (model.getMatchLabels() != null) {
            model.getMatchLabels().forEach((k, v) -> out.add(requirement(k, Operator.EQUALS, List.of(v), k + "=" + v)));
        }
        List<LabelSelectorRequirement> expressions = model.getMatchExpressions();
        for (LabelSelectorRequirement e : expressions == null ? List.<LabelSelectorRequirement>of() : expressions) {
            Operator op = switch (e.getOperator()) {
                case "In" -> Operator.IN;
                case "NotIn" -> Operator.NOT_IN;
                case "Exists" -> Operator.EXISTS;
                case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
                default -> throw invalid(e.getOperator() + " is not a valid label selector operator");
            };
            out.add(requirement(e.getKey(), op, e.getValues(), e.toString()));
        }
        return new LabelSelector(out);
    }

    /** Shorthand for equality requirements on every entry of {@code labels}. */
    public static LabelSelector matching(Map<String, String> labels) {
        List<Requirement> out = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> out.add(requirement(k, Operator.EQUALS, List.of(v), k)));
        return new LabelSelector(out);
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    public boolean isEverything() {
        return requirements.isEmpty();
    }

    /** True when every requirement holds for {@code labels} (null counts as no labels). */
    public boolean matches(Map<String, String> labels) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(r -> r.matches(l));
    }

    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSelector other && requirements.equals(other.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }

    // ---- parsing --------------------------------------------------------------------------------------------------

    /** Whitespace may surround operators, as the API server's lexer allows, but never splits a key or value. */
    private static Requirement parseRequirement(String part, String whole) {
        if (part.startsWith("!") && !part.startsWith("!=")) {
            return requirement(part.substring(1).trim(), Operator.DOES_NOT_EXIST, List.of(), whole);
        }
        String[] setOp = part.split("\\s+(notin|in)\\s*", 2);
        if (setOp.length == 2) {
            Operator op = part.matches(".*\\s+notin\\s*\\(.*") ? Operator.NOT_IN : Operator.IN;
            String list = setOp[1].trim();
            if (!list.startsWith("(") || !list.endsWith(")")) {
                throw invalid("unable to parse requirement: values of '" + part + "' must be in parentheses");
            }
            String inner = list.substring(1, list.length() - 1);
            List<String> values = new ArrayList<>();
            // "k in ()" is the set {""}, as apimachinery's parseValues reads it (only matchExpressions need a value)
            for (String v : inner.split(",", -1)) {
                values.add(v.trim());
            }
            return requirement(setOp[0].trim(), op, values, whole);
        }
        int ne = part.indexOf("!=");
        if (ne >= 0) {
            return requirement(part.substring(0, ne).trim(), Operator.NOT_EQUALS,
                    List.of(part.substring(ne + 2).trim()), whole);
        }
        int eq = part.indexOf('=');
        if (eq >= 0) {
            int valueStart = part.startsWith("==", eq) ? eq + 2 : eq + 1;
            return requirement(part.substring(0, eq).trim(), Operator.EQUALS,
                    List.of(part.substring(valueStart).trim()), whole);
        }
        return requirement(part, Operator.EXISTS, List.of(), whole);
    }

    private static Requirement requirement(String key, Operator op, List<String> values, String context) {
        if (!KEY.matcher(key).matches()) {
            throw invalid("unable to parse requirement: invalid label key \"" + key + "\" in \"" + context + "\"");
        }
        boolean setOp = op == Operator.IN || op == Operator.NOT_IN;
        if (setOp && values.isEmpty()) {
            throw invalid("unable to parse requirement: " + key + " needs at least one value");
        }
        for (String v : values) {
            if (v.length() > 63 || !VALUE.matcher(v).matches()) {
                throw invalid("unable to parse requirement: invalid label value \"" + v + "\" in \"" + context + "\"");
            }
        }
        return new Requirement(key, op, new TreeSet<>(values));
    }

    /** Splits on commas outside parentheses. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static KubernetesException invalid(String message) {
        return new KubernetesException(400, "BadRequest", message, null, null, null);
    }
}
