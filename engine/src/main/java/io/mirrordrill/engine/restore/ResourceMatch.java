package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.model.TransformedResource;

/**
 * Which restored resources a transformation modifies: its {@code resource: {kind, group, version, name}}. Kind must
 * equal; an absent or empty group, version or name matches any (the documentation's own example writes
 * {@code group: ""} and {@code name: ""} to mean "not restricted", and selects Deployments by kind alone).
 */
public record ResourceMatch(String kind, String group, String version, String name) {

    static ResourceMatch of(TransformedResource resource) {
        return new ResourceMatch(resource.kind(), resource.group(), resource.version(), resource.name());
    }

    public boolean matches(JsonNode resource) {
        return kind.equals(Trees.kind(resource)) && any(group, Trees.group(resource))
                && any(version, version(resource)) && any(name, Trees.name(resource));
    }

    private static boolean any(String wanted, String actual) {
        return wanted == null || wanted.isEmpty() || wanted.equals(actual);
    }

    private static String version(JsonNode resource) {
        String apiVersion = Trees.apiVersion(resource);
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "{kind: " + kind + ", group: " + group + ", version: " + version + ", name: " + name + "}";
    }
}
