package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mirrordrill.emulator.k8s.MergePatch;
import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The patch types of the API server's PATCH, applied to a JSON tree: JSON patch (RFC 6902, by fabric8's zjsonpatch:
 * the engine's own implementation is for transformations, and emulators never depend on the engine), JSON merge patch (RFC 7386), strategic merge patch for built-in kinds, and
 * the body of a server-side apply. A type the kind does not accept is 415 with the accepted types, in the API
 * server's order (custom resources accept no strategic merge patch).
 */
final class Patches {
    static final String JSON = "application/json-patch+json";
    static final String MERGE = "application/merge-patch+json";
    static final String STRATEGIC = "application/strategic-merge-patch+json";
    static final String APPLY = "application/apply-patch+yaml";
    private static final KindRegistry BUILT_INS = KindRegistry.withBuiltins();
    /** Apply bodies are YAML: with the alias and size limits every YAML input of the project has. */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().loaderOptions(limits()).build());

    private Patches() {
    }

    static boolean builtIn(ResourceKind kind) {
        return BUILT_INS.find(kind.apiVersion(), kind.kind()).isPresent();
    }

    /** The patch types a kind accepts, in the order the API server lists them. */
    static List<String> accepted(ResourceKind kind) {
        return builtIn(kind) ? List.of(JSON, MERGE, STRATEGIC, APPLY) : List.of(JSON, MERGE, APPLY);
    }

    static void checkAccepted(ResourceKind kind, String contentType) {
        List<String> accepted = accepted(kind);
        if (!accepted.contains(contentType)) {
            throw new KubernetesException(415, "UnsupportedMediaType", "the body of the request was in an unknown "
                    + "format - accepted media types include: " + String.join(", ", accepted), null, null, null);
        }
    }

    /** {@code current} patched by a JSON, merge or strategic merge patch ({@code schema} for the latter). */
    static ObjectNode apply(String contentType, ObjectNode current, byte[] body, PatchSchema.Type schema) {
        String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        if (contentType.equals(JSON)) {
            JsonNode operations;
            try {
                operations = Resources.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw ResourceRequests.badRequest("error decoding patch: " + e.getOriginalMessage());
            }
            if (operations == null || !operations.isArray()) {
                throw ResourceRequests.badRequest("error decoding patch: a JSON patch is an array of operations");
            }
            try {
                JsonNode patched = current;
                for (JsonNode operation : operations) {
                    patched = applyOne(operation, patched);
                }
                if (!patched.isObject()) {
                    throw invalid("the patched document is not an object");
                }
                return (ObjectNode) patched;
            } catch (JsonPatchException | IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }
        JsonNode patch;
        try {
            patch = Resources.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw ResourceRequests.badRequest("error decoding patch: " + e.getOriginalMessage());
        }
        if (patch == null || !patch.isObject()) {
            throw ResourceRequests.badRequest(contentType.equals(MERGE) ? "a merge patch must be a JSON object"
                    : "invalid JSON document");
        }
        return contentType.equals(MERGE) ? (ObjectNode) MergePatch.apply(current, patch)
                : StrategicMergePatch.apply(current, (ObjectNode) patch, schema);
    }

    /** A server-side apply body: a YAML (or JSON) object. */
    static ObjectNode applyConfiguration(byte[] body) {
        try {
            JsonNode node = YAML.readTree(body == null ? new byte[0] : body);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw ResourceRequests.badRequest("error decoding YAML: the body is not an object");
        } catch (IOException e) {
            throw ResourceRequests.badRequest("error decoding YAML: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
    }

    /** The API server's answer to a JSON patch that cannot apply; {@code cause} says why. */
    private static KubernetesException invalid(String cause) {
        return StatusError.unprocessable(cause);
    }

    private static LoaderOptions limits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(3 * 1024 * 1024);
        return options;
    }

    /**
     * One RFC 6902 operation. zjsonpatch ignores a {@code remove} of a missing object member; RFC 6902 (4.2) and the
     * API server's json-patch library refuse it, so the target is checked first.
     */
    private static JsonNode applyOne(JsonNode operation, JsonNode document) {
        String path = operation.path("path").asText();
        if (operation.path("op").asText().equals("remove") && !path.isEmpty() && document.at(path).isMissingNode()) {
            throw invalid("Unable to remove nonexistent key: " + path + ": missing value");
        }
        ArrayNode one = Resources.mapper().createArrayNode();
        one.add(operation);
        return JsonPatch.apply(one, document);
    }
}
