package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/** Resource trees written as YAML (or JSON, which is YAML) in tests. */
final class Yaml {
    private static final ObjectMapper YAML = new YAMLMapper();

    private Yaml() {
    }

    static ObjectNode object(String text) {
        return (ObjectNode) node(text);
    }

    static JsonNode node(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
