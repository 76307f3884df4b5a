package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A destination namespace after the merge.
 *
 * @param existed whether the destination namespace existed before the restore (update) or not (create)
 */
public record MergedNamespace(String source, NamespaceMetadata result, boolean existed,
        List<MetadataDecision> decisions) {
    public MergedNamespace {
        decisions = List.copyOf(decisions);
    }

    public String destination() {
        return result.name();
    }

    /** The Namespace resource to create, or whose labels and annotations replace the destination's. */
    public ObjectNode toResource() {
        ObjectNode namespace = Trees.NODES.objectNode();
        namespace.put("apiVersion", "v1").put("kind", "Namespace");
        ObjectNode metadata = namespace.putObject("metadata").put("name", result.name());
        if (!result.labels().isEmpty()) {
            result.labels().forEach(metadata.putObject("labels")::put);
        }
        if (!result.annotations().isEmpty()) {
            result.annotations().forEach(metadata.putObject("annotations")::put);
        }
        return namespace;
    }
}
