package io.mirrordrill.port.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * One change seen by a watch. For a DELETED event the object is its last state, carrying the resourceVersion of the
 * deletion; an object that stops matching a watch's selector arrives as DELETED, one that starts matching as ADDED.
 */
public record WatchEvent(Type type, GenericKubernetesResource object) {
    public enum Type { ADDED, MODIFIED, DELETED }

    public String resourceVersion() {
        return object.getMetadata().getResourceVersion();
    }

    @Override
    public String toString() {
        return type + " " + object.getKind() + " " + Resources.describe(object) + " rv="
                + object.getMetadata().getResourceVersion();
    }
}
