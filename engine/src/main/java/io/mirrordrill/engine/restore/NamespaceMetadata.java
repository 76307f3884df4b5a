package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A namespace's name, labels and annotations: what the restore reads and writes of a namespace. Maps are sorted. */
public record NamespaceMetadata(String name, SortedMap<String, String> labels, SortedMap<String, String> annotations) {
    public NamespaceMetadata {
        labels = sorted(labels);
        annotations = sorted(annotations);
    }

    public static NamespaceMetadata of(String name, Map<String, String> labels, Map<String, String> annotations) {
        return new NamespaceMetadata(name, labels == null ? null : new TreeMap<>(labels),
                annotations == null ? null : new TreeMap<>(annotations));
    }

    /** A namespace that does not exist yet. */
    public static NamespaceMetadata empty(String name) {
        return of(name, Map.of(), Map.of());
    }

    /** Name, labels and annotations of a Namespace resource tree; non-text values are read as text. */
    public static NamespaceMetadata fromNamespace(JsonNode namespace) {
        JsonNode metadata = namespace.path("metadata");
        return new NamespaceMetadata(metadata.path("name").asText(""), textMap(metadata.get("labels")),
                textMap(metadata.get("annotations")));
    }

    private static SortedMap<String, String> textMap(JsonNode node) {
        SortedMap<String, String> map = new TreeMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }

    private static SortedMap<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }
}
