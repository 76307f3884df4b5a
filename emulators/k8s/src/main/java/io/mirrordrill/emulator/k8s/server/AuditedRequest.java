package io.mirrordrill.emulator.k8s.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One resource request as the API server's audit log and RBAC see it: the verb (get, list, watch, create, update,
 * patch, delete, deletecollection), the API group (empty for core), the resource (plural), the subresource, the
 * namespace and the client's User-Agent. Discovery and OpenAPI requests are not resource requests (every
 * authenticated user may make them) and are not audited.
 */
public record AuditedRequest(String verb, String apiGroup, String resource, String subresource, String namespace,
                             String userAgent) {

    /** The request as RBAC names it, or null for a path that is no resource request. */
    static AuditedRequest of(String method, String rawPath, Map<String, List<String>> query, String userAgent) {
        ApiPath path = ApiPath.parse(rawPath).orElse(null);
        if (path == null || path.type() != ApiPath.Type.RESOURCE) {
            return null;
        }
        boolean collection = path.name() == null;
        List<String> watch = query.get("watch");
        String verb = switch (method.toUpperCase(Locale.ROOT)) {
            case "GET" -> watch != null && !watch.isEmpty() && (watch.get(0).equals("true") || watch.get(0)
                    .equals("1")) ? "watch" : collection ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> collection ? "deletecollection" : "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
        return new AuditedRequest(verb, path.group(), path.plural(), path.subresource(), path.namespace(),
                userAgent == null ? "" : userAgent);
    }

    /** {@code resource} or {@code resource/subresource}, as an RBAC rule names it. */
    public String rbacResource() {
        return subresource == null ? resource : resource + "/" + subresource;
    }
}
