package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javalin.http.HandlerType;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PATCH of every type ({@link Patches}) and the scale subresource, as the API server runs them: read the live
 * object, patch it, write the result with the live resourceVersion as precondition (the store's rules apply as to
 * a PUT), and record the manager ({@link ManagedFields}); server-side apply ({@link ServerSideApply}) creates a
 * missing object. Call under the lock.
 */
final class PatchRequests {
    private final ServedCluster served;

    PatchRequests(ServedCluster served) {
        this.served = served;
    }

    Reply patch(ResourceKind kind, ApiPath path, Map<String, List<String>> query, String contentType, byte[] body,
                boolean status, String manager) {
        Patches.checkAccepted(kind, contentType);
        boolean apply = contentType.equals(Patches.APPLY);
        String force = ResourceRequests.first(query, "force");
        if (force != null && !apply) {
            throw invalidOptions("force: Forbidden: may not be specified for non-apply patch");
        }
        KubernetesPort port = served.port();
        Optional<ObjectNode> current = port.get(kind.apiVersion(), kind.kind(), path.namespace(), path.name())
                .map(ResourceRequests::tree);
        String subresource = status ? "status" : "";
        if (apply) {
            String fieldManager = ResourceRequests.first(query, "fieldManager");
            if (fieldManager == null || fieldManager.isEmpty()) {
                throw invalidOptions("fieldManager: Required value: is required for apply patch");
            }
            ObjectNode config = Patches.applyConfiguration(body);
            // the checks of the body's types, kind and name
            ResourceRequests.resource(Reply.bytes(config), served.definition(kind), path);
            if (current.isEmpty() && status) {
                throw ResourceRequests.notFound(kind, path);
            }
            ObjectNode applied = ServerSideApply.apply(kind, current.orElse(null), config, fieldManager,
                    "true".equals(force), status, served.cluster().world().now());
            GenericKubernetesResource r = ResourceRequests.resource(Reply.bytes(applied), served.definition(kind),
                    path);
            if (current.isEmpty()) {
                return new Reply(201, ResourceRequests.tree(port.create(r)));
            }
            r.getMetadata().setResourceVersion(current.get().path("metadata").path("resourceVersion").asText());
            return new Reply(200, ResourceRequests.tree(status ? port.updateStatus(r) : port.update(r)));
        }
        ObjectNode live = current.orElseThrow(() -> ResourceRequests.notFound(kind, path));
        ObjectNode patched = Patches.apply(contentType, live, body, PatchSchema.of(kind.group(), kind.kind()));
        GenericKubernetesResource r = recorded(kind, live, ResourceRequests.resource(Reply.bytes(patched),
                served.definition(kind), path),
                manager, subresource);
        return new Reply(200, ResourceRequests.tree(status ? port.updateStatus(r) : port.update(r)));
    }

    /** GET, PUT and PATCH of {@code <workload>/scale}: autoscaling/v1 Scale over spec.replicas. */
    Reply scale(HandlerType method, ResourceKind kind, ApiPath path, String contentType, byte[] body,
                String manager) {
        KubernetesPort port = served.port();
        ObjectNode live = port.get(kind.apiVersion(), kind.kind(), path.namespace(), path.name())
                .map(ResourceRequests::tree).orElseThrow(() -> ResourceRequests.notFound(kind, path));
        ObjectNode requested;
        switch (method.name()) {
            case "GET" -> {
                return new Reply(200, ScaleSubresource.of(live));
            }
            case "PUT" -> requested = ResourceRequests.parse(body);
            case "PATCH" -> {
                List<String> accepted = List.of(Patches.JSON, Patches.MERGE, Patches.STRATEGIC);
                if (!accepted.contains(contentType)) {
                    throw new KubernetesException(415, "UnsupportedMediaType", "the body of the request was in an "
                            + "unknown format - accepted media types include: " + String.join(", ", accepted),
                            null, null, null);
                }
                requested = Patches.apply(contentType, ScaleSubresource.of(live), body, PatchSchema.NONE);
            }
            default -> {
                return ResourceRequests.methodNotAllowed();
            }
        }
        GenericKubernetesResource r = recorded(kind, live, Resources.fromTree(ScaleSubresource.scaled(live, requested,
                kind)), manager, "scale");
        return new Reply(200, ScaleSubresource.of(ResourceRequests.tree(port.update(r))));
    }

    /** {@code r} with the Update by {@code manager} recorded in its managedFields. */
    GenericKubernetesResource recorded(ResourceKind kind, ObjectNode before, GenericKubernetesResource r,
                                       String manager, String subresource) {
        ObjectNode after = Resources.toTree(r);
        ManagedFields.recordUpdate(kind, before, after, manager, subresource, served.cluster().world().now());
        return Resources.fromTree(after);
    }

    private static KubernetesException invalidOptions(String detail) {
        return new KubernetesException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: " + detail,
                "PatchOptions", null, "");
    }
}
