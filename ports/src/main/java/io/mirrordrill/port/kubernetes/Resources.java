package io.mirrordrill.port.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.Map;
import java.util.Optional;

/** Conversions between typed model classes, {@link GenericKubernetesResource} and JSON trees. */
public final class Resources {
    /** Tolerant of fields a newer server adds, as a client must be. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Resources() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A deep copy of any resource, typed or generic, as a generic one. */
    public static GenericKubernetesResource toGeneric(HasMetadata resource) {
        return MAPPER.convertValue(resource, GenericKubernetesResource.class);
    }

    public static <T extends HasMetadata> T toTyped(GenericKubernetesResource resource, Class<T> type) {
        return MAPPER.convertValue(resource, type);
    }

    public static ObjectNode toTree(HasMetadata resource) {
        if (resource instanceof GenericKubernetesResource generic) {
            Optional<ObjectNode> fast = GenericTrees.toTree(generic, MAPPER);
            if (fast.isPresent()) {
                return fast.get();
            }
        }
        return MAPPER.valueToTree(resource);
    }

    /**
     * A value of a generic resource's fields (maps, lists, scalars) as a tree, as {@code mapper().valueToTree} gives
     * it, walked directly when it is plain.
     */
    public static JsonNode valueTree(Object value) {
        JsonNode fast = GenericTrees.node(value);
        return fast != null ? fast : MAPPER.valueToTree(value);
    }

    /** Reads the tree directly (no intermediate token buffer); the tree is not changed or shared. */
    public static GenericKubernetesResource fromTree(ObjectNode tree) {
        try {
            Optional<GenericKubernetesResource> fast = GenericTrees.fromTree(tree, MAPPER);
            return fast.isPresent() ? fast.get() : MAPPER.treeToValue(tree, GenericKubernetesResource.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Kubernetes resource: " + e.getOriginalMessage(), e);
        }
    }

    /** A generic resource with the given identity and no content yet. */
    public static GenericKubernetesResource generic(String apiVersion, String kind, String namespace, String name) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(apiVersion);
        r.setKind(kind);
        ObjectMeta meta = new ObjectMeta();
        meta.setNamespace(namespace);
        meta.setName(name);
        r.setMetadata(meta);
        return r;
    }

    /** The labels of a resource, never null. */
    public static Map<String, String> labels(HasMetadata resource) {
        Map<String, String> labels = resource.getMetadata() == null ? null : resource.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** {@code namespace/name}, or {@code name} for cluster-scoped objects, for messages and traces. */
    public static String describe(HasMetadata resource) {
        ObjectMeta meta = resource.getMetadata();
        if (meta == null) {
            return "?";
        }
        String name = meta.getName() != null ? meta.getName() : meta.getGenerateName() + "*";
        return meta.getNamespace() == null ? name : meta.getNamespace() + "/" + name;
    }
}
