package io.mirrordrill.engine.archive;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A captured namespace's labels and annotations, which a restore merges into the destination namespace. */
public record NamespaceMetadata(String name, SortedMap<String, String> labels, SortedMap<String, String> annotations) {
    public NamespaceMetadata {
        labels = sorted(labels);
        annotations = sorted(annotations);
    }

    public static NamespaceMetadata of(String name, Map<String, String> labels, Map<String, String> annotations) {
        return new NamespaceMetadata(name, labels == null ? null : new TreeMap<>(labels),
                annotations == null ? null : new TreeMap<>(annotations));
    }

    private static SortedMap<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }
}
