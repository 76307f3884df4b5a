package io.mirrordrill.engine.model.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * An unknown field is usually the other half of a problem the kind's rules find: {@code snapshotRetenton} is why
 * {@code snapshotRetention} is missing. One mistake is told once (a sibling is a field of the same object the rules
 * report missing):
 * <ul>
 *   <li>a rule's finding on the same field already says it is not a field there (in its own words): it is kept;</li>
 *   <li>an unknown field spelt like a sibling the rules report (a typo, a case slip) replaces that finding: its fix
 *       names the right spelling;</li>
 *   <li>an unknown field beside a sibling the rules report, spelt otherwise, is named in that finding.</li>
 * </ul>
 */
final class UnknownFields {
    private UnknownFields() {
    }

    static List<Problem> merge(List<Problem> rules, List<Problem> unknown) {
        List<Problem> out = new ArrayList<>(rules);
        List<Problem> alone = new ArrayList<>();
        for (Problem u : unknown) {
            if (out.stream().anyMatch(p -> p.field().equals(u.field()))) {
                continue;
            }
            Problem sibling = out.stream().filter(p -> parent(p.field()).equals(parent(u.field()))
                    && p.message().startsWith("is missing")).findFirst().orElse(null);
            if (sibling == null) {
                alone.add(u);
            } else if (Spelling.near(leaf(u.field()), leaf(sibling.field()))) {
                out.set(out.indexOf(sibling), u);
            } else {
                out.set(out.indexOf(sibling), new Problem(sibling.source(), sibling.line(), sibling.resource(),
                        sibling.field(), sibling.message() + " (the file has unknown field " + Findings.quote(
                        u.field()) + " beside it)", sibling.fix()));
            }
        }
        out.addAll(alone);
        return out;
    }

    private static String parent(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? "" : field.substring(0, dot);
    }

    private static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
