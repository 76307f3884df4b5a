package io.mirrordrill.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.ResourceTransformation;
import io.mirrordrill.engine.model.SnapshotRestore;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.testkit.property.Gen;
import io.mirrordrill.testkit.property.KubeGen;
import io.mirrordrill.testkit.property.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Transformations (RFC 6902 patches of restored resources) on generated labels and entries. */
class TransformationsPropertyTest {
    private static final Gen<Map<String, String>> LABELS = Gen.maps(KubeGen.labelKeys(), KubeGen.labelValues(), 5);

    private static ObjectNode deployment(Map<String, String> labels) {
        StringBuilder l = new StringBuilder();
        labels.forEach((k, v) -> l.append(l.length() == 0 ? "" : ", ").append('"').append(k).append("\": \"")
                .append(v).append('"'));
        return Yaml.object("{apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: ns-2,"
                + " labels: {" + l + "}}, spec: {replicas: 3}}");
    }

    /** The JSON pointer of a label: '~' and '/' escaped as RFC 6901 says. */
    private static String labelPath(String key) {
        return "/metadata/labels/" + key.replace("~", "~0").replace("/", "~1");
    }

    private static Transformations of(String entries) {
        String yaml = """
                apiVersion: protect.trident.netapp.io/v1
                kind: SnapshotRestore
                metadata: {name: restore, namespace: ns-2}
                spec:
                  appArchivePath: app_1/snapshots/s
                  appVaultRef: vault
                  transformations:
                """ + entries.indent(2);
        List<ResourceTransformation> list = ((SnapshotRestore) ProtectYaml.readAll("restore.yaml", yaml).get(0))
                .spec().transformations();
        return Transformations.of("SnapshotRestore ns-2/restore", list);
    }

    private static String add(String key, String value) {
        return "{op: add, path: \"" + labelPath(key) + "\", value: \"" + value + "\"}";
    }

    @Test
    void addingThenRemovingAFreshLabelLeavesTheResourceAsItWas() {
        Property.forAll(Gen.zip(LABELS, KubeGen.labelKeys(), (labels, key) -> Map.entry(labels, key))
                .filter(c -> !c.getKey().containsKey(c.getValue()))).check(c -> {
                    ObjectNode resource = deployment(c.getKey());
                    Transformations t = of("- resource: {kind: Deployment}\n  operations: [" + add(c.getValue(), "v")
                            + ", {op: remove, path: \"" + labelPath(c.getValue()) + "\"}]");
                    assertEquals(resource, t.apply(resource, new ArrayList<>()));
                });
    }

    /** One entry: adds a label, then maybe a test that fails (replicas is 3, never 5). */
    record Entry(String key, String value, boolean failingTest) {
        String yaml() {
            return "- resource: {kind: Deployment}\n  operations: [" + add(key, value)
                    + (failingTest ? ", {op: test, path: /spec/replicas, value: 5}" : "") + "]";
        }
    }

    @Test
    void anEntryWhoseTestFailsRollsBackExactlyItselfAndEveryOtherEntryApplies() {
        Gen<Entry> entries = Gen.zip(KubeGen.labelKeys(), KubeGen.labelValues(), Gen.booleans(), Entry::new);
        Property.forAll(Gen.zip(LABELS, entries.list(1, 6), Map::entry)).check(c -> {
            ObjectNode resource = deployment(c.getKey());
            StringBuilder yaml = new StringBuilder();
            Map<String, String> expected = new TreeMap<>(c.getKey());
            List<String> decisions = new ArrayList<>();
            for (int i = 0; i < c.getValue().size(); i++) {
                Entry e = c.getValue().get(i);
                yaml.append(e.yaml()).append('\n');
                if (!e.failingTest()) {
                    expected.put(e.key(), e.value());
                }
                decisions.add("spec.transformations[" + i + "] " + (e.failingTest() ? "rolled back" : "applied"));
            }
            List<String> actual = new ArrayList<>();
            ObjectNode patched = of(yaml.toString()).apply(resource, actual);
            assertEquals(deployment(expected), patched);
            assertEquals(decisions, actual.stream().map(d -> d.replaceAll(" rolled back: .*", " rolled back"))
                    .toList());
            assertEquals(deployment(c.getKey()), resource, "the input is not modified");
        });
    }

    @Test
    void claimsAndNamespacesAreNeverModified() {
        Gen<Entry> entries = Gen.zip(KubeGen.labelKeys(), KubeGen.labelValues(), Gen.constant(false), Entry::new);
        record Case(String kind, List<Entry> entries, int at) {
        }
        Gen<Case> cases = Gen.zip(Gen.elements("PersistentVolumeClaim", "Namespace"), entries.list(1, 4),
                Gen.ints(0, 4), Case::new);
        Property.forAll(cases).check(c -> {
            List<String> yaml = new ArrayList<>(c.entries().stream().map(Entry::yaml).toList());
            Transformations deployments = of(String.join("\n", yaml));
            ObjectNode resource = Yaml.object("{apiVersion: v1, kind: " + c.kind() + ", metadata: {name: d,"
                    + " namespace: ns-2, labels: {a: b}}}");
            assertSame(resource, deployments.apply(resource, new ArrayList<>()));

            yaml.add(Math.min(c.at(), yaml.size()), c.entries().get(0).yaml().replace("kind: Deployment",
                    "kind: " + c.kind()));
            RestoreException refused = assertThrows(RestoreException.class, () -> of(String.join("\n", yaml)));
            assertTrue(refused.getMessage().contains(c.kind() + "s cannot be modified"), refused.getMessage());
        });
    }
}
