package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of a ClusterRole and Roles as RBAC's authorizer applies them: a request (verb, API group, resource or
 * resource/subresource, namespace) is allowed when a rule lists its group, resource and verb (or "*"); a Role's
 * rules apply in its namespace only. (Bindings are not checked: deploy/rbac.yaml binds each role to the one
 * ServiceAccount.)
 */
record RbacRules(List<Rule> rules) {
    record Rule(String namespace, Set<String> apiGroups, Set<String> resources, Set<String> verbs) {
        boolean allows(String verb, String group, String resource, String ns) {
            return (namespace == null || namespace.equals(ns)) && matches(apiGroups, group)
                    && matches(resources, resource) && matches(verbs, verb);
        }

        private static boolean matches(Set<String> granted, String wanted) {
            return granted.contains("*") || granted.contains(wanted);
        }
    }

    static RbacRules read(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Rule> rules = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            for (JsonNode doc : yaml.readValues(parser, JsonNode.class).readAll()) {
                String kind = doc.path("kind").asText();
                if (!kind.equals("ClusterRole") && !kind.equals("Role")) {
                    continue;
                }
                String ns = kind.equals("Role") ? doc.path("metadata").path("namespace").asText() : null;
                for (JsonNode r : doc.path("rules")) {
                    rules.add(new Rule(ns, strings(r.path("apiGroups")), strings(r.path("resources")),
                            strings(r.path("verbs"))));
                }
            }
        }
        return new RbacRules(rules);
    }

    boolean allows(String verb, String group, String resource, String namespace) {
        return rules.stream().anyMatch(r -> r.allows(verb, group, resource, namespace));
    }

    /**
     * Every (group, resource, verb) a ClusterRole rule names, as "group resource verb" ("core" for the empty group);
     * a namespaced Role's rules (the leader Lease's) are left out.
     */
    Set<String> clusterGrants() {
        Set<String> out = new TreeSet<>();
        for (Rule r : rules) {
            if (r.namespace() != null) {
                continue;
            }
            for (String g : r.apiGroups()) {
                for (String res : r.resources()) {
                    for (String v : r.verbs()) {
                        out.add(key(g, res, v));
                    }
                }
            }
        }
        return out;
    }

    static String key(String group, String resource, String verb) {
        return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Path deployDirectory() {
        for (Path p : List.of(Path.of("..", "deploy"), Path.of("deploy"))) {
            if (Files.isDirectory(p.resolve("crds"))) {
                return p;
            }
        }
        throw new IllegalStateException("no deploy/ directory next to " + Path.of("").toAbsolutePath());
    }
}
