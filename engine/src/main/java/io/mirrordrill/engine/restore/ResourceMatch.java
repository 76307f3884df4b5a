package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which restored resources a transformation applies to; a null field matches anything. {@code group} is the API
 * group ({@code ""} is the core group, so {@code v1} Services), {@code namespace} the destination namespace.
 */
public record ResourceMatch(String group, String kind, String name, String namespace) {
    public static final ResourceMatch ANY = new ResourceMatch(null, null, null, null);

    public boolean matches(JsonNode resource) {
        return (group == null || group.equals(Trees.group(resource)))
                && (kind == null || kind.equals(Trees.kind(resource)))
                && (name == null || name.equals(Trees.name(resource)))
                && (namespace == null || namespace.equals(Trees.namespace(resource)));
    }

    @Override
    public String toString() {
        return "{group: " + group + ", kind: " + kind + ", name: " + name + ", namespace: " + namespace + "}";
    }
}
