package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.ResourceKind;

/**
 * The PVC update validation ({@code ValidatePersistentVolumeClaimUpdate}): a claim's spec is immutable after
 * creation except {@code resources.requests} (checked by {@link ClaimResize}) and
 * {@code volumeAttributesClassName}, and {@code volumeName}, which may be set once while it is empty (binding). So a
 * claim bound to one volume cannot be pointed at another.
 */
final class ClaimSpecUpdate {
    private ClaimSpecUpdate() {}

    static void admit(ResourceKind kind, ObjectNode current, ObjectNode next) {
        if (!kind.group().isEmpty() || !kind.kind().equals("PersistentVolumeClaim")) {
            return;
        }
        ObjectNode before = comparable(current, current);
        ObjectNode after = comparable(next, current);
        if (!before.equals(after)) {
            throw Validation.invalid(kind, current.path("metadata").path("namespace").asText(),
                    current.path("metadata").path("name").asText(), "spec: Forbidden: spec is immutable after "
                            + "creation except resources.requests and volumeAttributesClassName for bound claims");
        }
    }

    /** The spec without what may change; a volumeName set on a claim that had none counts as unchanged. */
    private static ObjectNode comparable(ObjectNode claim, ObjectNode current) {
        ObjectNode spec = claim.path("spec").isObject() ? claim.path("spec").deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (spec.path("resources").isObject()) {
            ((ObjectNode) spec.path("resources")).remove("requests");
            if (spec.path("resources").isEmpty()) {
                spec.remove("resources");
            }
        }
        spec.remove("volumeAttributesClassName");
        if (current.path("spec").path("volumeName").asText("").isEmpty()) {
            spec.remove("volumeName");
        }
        return spec;
    }
}
