package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Findings.quote;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.mirrordrill.engine.model.ResourceFilter;
import io.mirrordrill.engine.model.ResourceTransformation;
import io.mirrordrill.engine.model.SelectionCriteria;
import io.mirrordrill.engine.model.SourceDestination;
import io.mirrordrill.engine.model.schedule.RecurrenceException;
import io.mirrordrill.engine.model.schedule.RecurrenceRule;
import io.mirrordrill.engine.restore.RestoreProblem;
import io.mirrordrill.engine.restore.Transformations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks shared by several kinds: Kubernetes names, counts, mappings, filters, transformations, paths, rules. */
final class Checks {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Set<String> SELECTOR_OPERATORS = Set.of("In", "NotIn", "Exists", "DoesNotExist");
    static final String LABEL_FIX = "use at most 63 lowercase letters, digits and '-', starting and ending with a"
            + " letter or digit";
    static final String SUBDOMAIN_FIX = "use at most 253 lowercase letters, digits, '-' and '.', starting and ending"
            + " with a letter or digit";

    private Checks() {
    }

    /** A namespace name (RFC 1123 label). */
    static void namespaceName(Findings f, String field, String value) {
        if (value != null && (value.length() > 63 || !DNS_LABEL.matcher(value).matches())) {
            f.add(field, quote(value) + " is not a valid namespace name", LABEL_FIX);
        }
    }

    /** A resource name (RFC 1123 subdomain): most object names, storage classes, Secrets. */
    static void objectName(Findings f, String field, String value) {
        if (value != null && (value.length() > 253 || !DNS_SUBDOMAIN.matcher(value).matches())) {
            f.add(field, quote(value) + " is not a valid Kubernetes name", SUBDOMAIN_FIX);
        }
    }

    /** A reference to another resource by name: required, and a valid name. */
    static void reference(Findings f, String field, String value, String what) {
        if (f.require(field, value, "set it to the name of the " + what)) {
            objectName(f, field, value);
        }
    }

    /** Retention and count fields: strings holding a whole number of at least 0, e.g. {@code "2"}. */
    static void count(Findings f, String field, String value, String example) {
        String leaf = field.substring(field.lastIndexOf('.') + 1);
        if (!f.require(field, value, "add " + leaf + ": \"" + example + "\"")) {
            return;
        }
        if (!value.matches("\\d{1,10}") || Long.parseLong(value) > Integer.MAX_VALUE) {
            f.add(field, quote(value) + " is not a non-negative integer",
                    "write a whole number of at least 0 as a string, e.g. " + leaf + ": \"" + example + "\"");
        }
    }

    static void recurrenceRule(Findings f, String field, String text) {
        try {
            RecurrenceRule.parse(text);
        } catch (RecurrenceException e) {
            f.add(field, e.reason(), e.fix());
        }
    }

    /**
     * {@code [{source, destination}]}: both set and valid, no source mapped twice, no two sources merged into one
     * destination (the restore would overwrite one with the other).
     */
    /**
     * {@code [{source, destination}]} entries: both names set and valid, each source once. Namespaces map one to one;
     * storage classes may share a destination (merging classes), and a repeated source is told apart as a plain
     * duplicate (same destination) or a contradiction (two destinations).
     */
    static void mappings(Findings f, String field, List<? extends SourceDestination> entries, boolean namespaces) {
        if (entries == null) {
            return;
        }
        String what = namespaces ? "namespace" : "storage class";
        Map<String, Integer> sources = new HashMap<>();
        Map<String, Integer> destinations = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = field + "[" + i + "]";
            SourceDestination entry = entries.get(i);
            if (entry == null) {
                f.add(at, "is empty", "write source: <" + what + "> and destination: <" + what + ">");
                continue;
            }
            boolean source = mappingSide(f, at + ".source", entry.source(), what, namespaces);
            boolean destination = mappingSide(f, at + ".destination", entry.destination(), what, namespaces);
            if (source) {
                repeatedSource(f, field, i, entries, sources, what);
            }
            if (destination && namespaces) {
                Integer first = destinations.putIfAbsent(entry.destination(), i);
                if (first != null) {
                    f.add(at + ".destination", "destination " + what + " " + quote(entry.destination())
                            + " appears twice (also in " + field + "[" + first + "])",
                            "map each source " + what + " to a different destination");
                }
            }
        }
    }

    private static boolean mappingSide(Findings f, String field, String value, String what, boolean namespace) {
        String side = field.substring(field.lastIndexOf('.') + 1);
        if (!f.require(field, value, "set the " + side + " " + what)) {
            return false;
        }
        int before = f.problems().size();
        if (namespace) {
            namespaceName(f, field, value);
        } else {
            objectName(f, field, value);
        }
        return f.problems().size() == before;
    }

    private static void repeatedSource(Findings f, String field, int i, List<? extends SourceDestination> entries,
            Map<String, Integer> seen, String what) {
        SourceDestination entry = entries.get(i);
        Integer first = seen.putIfAbsent(entry.source(), i);
        if (first == null) {
            return;
        }
        String at = field + "[" + i + "].source";
        String earlier = entries.get(first).destination();
        String message = "source " + what + " " + quote(entry.source()) + " appears twice (also in " + field + "["
                + first + "])";
        if (earlier == null || earlier.equals(entry.destination())) {
            f.add(at, message + ", both times to " + quote(entry.destination()),
                    "map each source " + what + " once: delete this repeated entry");
        } else {
            f.add(at, message + " with contradicting destinations " + quote(earlier) + " and "
                    + quote(entry.destination()), "map each source " + what + " once: keep the entry whose"
                    + " destination you want and delete the other");
        }
    }

    static void resourceFilter(Findings f, String field, ResourceFilter filter) {
        if (filter == null) {
            return;
        }
        String criteria = filter.resourceSelectionCriteria();
        if (f.require(field + ".resourceSelectionCriteria", criteria, "set it to Include or Exclude")
                && SelectionCriteria.parse(criteria).isEmpty()) {
            f.add(field + ".resourceSelectionCriteria", quote(criteria) + " is not Include or Exclude",
                    "write Include or Exclude (case-sensitive)");
        }
    }

    static void labelSelector(Findings f, String field, LabelSelector selector) {
        if (selector == null || selector.getMatchExpressions() == null) {
            return;
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        for (int i = 0; i < expressions.size(); i++) {
            String at = field + ".matchExpressions[" + i + "]";
            LabelSelectorRequirement requirement = expressions.get(i);
            f.require(at + ".key", requirement.getKey(), "set the label key to match");
            String operator = requirement.getOperator();
            boolean hasValues = requirement.getValues() != null && !requirement.getValues().isEmpty();
            if (!SELECTOR_OPERATORS.contains(operator)) {
                f.add(at + ".operator", quote(String.valueOf(operator)) + " is not a label selector operator",
                        "use In, NotIn, Exists or DoesNotExist");
            } else if (operator.endsWith("In") && !hasValues) {
                f.add(at + ".values", "is empty but operator " + operator + " needs values", "list the label values");
            } else if (!operator.endsWith("In") && hasValues) {
                f.add(at + ".values", "must be empty with operator " + operator, "remove the values");
            }
        }
    }

    /** Malformed transformations, as the restore would refuse them ({@link Transformations#check}). */
    static void transformations(Findings f, String field, List<ResourceTransformation> entries) {
        for (RestoreProblem problem : Transformations.check("", field, entries)) {
            f.add(problem.field(), problem.reason(), problem.fix());
        }
    }

    /** Archive paths come from users and address objects in a bucket: relative, no '..', no empty segments. */
    static void archivePath(Findings f, String field, String value) {
        if (!f.require(field, value, "set it to the snapshot's status.appArchivePath")) {
            return;
        }
        String fix = "use the path relative to the vault exactly as status.appArchivePath shows it,"
                + " e.g. my-app_<uid>/snapshots/<yyyyMMddHHmmss>_<name>_<uid>";
        if (value.startsWith("/") || value.contains("\\")) {
            f.add(field, quote(value) + " is not a relative path", fix);
            return;
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                f.add(field, quote(value) + " has an empty, '.' or '..' segment", fix);
                return;
            }
        }
    }
}
