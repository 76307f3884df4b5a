package io.mirrordrill.engine.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class ArchiveFormatTest {
    private final ArchivePath path = new ArchivePath("app", "u1", Instant.parse("2026-01-01T00:00:00Z"), "snap", "u2");

    private static GenericKubernetesResource configMap(String ns, String name, Map<String, Object> data) {
        GenericKubernetesResource r = Resources.generic("v1", "ConfigMap", ns, name);
        r.getAdditionalProperties().put("data", data);
        return r;
    }

    private ArchiveContent content(boolean reversed) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(List.of("b", "a", "c"));
        if (reversed) {
            java.util.Collections.reverse(keys);
        }
        keys.forEach(k -> data.put(k, k.toUpperCase()));
        List<GenericKubernetesResource> resources = new ArrayList<>(List.of(configMap("ns2", "x", data),
                configMap("ns1", "y", data), Resources.generic("apps/v1", "Deployment", "ns1", "web")));
        List<NamespaceMetadata> namespaces = new ArrayList<>(List.of(
                NamespaceMetadata.of("ns2", Map.of("name", "ns2"), Map.of()),
                NamespaceMetadata.of("ns1", Map.of("z", "1", "a", "2"), Map.of("annotation.one/key", "v"))));
        List<VolumeSnapshotEntry> volumes = new ArrayList<>(List.of(
                new VolumeSnapshotEntry("ns1", "data-1", "sc-vsim", "1Gi", "pvc-2", "be1", "svm1", "trident_pvc_2",
                        "snap-1", "ontap-1"),
                new VolumeSnapshotEntry("ns1", "data-0", "sc-vsim", "1Gi", "pvc-1", "be1", "svm1", "trident_pvc_1",
                        "snap-1", "ontap-1")));
        if (reversed) {
            java.util.Collections.reverse(resources);
            java.util.Collections.reverse(namespaces);
            java.util.Collections.reverse(volumes);
        }
        return new ArchiveContent(resources, namespaces, volumes, List.of(
                new HookResult("freeze", "Pre", "Snapshot", "ns1", "web-0", "app", "Succeeded", 0, "frozen"),
                new HookResult("thaw", "Post", "Snapshot", "ns1", "web-0", "app", "Succeeded", 0, "thawed")));
    }

    @Test
    void the_same_capture_in_any_order_gives_the_same_bytes() {
        SortedMap<String, byte[]> a = ArchiveFormat.serialize(content(false));
        SortedMap<String, byte[]> b = ArchiveFormat.serialize(content(true));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name));
    }

    @Test
    void json_is_canonical_sorted_keys_and_newlines_only() {
        String resources = new String(ArchiveFormat.serialize(content(false)).get(ArchiveFormat.RESOURCES),
                StandardCharsets.UTF_8);
        assertTrue(resources.indexOf("\"apiVersion\"") < resources.indexOf("\"kind\""));
        assertTrue(resources.indexOf("\"a\" : \"A\"") < resources.indexOf("\"b\" : \"B\""), resources);
        assertTrue(!resources.contains("\r") && resources.endsWith("]\n"));
        // sorted by apiVersion, kind, namespace, name: apps/v1 Deployment first, then ns1/y before ns2/x
        assertTrue(resources.indexOf("Deployment") < resources.indexOf("\"y\""));
        assertTrue(resources.indexOf("\"y\"") < resources.indexOf("\"x\""));
    }

    @Test
    void content_reads_back_equal() {
        ArchiveContent original = content(false);
        ArchiveContent back = ArchiveFormat.deserialize(path, ArchiveFormat.serialize(original));
        assertEquals(original, back);
    }

    @Test
    void resources_are_handed_to_a_restore_plan_as_json_trees_in_archive_order() {
        ArchiveContent content = content(true);
        assertEquals(content.resources().stream().map(Resources::toTree).toList(), content.resourceTrees());
        assertEquals("Deployment", content.resourceTrees().get(0).path("kind").asText());
    }

    @Test
    void a_manifest_reads_back_and_must_describe_the_archive_it_is_in() {
        Manifest manifest = new Manifest(1, path, List.of(new Manifest.Entry("hooks.json", "ab", 2)));
        byte[] bytes = ArchiveFormat.manifest(manifest);
        assertEquals(manifest, ArchiveFormat.parseManifest(path, bytes));
        ArchivePath elsewhere = new ArchivePath("app", "u1", path.createdAt(), "snap", "u3");
        CorruptArchiveException e = assertThrows(CorruptArchiveException.class,
                () -> ArchiveFormat.parseManifest(elsewhere, bytes));
        assertEquals(elsewhere.key("manifest.json"), e.key());
        assertThrows(CorruptArchiveException.class, () -> ArchiveFormat.parseManifest(path,
                "{\"formatVersion\": 2}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(CorruptArchiveException.class, () -> ArchiveFormat.parseManifest(path,
                "not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void checksums_are_lowercase_hex_sha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                ArchiveFormat.sha256(new byte[0]));
    }
}
