package io.mirrordrill.scenario.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Variables whose values name each other in a circle ({@code A: "${B}"}, {@code B: "${A}"}) have no value: rendering
 * would leave a literal {@code ${B}} in a resource. Each cycle is reported once, at the first of its variables.
 */
final class VariableCycles {
    private VariableCycles() {
    }

    static void check(Node varsNode, Map<String, String> vars) {
        List<String> reported = new ArrayList<>();
        for (String start : vars.keySet()) {
            List<String> path = new ArrayList<>(List.of(start));
            List<String> cycle = walk(start, vars, path);
            if (cycle != null && cycle.get(0).equals(start) && cycle.stream().noneMatch(reported::contains)) {
                reported.addAll(cycle);
                Node at = varsNode.has(start) ? varsNode.get(start) : varsNode;
                at.problem("variables refer to each other in a cycle: " + String.join(" -> ", cycle) + " -> " + start
                        + ", so ${" + start + "} never gets a value", "give one of " + cycle + " a plain value");
            }
        }
    }

    /** The cycle reached from {@code name} (the variables on it, in order), or null. */
    private static List<String> walk(String name, Map<String, String> vars, List<String> path) {
        for (String next : referenced(vars.get(name))) {
            if (!vars.containsKey(next)) {
                continue;
            }
            int seen = path.indexOf(next);
            if (seen >= 0) {
                return new ArrayList<>(path.subList(seen, path.size()));
            }
            path.add(next);
            List<String> cycle = walk(next, vars, path);
            path.remove(path.size() - 1);
            if (cycle != null) {
                return cycle;
            }
        }
        return null;
    }

    private static List<String> referenced(String value) {
        List<String> names = new ArrayList<>();
        try {
            Template.references(value == null ? "" : value).stream().filter(Template.Reference::isVariable)
                    .forEach(r -> names.add(r.variable()));
        } catch (IllegalArgumentException malformed) {
            // reported where the value is used
        }
        return names;
    }
}
