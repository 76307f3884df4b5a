package io.mirrordrill.engine.controller;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds or removes the engine's finalizer with a merge patch on {@code metadata.finalizers} (the whole list, as a merge
 * patch replaces arrays) and the resourceVersion read as a precondition: a finalizer someone else added meanwhile is
 * never lost, the write fails with a conflict instead. Only the runtime calls this.
 */
public final class Finalizers {
    private Finalizers() {}

    public static boolean has(GenericKubernetesResource found, String finalizer) {
        List<String> finalizers = found.getMetadata().getFinalizers();
        return finalizers != null && finalizers.contains(finalizer);
    }

    /** @return the object as stored afterwards ({@code found} itself when nothing changed) */
    public static GenericKubernetesResource set(KubernetesPort kubernetes, GenericKubernetesResource found,
                                                String finalizer, boolean present) {
        if (has(found, finalizer) == present) {
            return found;
        }
        List<String> next = new ArrayList<>(found.getMetadata().getFinalizers() == null ? List.of()
                : found.getMetadata().getFinalizers());
        if (present) {
            next.add(finalizer);
        } else {
            next.remove(finalizer);
        }
        ObjectNode patch = Resources.mapper().createObjectNode();
        ObjectNode meta = patch.putObject("metadata");
        if (next.isEmpty()) {
            meta.putNull("finalizers");
        } else {
            ArrayNode list = meta.putArray("finalizers");
            next.forEach(list::add);
        }
        meta.put("resourceVersion", found.getMetadata().getResourceVersion());
        return kubernetes.patch(found.getApiVersion(), found.getKind(), found.getMetadata().getNamespace(),
                found.getMetadata().getName(), patch.toString());
    }
}
