package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;

/** An AMR's {@code spec.namespaceMapping}. */
final class Mapping {
    private Mapping() {
    }

    /** The destination of a source namespace; itself when unmapped. */
    static String destination(JsonNode amr, String source) {
        for (JsonNode m : amr.path("spec").path("namespaceMapping")) {
            if (m.path("source").asText().equals(source)) {
                return m.path("destination").asText();
            }
        }
        return source;
    }
}
