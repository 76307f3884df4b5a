package io.mirrordrill.emulator.k8s;

import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.NavigableMap;
import java.util.SortedMap;

/**
 * Where an object is stored: its group-qualified resource (all versions of a kind share storage, as in etcd), its
 * namespace ("" for cluster-scoped objects) and its name. Ordered, so listings and namespace cleanup are stable.
 */
record ObjectKey(String resource, String namespace, String name) implements Comparable<ObjectKey> {
    static ObjectKey of(ResourceKind kind, String namespace, String name) {
        return new ObjectKey(kind.resource(), kind.namespaced() && namespace != null ? namespace : "", name);
    }

    /**
     * The objects of a kind, in one namespace or in all (null): a slice of the key order, so a listing costs what
     * it returns, not what the whole cluster holds. A name never starts with NUL, nor does a namespace.
     */
    static <V> SortedMap<ObjectKey, V> range(ResourceKind kind, String namespace, NavigableMap<ObjectKey, V> objects) {
        String resource = kind.resource();
        if (namespace == null || !kind.namespaced()) {
            return objects.subMap(new ObjectKey(resource, "", ""), new ObjectKey(resource + "\0", "", ""));
        }
        return objects.subMap(new ObjectKey(resource, namespace, ""), new ObjectKey(resource, namespace + "\0", ""));
    }

    /** The namespace, or null for cluster-scoped objects, as the port's exceptions carry it. */
    String namespaceOrNull() {
        return namespace.isEmpty() ? null : namespace;
    }

    /** Resource, then namespace, then name (written out: every store access compares keys). */
    @Override
    public int compareTo(ObjectKey o) {
        int c = resource.compareTo(o.resource);
        if (c == 0) {
            c = namespace.compareTo(o.namespace);
        }
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return resource + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
