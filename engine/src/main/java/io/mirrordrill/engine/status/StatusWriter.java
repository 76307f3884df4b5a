package io.mirrordrill.engine.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;

/**
 * Writes a protect resource's status through the status subresource, beside the object exactly as it was read (so
 * fields this model does not bind survive), with the resourceVersion read: a concurrent change is a
 * {@link io.mirrordrill.port.kubernetes.ConflictException} for the caller to answer by looking again. A status
 * equal to the one there is not written: an unchanged resource costs no write.
 */
public final class StatusWriter {
    private StatusWriter() {}

    /** @return the object as stored afterwards ({@code found} itself when nothing changed) */
    public static GenericKubernetesResource write(KubernetesPort kubernetes, GenericKubernetesResource found,
                                                  ProtectResource<?, ?> withStatus) {
        Object status = ProtectYaml.toGeneric(withStatus).getAdditionalProperties().get("status");
        Object current = found.getAdditionalProperties().get("status");
        if (Resources.mapper().valueToTree(status == null ? java.util.Map.of() : status)
                .equals(Resources.mapper().valueToTree(current == null ? java.util.Map.of() : current))) {
            return found;
        }
        GenericKubernetesResource next = Resources.toGeneric(found);
        next.getAdditionalProperties().put("status", status);
        return kubernetes.updateStatus(next);
    }
}
