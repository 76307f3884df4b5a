package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javalin.http.HandlerType;
import io.mirrordrill.emulator.k8s.Secrets;
import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verbs on resource paths, run under the lock through the cluster's {@link KubernetesPort} (so the store's
 * rules, errors and network reachability apply): get, list (label and field selectors), create, update, patch
 * ({@link PatchRequests}), delete, and the status and scale subresources. Writes record their manager in
 * managedFields ({@link ManagedFields}). Watches are {@link WatchStreams}'.
 */
final class ResourceRequests {
    /** Built-in kinds' list items carry no apiVersion and kind, as the API server's typed lists; CRDs' do. */
    private static final KindRegistry BUILT_INS = KindRegistry.withBuiltins();

    private final ServedCluster served;
    private final PatchRequests patches;

    ResourceRequests(ServedCluster served) {
        this.served = served;
        this.patches = new PatchRequests(served);
    }

    /** One request; {@code body} was read outside the lock. Call under the lock. */
    Reply handle(HandlerType method, ApiPath path, Map<String, List<String>> query, String contentType,
                 byte[] body, String userAgent) {
        String manager = ManagedFields.manager(query, userAgent);
        ResourceKind kind = served.kind(path);
        boolean status = "status".equals(path.subresource());
        boolean plain = path.subresource() == null || status && kind.statusSubresource();
        if (path.name() == null) {
            if (method == HandlerType.GET) {
                return list(kind, path, query);
            }
            if (method == HandlerType.POST && (path.namespace() != null || !kind.namespaced())) {
                return new Reply(201, tree(served.port().create(patches.recorded(kind, null,
                        resource(body, served.definition(kind), path), manager, ""))));
            }
        } else if (plain) {
            KubernetesPort port = served.port();
            switch (method.name()) {
                case "GET" -> {
                    return new Reply(200, tree(port.get(kind.apiVersion(), kind.kind(), path.namespace(), path.name())
                            .orElseThrow(() -> notFound(kind, path))));
                }
                case "PUT" -> {
                    GenericKubernetesResource r = patches.recorded(kind, port.get(kind.apiVersion(), kind.kind(),
                            path.namespace(), path.name()).map(ResourceRequests::tree).orElse(null),
                            resource(body, served.definition(kind), path), manager, status ? "status" : "");
                    return new Reply(200, tree(status ? port.updateStatus(r) : port.update(r)));
                }
                case "PATCH" -> {
                    return patches.patch(kind, path, query, contentType, body, status, manager);
                }
                case "DELETE" -> {
                    return status ? methodNotAllowed() : delete(kind, path, gracePeriod(query, body));
                }
                default -> {
                    return methodNotAllowed();
                }
            }
        } else if ("scale".equals(path.subresource()) && ScaleSubresource.serves(kind)) {
            return patches.scale(method, kind, path, contentType, body, manager);
        } else if ("exec".equals(path.subresource()) && kind.kind().equals("Pod") && kind.group().isEmpty()) {
            throw new KubernetesException(400, "BadRequest", "Upgrade request required", null, null, null);
        } else {
            throw new KubernetesException(404, "NotFound", Statuses.NO_RESOURCE, null, null, null);
        }
        return methodNotAllowed();
    }

    private Reply list(ResourceKind kind, ApiPath path, Map<String, List<String>> query) {
        LabelSelector labels = LabelSelector.parse(first(query, "labelSelector"));
        FieldSelector fields = FieldSelector.parse(first(query, "fieldSelector"), kind);
        ObjectNode list = Resources.mapper().createObjectNode();
        list.put("kind", kind.kind() + "List").put("apiVersion", kind.apiVersion());
        list.putObject("metadata").put("resourceVersion", Long.toString(served.cluster().revision()));
        ArrayNode items = list.putArray("items");
        boolean builtIn = BUILT_INS.find(kind.apiVersion(), kind.kind()).isPresent();
        for (GenericKubernetesResource r : served.port().list(kind.apiVersion(), kind.kind(), path.namespace(),
                labels)) {
            if (fields.matches(r)) {
                ObjectNode item = tree(r);
                if (builtIn) {
                    item.remove(List.of("apiVersion", "kind"));
                }
                items.add(item);
            }
        }
        return new Reply(200, list);
    }

    /**
     * The API server's DELETE answer: the object when finalizers keep it (now with its deletionTimestamp), otherwise
     * a Success Status whose details name the resource (not the kind) and the uid.
     */
    private Reply delete(ResourceKind kind, ApiPath path, Long gracePeriodSeconds) {
        KubernetesPort port = served.port();
        GenericKubernetesResource before = port.get(kind.apiVersion(), kind.kind(), path.namespace(), path.name())
                .orElseThrow(() -> notFound(kind, path));
        if (gracePeriodSeconds == null) {
            port.delete(kind.apiVersion(), kind.kind(), path.namespace(), path.name());
        } else {
            port.delete(kind.apiVersion(), kind.kind(), path.namespace(), path.name(), gracePeriodSeconds);
        }
        Optional<GenericKubernetesResource> after = port.get(kind.apiVersion(), kind.kind(), path.namespace(),
                path.name());
        if (after.isPresent()) {
            return new Reply(200, tree(after.get()));
        }
        ObjectNode status = Statuses.success();
        ObjectNode details = status.putObject("details");
        details.put("name", path.name());
        if (!kind.group().isEmpty()) {
            details.put("group", kind.group());
        }
        details.put("kind", kind.plural()).put("uid", before.getMetadata().getUid());
        return new Reply(200, status);
    }

    /**
     * DeleteOptions' {@code gracePeriodSeconds}, from the body kubectl sends or the query parameter (the body wins,
     * as the API server decodes the query first and then the body over it); null when neither gives one.
     */
    private static Long gracePeriod(Map<String, List<String>> query, byte[] body) {
        Long grace = null;
        String inQuery = first(query, "gracePeriodSeconds");
        if (inQuery != null && !inQuery.isEmpty()) {
            try {
                grace = Long.parseLong(inQuery);
            } catch (NumberFormatException e) {
                throw new KubernetesException(400, "BadRequest", "gracePeriodSeconds: Invalid value: \"" + inQuery
                        + "\": strconv.ParseInt: parsing \"" + inQuery + "\": invalid syntax", null, null, null);
            }
        }
        if (body != null && body.length > 0) {
            JsonNode options = parse(body).path("gracePeriodSeconds");
            if (options.isIntegralNumber()) {
                grace = options.asLong();
            } else if (!options.isMissingNode() && !options.isNull()) {
                throw new KubernetesException(400, "BadRequest", "json: cannot unmarshal " + options.getNodeType()
                        .name().toLowerCase(java.util.Locale.ROOT) + " into Go struct field "
                        + "DeleteOptions.gracePeriodSeconds of type int64", null, null, null);
            }
        }
        return grace;
    }

    /**
     * The body as a resource of the path's kind: missing apiVersion, kind, namespace and name are taken from the
     * path; ones that contradict it are refused with 400, as the API server refuses them. Wrong-typed fields are
     * refused first ({@link BodyTypes}), as decoding comes before those checks.
     */
    static GenericKubernetesResource resource(byte[] body, KindDefinition definition, ApiPath path) {
        ResourceKind kind = definition.kind();
        ObjectNode object = parse(body);
        BodyTypes.check(definition, object);
        Secrets.normalise(kind, object);
        String apiVersion = object.path("apiVersion").asText("");
        if (!apiVersion.isEmpty() && !apiVersion.equals(kind.apiVersion())) {
            throw badRequest("the API version in the data (" + apiVersion + ") does not match the expected API "
                    + "version (" + kind.apiVersion() + ")");
        }
        String k = object.path("kind").asText("");
        if (!k.isEmpty() && !k.equals(kind.kind())) {
            throw badRequest("the kind in the data (" + k + ") does not match the expected kind (" + kind.kind()
                    + ")");
        }
        object.put("apiVersion", kind.apiVersion()).put("kind", kind.kind());
        ObjectNode meta = object.has("metadata") && object.get("metadata").isObject()
                ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
        if (kind.namespaced()) {
            String ns = meta.path("namespace").asText("");
            if (ns.isEmpty()) {
                meta.put("namespace", path.namespace());
            } else if (!ns.equals(path.namespace())) {
                throw badRequest("the namespace of the provided object does not match the namespace sent on the "
                        + "request");
            }
        }
        if (path.name() != null) {
            String name = meta.path("name").asText("");
            if (name.isEmpty()) {
                meta.put("name", path.name());
            } else if (!name.equals(path.name())) {
                throw badRequest("the name of the object (" + name + ") does not match the name on the URL ("
                        + path.name() + ")");
            }
        }
        return Resources.fromTree(object);
    }

    static ObjectNode parse(byte[] body) {
        try {
            JsonNode node = Resources.mapper().readTree(body == null ? new byte[0] : body);
            if (node instanceof ObjectNode object) {
                return object;
            }
            // what Go's decoder says of JSON that is not an object, reading apiVersion and kind
            throw badRequest("couldn't get version/kind; json parse error: json: cannot unmarshal "
                    + BodyTypes.jsonType(node) + " into Go value of type struct { APIVersion string "
                    + "\"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }");
        } catch (IOException e) {
            throw badRequest("couldn't get version/kind; json parse error: " + e.getMessage());
        }
    }

    static ObjectNode tree(GenericKubernetesResource r) {
        return Resources.mapper().valueToTree(r);
    }

    static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static KubernetesException notFound(ResourceKind kind, ApiPath path) {
        return new KubernetesException(404, "NotFound", kind.resource() + " \"" + path.name() + "\" not found",
                kind.kind(), kind.namespaced() ? path.namespace() : null, path.name());
    }

    static KubernetesException badRequest(String message) {
        return new KubernetesException(400, "BadRequest", message, null, null, null);
    }

    static Reply methodNotAllowed() {
        return new Reply(405, Statuses.failure(405, "MethodNotAllowed",
                "the server does not allow this method on the requested resource"));
    }
}
