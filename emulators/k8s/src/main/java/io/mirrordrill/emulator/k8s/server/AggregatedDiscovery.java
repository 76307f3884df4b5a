package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aggregated discovery ({@code apidiscovery.k8s.io} {@code v2}, also {@code v2beta1}): {@code /api} and {@code /apis}
 * answer an {@code APIGroupDiscoveryList} when the client asks for one in {@code Accept}, as kubectl 1.32 does first,
 * so one request replaces one per group-version. Built from the legacy resource lists of {@link Discovery}, so both
 * forms always say the same: resources with their subresources, scope, short names, categories and verbs.
 */
final class AggregatedDiscovery {
    private static final String GROUP = "apidiscovery.k8s.io";

    private AggregatedDiscovery() {
    }

    /** The version asked for ({@code v2} or {@code v2beta1}): the first media range of {@code accept} served. */
    static Optional<String> requested(String accept) {
        if (accept == null || !accept.contains(GROUP)) {
            return Optional.empty();
        }
        for (String range : accept.split(",")) {
            Map<String, String> params = new LinkedHashMap<>();
            String[] parts = range.split(";");
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].trim().split("=", 2);
                if (kv.length == 2) {
                    params.put(kv[0], kv[1]);
                }
            }
            if (!parts[0].trim().equals("application/json")) {
                continue;
            }
            if (GROUP.equals(params.get("g")) && "APIGroupDiscoveryList".equals(params.get("as"))
                    && ("v2".equals(params.get("v")) || "v2beta1".equals(params.get("v")))) {
                return Optional.of(params.get("v"));
            }
            if (params.isEmpty()) {
                return Optional.empty(); // plain JSON preferred
            }
        }
        return Optional.empty();
    }

    /** The content type of an answer in {@code version}: what clients check before reading it as aggregated. */
    static String contentType(String version) {
        return "application/json;g=" + GROUP + ";v=" + version + ";as=APIGroupDiscoveryList";
    }

    /**
     * The list of {@code groups}: for each group (empty for the core group) its legacy {@code APIResourceList}s, the
     * preferred version first.
     */
    static ObjectNode of(String version, Map<String, List<ObjectNode>> groups) {
        ObjectNode list = Resources.mapper().createObjectNode();
        list.put("kind", "APIGroupDiscoveryList").put("apiVersion", GROUP + "/" + version);
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        groups.forEach((group, resourceLists) -> {
            ObjectNode item = items.addObject();
            ObjectNode meta = item.putObject("metadata");
            if (!group.isEmpty()) {
                meta.put("name", group);
            }
            meta.putNull("creationTimestamp");
            ArrayNode versions = item.putArray("versions");
            for (ObjectNode resourceList : resourceLists) {
                versions.add(version(group, resourceList));
            }
        });
        return list;
    }

    private static ObjectNode version(String group, ObjectNode resourceList) {
        String groupVersion = resourceList.path("groupVersion").asText();
        String v = groupVersion.substring(groupVersion.indexOf('/') + 1);
        ObjectNode out = Resources.mapper().createObjectNode();
        out.put("version", v);
        ArrayNode resources = out.putArray("resources");
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (JsonNode r : resourceList.path("resources")) {
            String name = r.path("name").asText();
            int slash = name.indexOf('/');
            if (slash < 0) {
                ObjectNode resource = resources.addObject();
                resource.put("resource", name);
                kind(resource, group, v, r.path("kind").asText());
                resource.put("scope", r.path("namespaced").asBoolean() ? "Namespaced" : "Cluster");
                resource.put("singularResource", r.path("singularName").asText());
                resource.set("verbs", r.path("verbs").deepCopy());
                copy(r, resource, "shortNames");
                copy(r, resource, "categories");
                byName.put(name, resource);
            } else {
                ObjectNode parent = byName.get(name.substring(0, slash));
                if (parent == null) {
                    continue;
                }
                ArrayNode subresources = parent.has("subresources") ? (ArrayNode) parent.get("subresources")
                        : parent.putArray("subresources");
                ObjectNode sub = subresources.addObject();
                sub.put("subresource", name.substring(slash + 1));
                kind(sub, group, v, r.path("kind").asText());
                sub.set("verbs", r.path("verbs").deepCopy());
            }
        }
        out.put("freshness", "Current");
        return out;
    }

    private static void kind(ObjectNode target, String group, String version, String kind) {
        target.putObject("responseKind").put("group", group).put("version", version).put("kind", kind);
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field) && from.get(field).size() > 0) {
            to.set(field, from.get(field).deepCopy());
        }
    }
}
