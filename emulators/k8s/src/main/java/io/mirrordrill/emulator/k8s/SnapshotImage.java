package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A cluster's etcd keyspace at one revision: every stored object under the key the API server would give it, in key
 * order, and the cluster it was taken from (the control-plane node's hostname).
 */
record SnapshotImage(String cluster, long revision, List<Entry> entries) {
    SnapshotImage {
        entries = List.copyOf(entries);
    }

    /** One key: where the API server stores the object, the kind it was written as, and the object. */
    record Entry(String key, String apiVersion, String kind, ObjectNode object) {
    }

    /** The etcd key Kubernetes uses: {@code /registry[/<group>]/<plural>[/<namespace>]/<name>}. */
    static String key(String group, String plural, String namespace, String name) {
        return "/registry/" + (group.isEmpty() ? "" : group + "/") + plural + "/"
                + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
