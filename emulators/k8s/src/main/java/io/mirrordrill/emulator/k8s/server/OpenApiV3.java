package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenAPI v3 documents of the API server: {@code /openapi/v3} (the index: one entry per group-version, with the
 * document's hash in its URL, as kubectl caches by it) and one self-contained document per group-version
 * ({@code /openapi/v3/api/v1}, {@code /openapi/v3/apis/<group>/<version>}): the paths of its resources, each
 * operation with {@code x-kubernetes-group-version-kind} and {@code x-kubernetes-action} and the query parameters
 * served (kubectl sends {@code fieldValidation=Strict} to a server whose PATCH operations declare it), and the schemas
 * of its kinds with every component they refer to. Documents are kept by content, so asking again is cheap.
 */
final class OpenApiV3 {
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PATCH = ModelSchemas.META + "Patch";
    private static final String STATUS = ModelSchemas.META + "Status";
    /** Documents by what they are built from (the group-version's kind definitions and whether exec is served). */
    private static final Map<List<Object>, byte[]> DOCUMENTS = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, byte[]> eldest) {
                    return size() > 128;
                }
            });

    private OpenApiV3() {
    }

    /** {@code api/v1} or {@code apis/<group>/<version>}: the key of a group-version in the index. */
    static String key(String group, String version) {
        return group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
    }

    /** The index, from the documents of every served group-version (by key). */
    static ObjectNode index(Map<String, byte[]> documents) {
        ObjectNode index = object();
        ObjectNode paths = index.putObject("paths");
        new TreeMap<>(documents).forEach((key, bytes) -> paths.putObject(key)
                .put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash(bytes)));
        return index;
    }

    /** The document of one group-version, serialised; {@code definitions} are its served kinds'. */
    static byte[] document(List<KindDefinition> definitions, boolean exec) {
        List<Object> key = List.of(definitions, exec);
        byte[] cached = DOCUMENTS.get(key);
        if (cached == null) {
            cached = Reply.bytes(build(definitions, exec));
            DOCUMENTS.put(key, cached);
        }
        return cached;
    }

    private static ObjectNode build(List<KindDefinition> definitions, boolean exec) {
        ObjectNode doc = object();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", Discovery.GIT_VERSION);
        Map<String, JsonNode> paths = new TreeMap<>();
        Map<String, ObjectNode> components = new TreeMap<>();
        for (KindDefinition d : definitions) {
            if (d.component() == null) {
                continue;
            }
            paths(d, exec, paths);
            collect(d, d.component(), components);
            collect(d, d.listComponent(), components);
        }
        collect(definitions.get(0), PATCH, components);
        collect(definitions.get(0), STATUS, components);
        doc.putObject("paths").setAll(paths);
        doc.putObject("components").putObject("schemas").setAll(components);
        return doc;
    }

    private static void paths(KindDefinition d, boolean exec, Map<String, JsonNode> paths) {
        ResourceKind k = d.kind();
        String base = "/" + key(k.group(), k.version());
        String scope = k.namespaced() ? base + "/namespaces/{namespace}/" + k.plural() : base + "/" + k.plural();
        String ns = k.namespaced() ? "Namespaced" : "";
        ObjectNode collection = pathItem(k.namespaced(), false);
        collection.set("get", operation(d, "list", "list", d.listComponent(), null, ns));
        collection.set("post", operation(d, "post", "create", d.component(), d.component(), ns));
        paths.put(scope, collection);
        if (k.namespaced()) {
            ObjectNode all = object();
            all.set("get", operation(d, "list", "list", d.listComponent(), null, "ForAllNamespaces"));
            paths.put(base + "/" + k.plural(), all);
        }
        ObjectNode item = pathItem(k.namespaced(), true);
        item.set("get", operation(d, "get", "read", d.component(), null, ns));
        item.set("put", operation(d, "put", "replace", d.component(), d.component(), ns));
        item.set("patch", operation(d, "patch", "patch", d.component(), PATCH, ns));
        item.set("delete", operation(d, "delete", "delete", STATUS, null, ns));
        paths.put(scope + "/{name}", item);
        if (k.statusSubresource()) {
            ObjectNode status = pathItem(k.namespaced(), true);
            status.set("get", operation(d, "get", "read", d.component(), null, ns, "Status"));
            status.set("put", operation(d, "put", "replace", d.component(), d.component(), ns, "Status"));
            status.set("patch", operation(d, "patch", "patch", d.component(), PATCH, ns, "Status"));
            paths.put(scope + "/{name}/status", status);
        }
        if (exec && k.group().isEmpty() && k.kind().equals("Pod")) {
            ObjectNode execPath = pathItem(true, true);
            ObjectNode get = operation(d, "connect", "connectGet", null, null, ns, "Exec");
            for (String p : List.of("command", "container", "stderr", "stdin", "stdout", "tty")) {
                query(get, p, p.equals("command") ? "array" : p.equals("container") ? "string" : "boolean");
            }
            ((ObjectNode) get.get("x-kubernetes-group-version-kind")).put("kind", "PodExecOptions");
            execPath.set("get", get);
            paths.put(scope + "/{name}/exec", execPath);
        }
    }

    private static ObjectNode pathItem(boolean namespaced, boolean named) {
        ObjectNode item = object();
        ArrayNode params = item.putArray("parameters");
        if (named) {
            params.add(param("name", "path", "name of the " + "resource", "string").put("required", true));
        }
        if (namespaced) {
            params.add(param("namespace", "path", "object name and auth scope, such as for teams and projects",
                    "string").put("required", true));
        }
        params.add(param("pretty", "query", "If 'true', then the output is pretty printed.", "string"));
        return item;
    }

    /**
     * One operation. {@code verb} is the operationId's verb ({@code list}, {@code create}, ...), {@code scope}
     * {@code Namespaced}, {@code ForAllNamespaces} or empty, as the API server composes operation ids.
     */
    private static ObjectNode operation(KindDefinition d, String action, String verb, String response, String body,
                                        String scope, String... subresource) {
        ResourceKind k = d.kind();
        ObjectNode op = object();
        String sub = subresource.length > 0 ? subresource[0] : "";
        op.put("operationId", verb + scope + k.kind() + sub);
        op.putArray("tags").add(k.group().isEmpty() ? "core_" + k.version() : k.group() + "_" + k.version());
        op.put("x-kubernetes-action", action);
        op.putObject("x-kubernetes-group-version-kind").put("group", k.group()).put("kind", k.kind())
                .put("version", k.version());
        op.putArray("parameters");
        switch (action) {
            case "list" -> {
                for (String p : List.of("labelSelector", "fieldSelector", "resourceVersion", "limit", "continue")) {
                    query(op, p, p.equals("limit") ? "integer" : "string");
                }
                query(op, "watch", "boolean");
            }
            case "post", "put", "patch" -> {
                query(op, "dryRun", "string");
                query(op, "fieldManager", "string");
                query(op, "fieldValidation", "string").put("description", "fieldValidation instructs the server "
                        + "on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate "
                        + "fields. Valid values are: Ignore, Warn (the default), Strict.");
                if (action.equals("patch")) {
                    query(op, "force", "boolean");
                }
            }
            default -> { }
        }
        if (body != null) {
            ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content");
            List<String> types = !action.equals("patch") ? List.of("*/*")
                    : d.custom() ? List.of("application/apply-patch+yaml", "application/json-patch+json",
                            "application/merge-patch+json")
                    : List.of("application/apply-patch+yaml", "application/json-patch+json",
                            "application/merge-patch+json", "application/strategic-merge-patch+json");
            for (String type : types) {
                content.putObject(type).putObject("schema").put("$ref", SCHEMAS + body);
            }
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(action.equals("post") ? "201" : "200").put("description", "OK");
        if (response != null) {
            ok.putObject("content").putObject("application/json").putObject("schema").put("$ref", SCHEMAS + response);
        }
        responses.putObject("401").put("description", "Unauthorized");
        return op;
    }

    private static ObjectNode query(ObjectNode op, String name, String type) {
        ObjectNode p = param(name, "query", null, type);
        ((ArrayNode) op.get("parameters")).add(p);
        return p;
    }

    private static ObjectNode param(String name, String in, String description, String type) {
        ObjectNode p = object().put("name", name).put("in", in);
        if (description != null) {
            p.put("description", description);
        }
        ObjectNode schema = p.putObject("schema").put("type", type);
        if (type.equals("array")) {
            schema.putObject("items").put("type", "string");
        }
        schema.put("uniqueItems", true);
        return p;
    }

    /** Adds {@code name} and every component it refers to (transitively). */
    private static void collect(KindDefinition d, String name, Map<String, ObjectNode> out) {
        Deque<String> todo = new ArrayDeque<>(List.of(name));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (out.containsKey(next)) {
                continue;
            }
            Optional<ObjectNode> schema = d.schema(next);
            if (schema.isEmpty()) {
                continue;
            }
            out.put(next, schema.get());
            TreeSet<String> refs = new TreeSet<>();
            refs(schema.get(), refs);
            todo.addAll(refs);
        }
    }

    private static void refs(JsonNode node, TreeSet<String> out) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                out.add(ref.asText().substring(SCHEMAS.length()));
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> refs(child, out));
        }
    }

    /** What the API server puts in {@code ?hash=}: the document's SHA-512 in upper-case hex. */
    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode object() {
        return Resources.mapper().createObjectNode();
    }
}
