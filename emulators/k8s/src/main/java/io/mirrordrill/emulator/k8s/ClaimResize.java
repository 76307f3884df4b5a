package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.Optional;
import java.util.function.Function;

/**
 * What the API server admits when a claim's {@code spec.resources.requests.storage} changes: the PVC update
 * validation (only a bound claim may change it, and not below its previous value: the rule without
 * RecoverVolumeExpansionFailure) and the PersistentVolumeClaimResize admission plugin (the claim's class must allow
 * volume expansion), with Kubernetes' messages. Growing the volume is the resizer's business afterwards.
 */
final class ClaimResize {
    private ClaimResize() {}

    /** @param storageClass the cluster's StorageClass of that name, if any */
    static void admit(ResourceKind kind, ObjectNode current, ObjectNode next,
                      Function<String, Optional<ObjectNode>> storageClass) {
        if (!kind.group().isEmpty() || !kind.kind().equals("PersistentVolumeClaim")) {
            return;
        }
        String before = current.path("spec").path("resources").path("requests").path("storage").asText("");
        String after = next.path("spec").path("resources").path("requests").path("storage").asText("");
        if (before.isEmpty() || after.isEmpty() || bytes(before) == bytes(after)) {
            return;
        }
        String name = current.path("metadata").path("name").asText();
        String namespace = current.path("metadata").path("namespace").asText();
        if (current.path("spec").path("volumeName").asText("").isEmpty()
                || !"Bound".equals(current.path("status").path("phase").asText())) {
            throw Validation.invalid(kind, namespace, name, "spec: Forbidden: spec is immutable after creation except"
                    + " resources.requests and volumeAttributesClassName for bound claims");
        }
        if (bytes(after) < bytes(before)) {
            throw Validation.invalid(kind, namespace, name,
                    "spec.resources.requests.storage: Forbidden: field can not be less than previous value");
        }
        String className = current.path("spec").path("storageClassName").asText("");
        boolean expandable = storageClass.apply(className).map(sc -> sc.path("allowVolumeExpansion"))
                .filter(JsonNode::isBoolean).map(JsonNode::asBoolean).orElse(false);
        if (!expandable) {
            throw new KubernetesException(403, "Forbidden", kind.resource() + " \"" + name + "\" is forbidden: only"
                    + " dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must"
                    + " support resize", kind.kind(), namespace, name);
        }
    }

    private static long bytes(String quantity) {
        try {
            return Quantity.getAmountInBytes(new Quantity(quantity)).longValue();
        } catch (IllegalArgumentException | ArithmeticException unreadable) {
            return -1;  // the schema's validation reports it
        }
    }
}
