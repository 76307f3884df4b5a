package io.mirrordrill.runtime;

/** Identifies the resource a controller works on; namespace is empty for cluster-scoped kinds. */
public record ResourceKey(String kind, String namespace, String name) implements Comparable<ResourceKey> {
    public ResourceKey {
        namespace = namespace == null ? "" : namespace;
    }

    @Override
    public int compareTo(ResourceKey o) {
        return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
        return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
