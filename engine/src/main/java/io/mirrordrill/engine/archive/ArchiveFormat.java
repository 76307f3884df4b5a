package io.mirrordrill.engine.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The bytes of an archive, format version 1: one JSON document per part ({@value #RESOURCES}, {@value #NAMESPACES},
 * {@value #VOLUMES}, {@value #HOOKS}) and the manifest. JSON is canonical (keys sorted at every level, two-space
 * indent, '\n' line ends, UTF-8), so the same content always gives the same bytes and checksums, and a retried
 * write can tell its own objects from someone else's.
 */
final class ArchiveFormat {
    static final String RESOURCES = "resources.json";
    static final String NAMESPACES = "namespaces.json";
    static final String VOLUMES = "volumes.json";
    static final String HOOKS = "hooks.json";
    static final List<String> PARTS = List.of(HOOKS, NAMESPACES, RESOURCES, VOLUMES);

    private static final ObjectMapper MAPPER = Resources.mapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private ArchiveFormat() {}

    /** Every part of the content, by object name. */
    static SortedMap<String, byte[]> serialize(ArchiveContent content) {
        SortedMap<String, byte[]> parts = new TreeMap<>();
        parts.put(RESOURCES, write(MAPPER.valueToTree(content.resources())));
        parts.put(NAMESPACES, write(MAPPER.valueToTree(content.namespaces())));
        parts.put(VOLUMES, write(MAPPER.valueToTree(content.volumes())));
        parts.put(HOOKS, write(MAPPER.valueToTree(content.hooks())));
        return parts;
    }

    /** The content back from its parts; a part that does not parse is named in the exception. */
    static ArchiveContent deserialize(ArchivePath path, Map<String, byte[]> parts) {
        List<GenericKubernetesResource> resources = new ArrayList<>();
        for (JsonNode r : array(path, RESOURCES, parts.get(RESOURCES))) {
            resources.add(MAPPER.convertValue(r, GenericKubernetesResource.class));
        }
        return new ArchiveContent(resources, list(path, NAMESPACES, parts, NamespaceMetadata.class),
                list(path, VOLUMES, parts, VolumeSnapshotEntry.class), list(path, HOOKS, parts, HookResult.class));
    }

    /** The resources and namespaces parts alone, as a capture staged before the rest of the archive exists. */
    static StagedCapture capture(ArchivePath path, Map<String, byte[]> parts) {
        List<GenericKubernetesResource> resources = new ArrayList<>();
        for (JsonNode r : array(path, RESOURCES, parts.get(RESOURCES))) {
            resources.add(MAPPER.convertValue(r, GenericKubernetesResource.class));
        }
        return new StagedCapture(resources, list(path, NAMESPACES, parts, NamespaceMetadata.class));
    }

    static byte[] manifest(Manifest manifest) {
        ArchivePath a = manifest.archive();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("formatVersion", manifest.formatVersion());
        root.put("path", a.path());
        root.put("createdAt", a.createdAt().toString());
        root.putObject("application").put("name", a.appName()).put("uid", a.appUid());
        root.putObject("snapshot").put("name", a.snapshotName()).put("uid", a.snapshotUid());
        ArrayNode objects = root.putArray("objects");
        manifest.objects().forEach(e -> objects.addObject().put("name", e.name()).put("sha256", e.sha256())
                .put("size", e.size()));
        return write(root);
    }

    /** Reads a manifest and checks that it describes the archive it was found in. */
    static Manifest parseManifest(ArchivePath expected, byte[] bytes) {
        String key = expected.key(Manifest.OBJECT_NAME);
        JsonNode root = tree(expected, Manifest.OBJECT_NAME, bytes);
        int version = root.path("formatVersion").asInt(-1);
        if (version != Manifest.FORMAT_VERSION) {
            throw new CorruptArchiveException(expected.path(), key, null, null, "has format version "
                    + root.path("formatVersion") + "; this mirrordrill reads version " + Manifest.FORMAT_VERSION);
        }
        ArchivePath named;
        try {
            named = new ArchivePath(root.path("application").path("name").asText(null),
                    root.path("application").path("uid").asText(null),
                    Instant.parse(root.path("createdAt").asText("")), root.path("snapshot").path("name").asText(null),
                    root.path("snapshot").path("uid").asText(null));
        } catch (ArchivePathException | DateTimeParseException e) {
            throw new CorruptArchiveException(expected.path(), key, null, null, "names no valid archive: "
                    + e.getMessage());
        }
        if (!named.equals(expected) || !expected.path().equals(root.path("path").asText())) {
            throw new CorruptArchiveException(expected.path(), key, null, null, "describes archive " + named
                    + ", not the one it is stored in");
        }
        List<Manifest.Entry> entries = new ArrayList<>();
        for (JsonNode e : root.path("objects")) {
            entries.add(new Manifest.Entry(e.path("name").asText(), e.path("sha256").asText(),
                    e.path("size").asLong(-1)));
        }
        return new Manifest(version, named, entries);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static <T> List<T> list(ArchivePath path, String name, Map<String, byte[]> parts, Class<T> type) {
        List<T> items = new ArrayList<>();
        for (JsonNode item : array(path, name, parts.get(name))) {
            try {
                items.add(MAPPER.treeToValue(item, type));
            } catch (JsonProcessingException e) {
                throw new CorruptArchiveException(path.path(), path.key(name), null, null,
                        "holds an entry that is not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
            }
        }
        return items;
    }

    private static JsonNode array(ArchivePath path, String name, byte[] bytes) {
        JsonNode node = tree(path, name, bytes);
        if (!node.isArray()) {
            throw new CorruptArchiveException(path.path(), path.key(name), null, null, "is not a JSON array");
        }
        return node;
    }

    private static JsonNode tree(ArchivePath path, String name, byte[] bytes) {
        try {
            JsonNode node = bytes == null ? null : MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new CorruptArchiveException(path.path(), path.key(name), null, null, "is empty");
            }
            return node;
        } catch (IOException e) {
            throw new CorruptArchiveException(path.path(), path.key(name), null, null, "is not JSON: "
                    + e.getClass().getSimpleName());
        }
    }

    private static byte[] write(JsonNode tree) {
        try {
            return (MAPPER.writer(PRETTY).writeValueAsString(canonical(tree)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The tree with the keys of every object sorted. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            names.forEach(n -> sorted.set(n, canonical(node.get(n))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return node;
    }
}
