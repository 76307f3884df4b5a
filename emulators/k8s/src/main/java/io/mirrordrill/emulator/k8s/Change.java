package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.ResourceKind;

/**
 * One committed write, the unit of the watch history: the state before (null on create) and after (null on removal),
 * at the cluster-wide revision it was given. A removal's {@code before} carries that revision.
 */
record Change(ResourceKind kind, ObjectKey key, ObjectNode before, ObjectNode after, long revision) {
}
