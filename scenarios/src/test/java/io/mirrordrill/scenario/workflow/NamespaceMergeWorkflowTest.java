package io.mirrordrill.scenario.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.EngineSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seed's namespace labels and annotations table, through a real failover from ns-1 to ns-2. */
class NamespaceMergeWorkflowTest {

    private static SeedEstate estate(long seed, EngineSettings settings) {
        SeedEstate e = new SeedEstate(seed, "ns-1", "ns-2", settings);
        e.source.api().patch("v1", "Namespace", null, "ns-1", """
                {"metadata":{"annotations":{"annotation.one/key":"updatedvalue","annotation.two/key":"true"},
                 "labels":{"environment":"production","compliance":"hipaa","name":"ns-1"}}}""");
        e.destination.api().patch("v1", "Namespace", null, "ns-2", """
                {"metadata":{"annotations":{"annotation.one/key":"true","annotation.three/key":"false"},
                 "labels":{"role":"database"}}}""");
        e.establish(2);
        e.desire("Promoted", null);
        e.awaitState("Promoted");
        e.runUntil(() -> e.running(e.destination), Duration.ofMinutes(5), "the app on ns-2");
        return e;
    }

    private static Map<String, String> map(JsonNode node, String... ignore) {
        Map<String, String> m = new TreeMap<>();
        node.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
        for (String key : ignore) {
            m.remove(key);
        }
        return m;
    }

    @Test
    void failoverMergesTheNamespaceExactlyAsTheSeedsAfterTable() {
        SeedEstate e = estate(51, EngineSettings.DEFAULT);
        JsonNode ns2 = e.destination.get("v1", "Namespace", null, "ns-2").orElseThrow().path("metadata");
        assertEquals(Map.of("annotation.one/key", "updatedvalue", "annotation.two/key", "true",
                "annotation.three/key", "false"), map(ns2.path("annotations")));
        assertEquals(Map.of("name", "ns-2", "compliance", "hipaa", "environment", "production", "role", "database"),
                map(ns2.path("labels"), "kubernetes.io/metadata.name"));
        assertEquals(java.util.List.of(1, 2), e.records(e.destination));
    }

    @Test
    void aSkippedAnnotationIsLeftAsTheDestinationHadIt() {
        SeedEstate e = estate(52, new EngineSettings(Map.of("RESTORE_SKIP_NAMESPACE_ANNOTATIONS",
                "annotation.one/key, annotation.two/key")));
        JsonNode ns2 = e.destination.get("v1", "Namespace", null, "ns-2").orElseThrow().path("metadata");
        assertEquals(Map.of("annotation.one/key", "true", "annotation.three/key", "false"),
                map(ns2.path("annotations")));
    }

    @Test
    void theHelmValuesSkipAnnotationsAndLabelsOnAFailover() {
        SeedEstate e = estate(53, new EngineSettings(Map.of(), Map.of(
                "restoreSkipNamespaceAnnotations", "annotation.two/key", "restoreSkipNamespaceLabels", "compliance")));
        JsonNode ns2 = e.destination.get("v1", "Namespace", null, "ns-2").orElseThrow().path("metadata");
        assertEquals(Map.of("annotation.one/key", "updatedvalue", "annotation.three/key", "false"),
                map(ns2.path("annotations")));
        assertEquals(Map.of("name", "ns-2", "environment", "production", "role", "database"),
                map(ns2.path("labels"), "kubernetes.io/metadata.name"));
    }
}
