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
import java.util.Collections;
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

    /*
     * What was computed from an object's bytes, by content (ContentMemo): the same bytes give the same answer, so a
     * reader still reads every object and checks every checksum, and only the arithmetic is not done twice.
     */
    private static final ContentMemo<String> DIGESTS = new ContentMemo<>(1024);
    private static final ContentMemo<ParsedManifest> MANIFESTS = new ContentMemo<>(256);
    private static final ContentMemo<JsonNode> RESOURCE_TREES = new ContentMemo<>(64);
    private static final ContentMemo<List<NamespaceMetadata>> NAMESPACE_LISTS = new ContentMemo<>(64);
    private static final ContentMemo<List<VolumeSnapshotEntry>> VOLUME_LISTS = new ContentMemo<>(256);
    private static final ContentMemo<List<HookResult>> HOOK_LISTS = new ContentMemo<>(64);

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
        return new ArchiveContent(resources(path, parts.get(RESOURCES)),
                list(path, NAMESPACES, parts, NAMESPACE_LISTS, NamespaceMetadata.class),
                list(path, VOLUMES, parts, VOLUME_LISTS, VolumeSnapshotEntry.class),
                list(path, HOOKS, parts, HOOK_LISTS, HookResult.class));
    }

    /** The resources and namespaces parts alone, as a capture staged before the rest of the archive exists. */
    static StagedCapture capture(ArchivePath path, Map<String, byte[]> parts) {
        return new StagedCapture(resources(path, parts.get(RESOURCES)),
                list(path, NAMESPACES, parts, NAMESPACE_LISTS, NamespaceMetadata.class));
    }

    /**
     * The resources of a part, new objects on every call (a resource is mutable, so none is shared between
     * callers); only the parsed tree, which never leaves this class, is remembered.
     */
    private static List<GenericKubernetesResource> resources(ArchivePath path, byte[] bytes) {
        JsonNode array = RESOURCE_TREES.get(bytes, b -> array(path, RESOURCES, b));
        List<GenericKubernetesResource> resources = new ArrayList<>(array.size());
        for (JsonNode r : array) {
            resources.add(r instanceof ObjectNode tree ? Resources.fromTree(tree)
                    : MAPPER.convertValue(r, GenericKubernetesResource.class));
        }
        return resources;
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
        ParsedManifest parsed = MANIFESTS.get(bytes, b -> parse(expected, b));
        Manifest manifest = parsed.manifest();
        if (!manifest.archive().equals(expected) || !parsed.pathMatches()) {
            throw new CorruptArchiveException(expected.path(), expected.key(Manifest.OBJECT_NAME), null, null,
                    "describes archive " + manifest.archive() + ", not the one it is stored in");
        }
        return manifest;
    }

    /** A manifest as its bytes say, and whether its {@code path} field names the archive it describes. */
    private record ParsedManifest(Manifest manifest, boolean pathMatches) {}

    /** The manifest alone; only a failure names {@code expected}, so the result holds for any archive path. */
    private static ParsedManifest parse(ArchivePath expected, byte[] bytes) {
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
        List<Manifest.Entry> entries = new ArrayList<>();
        for (JsonNode e : root.path("objects")) {
            entries.add(new Manifest.Entry(e.path("name").asText(), e.path("sha256").asText(),
                    e.path("size").asLong(-1)));
        }
        return new ParsedManifest(new Manifest(version, named, entries),
                named.path().equals(root.path("path").asText()));
    }

    /** The hex SHA-256 of the bytes (remembered for the same bytes: {@link ContentMemo}). */
    static String sha256(byte[] bytes) {
        return DIGESTS.get(bytes, ArchiveFormat::digest);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A part's entries, parsed once per content: they are records, the same for every caller. */
    private static <T> List<T> list(ArchivePath path, String name, Map<String, byte[]> parts, ContentMemo<List<T>> memo,
                                    Class<T> type) {
        return memo.get(parts.get(name), bytes -> {
            List<T> items = new ArrayList<>();
            for (JsonNode item : array(path, name, bytes)) {
                try {
                    items.add(MAPPER.treeToValue(item, type));
                } catch (JsonProcessingException e) {
                    throw new CorruptArchiveException(path.path(), path.key(name), null, null,
                            "holds an entry that is not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
                }
            }
            return Collections.unmodifiableList(items);
        });
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
