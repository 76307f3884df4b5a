package io.mirrordrill.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.engine.status.ReadyCondition;
import io.mirrordrill.port.kubernetes.Resources;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The status of a protect resource whose spec does not bind to the model (a field of the wrong type), written as
 * a tree since nothing of it binds: {@code state} Failed (or the kind's own failed state), the binding message as {@code error}, and a False
 * {@code Ready} condition (reason {@code InvalidSpec}) whose lastTransitionTime moves only when it flips. Everything
 * else of the status is kept; it goes out through the one {@link StatusPatch} (not at all when unchanged).
 */
public final class UnboundStatus {
    private UnboundStatus() {}

    /**
     * A resource whose spec does not bind: Failed with the binding's message, nothing else done until the spec
     * changes. Being deleted, the finalizer goes: with nothing known of the resource no cleanup could release it.
     */
    public static void settle(KubernetesPort kubernetes, GenericKubernetesResource found, String message, Instant now,
                              String failedState, String finalizer) {
        if (found.getMetadata().getDeletionTimestamp() == null) {
            fail(kubernetes, found, message, now, failedState);
        } else if (finalizer != null) {
            Finalizers.set(kubernetes, found, finalizer, false);
        }
    }

    public static void fail(KubernetesPort kubernetes, GenericKubernetesResource found, String message, Instant now,
                            String failedState) {
        JsonNode before = Resources.mapper().valueToTree(found.getAdditionalProperties().get("status"));
        ObjectNode status = before instanceof ObjectNode o ? o.deepCopy() : Resources.mapper().createObjectNode();
        status.put("state", failedState).put("error", message);
        ArrayNode conditions = status.get("conditions") instanceof ArrayNode a ? a : status.putArray("conditions");
        ObjectNode ready = null;
        for (JsonNode c : conditions) {
            if (ReadyCondition.TYPE.equals(c.path("type").asText()) && c instanceof ObjectNode o) {
                ready = o;
            }
        }
        if (ready == null) {
            ready = conditions.addObject().put("type", ReadyCondition.TYPE);
        }
        if (!"False".equals(ready.path("status").asText())) {
            ready.put("lastTransitionTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        ready.put("status", "False").put("reason", "InvalidSpec").put("message", message);
        if (found.getMetadata().getGeneration() != null) {
            ready.put("observedGeneration", found.getMetadata().getGeneration());
        }
        StatusPatch.write(kubernetes, found, status);
    }
}
