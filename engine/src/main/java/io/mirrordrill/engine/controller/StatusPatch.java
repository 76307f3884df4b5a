package io.mirrordrill.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.Iterator;
import java.util.Map;

/**
 * The engine's one status write: a JSON merge patch (RFC 7386) to the status subresource, computed from the status
 * as read and the typed status wanted, with the resourceVersion read as a precondition. Only what changed is sent
 * (a field no longer set is sent as null, which removes it), so status fields this model does not bind survive; a
 * concurrent change is a {@link io.mirrordrill.port.kubernetes.ConflictException}, answered by looking again. A
 * status equal to the one there is not written: an unchanged resource costs no write and wakes no watch.
 */
public final class StatusPatch {
    private StatusPatch() {}

    /** @return the object as stored afterwards ({@code found} itself when nothing changed) */
    public static GenericKubernetesResource write(KubernetesPort kubernetes, GenericKubernetesResource found,
                                                  ProtectResource<?, ?> withStatus) {
        return patch(kubernetes, found, statusTree(withStatus));
    }

    /**
     * The status alone as the resource's tree holds it: the record's tree is already what a read-back gives (ints,
     * longs, doubles, strings, times as text), so it needs no round trip through a generic resource.
     */
    static JsonNode statusTree(ProtectResource<?, ?> withStatus) {
        Object status = withStatus.status();
        return status == null ? NullNode.getInstance() : ProtectYaml.toTree(status);
    }

    /** As {@link #write(KubernetesPort, GenericKubernetesResource, ProtectResource)}, for a status tree. */
    public static GenericKubernetesResource write(KubernetesPort kubernetes, GenericKubernetesResource found,
                                                  JsonNode status) {
        // as read back: any node type a caller built becomes the one Jackson reads
        return patch(kubernetes, found, Resources.mapper().valueToTree(
                Resources.mapper().convertValue(status, Object.class)));
    }

    private static GenericKubernetesResource patch(KubernetesPort kubernetes, GenericKubernetesResource found,
                                                   JsonNode status) {
        JsonNode before = Resources.valueTree(found.getAdditionalProperties().get("status"));
        ObjectNode from = before instanceof ObjectNode o ? o : Resources.mapper().createObjectNode();
        ObjectNode to = status instanceof ObjectNode o ? o : Resources.mapper().createObjectNode();
        if (from.equals(to)) {
            return found;
        }
        ObjectNode patch = Resources.mapper().createObjectNode();
        patch.putObject("metadata").put("resourceVersion", found.getMetadata().getResourceVersion());
        patch.set("status", diff(from, to));
        return kubernetes.patchStatus(found.getApiVersion(), found.getKind(), found.getMetadata().getNamespace(),
                found.getMetadata().getName(), patch.toString());
    }

    /** The merge patch that turns {@code from} into {@code to}: objects recurse, anything else is replaced. */
    static ObjectNode diff(ObjectNode from, ObjectNode to) {
        ObjectNode patch = Resources.mapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = to.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode old = from.get(field.getKey());
            if (field.getValue().equals(old)) {
                continue;
            }
            patch.set(field.getKey(), old instanceof ObjectNode o && field.getValue() instanceof ObjectNode n
                    && !n.isEmpty() ? diff(o, n) : field.getValue());
        }
        for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!to.has(name)) {
                patch.set(name, NullNode.getInstance());
            }
        }
        return patch;
    }
}
