package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.Optional;

/**
 * {@code metav1.Status} bodies as the API server writes them (apimachinery's {@code errors} package):
 * {@code details.kind} is the resource ({@code configmaps}) for NotFound, AlreadyExists and Conflict, and the kind
 * ({@code ConfigMap}) with field causes for Invalid.
 */
final class Statuses {
    static final String NO_RESOURCE = "the server could not find the requested resource";

    private Statuses() {
    }

    static ObjectNode failure(int code, String reason, String message) {
        ObjectNode status = base("Failure");
        status.put("message", message).put("reason", reason);
        status.putObject("details");
        status.put("code", code);
        return status;
    }

    static ObjectNode success() {
        return base("Success");
    }

    /** The Status of an error of the emulated API, naming the object it concerns. */
    static ObjectNode of(KubernetesException e, KindRegistry kinds) {
        ObjectNode status = failure(e.code(), e.reason() == null ? "" : e.reason(), e.getMessage());
        ObjectNode details = (ObjectNode) status.get("details");
        if (e.name() != null && !e.name().isEmpty()) {
            details.put("name", e.name());
        }
        Optional<ResourceKind> kind = e.kind() == null ? Optional.empty() : kindNamed(kinds, e.kind());
        if (kind.isPresent()) {
            if (!kind.get().group().isEmpty()) {
                details.put("group", kind.get().group());
            }
            details.put("kind", "Invalid".equals(e.reason()) ? kind.get().kind() : kind.get().plural());
        }
        if ("Invalid".equals(e.reason())) {
            cause(e.getMessage()).ifPresent(c -> details.putArray("causes").add(c));
        }
        return status;
    }

    /** {@code Kind "name" is invalid: field: Invalid value: ...} gives one cause for {@code field}. */
    private static Optional<ObjectNode> cause(String message) {
        int at = message.indexOf(" is invalid: ");
        if (at < 0) {
            return Optional.empty();
        }
        String detail = message.substring(at + " is invalid: ".length());
        int colon = detail.indexOf(": ");
        if (colon < 0) {
            return Optional.empty();
        }
        String text = detail.substring(colon + 2);
        String reason = text.startsWith("Required value") ? "FieldValueRequired"
                : text.startsWith("Forbidden") ? "FieldValueForbidden" : "FieldValueInvalid";
        ObjectNode cause = Resources.mapper().createObjectNode();
        cause.put("reason", reason).put("message", text).put("field", detail.substring(0, colon));
        return Optional.of(cause);
    }

    /** A kind by name, the core group's first (errors name kinds, not groups). */
    private static Optional<ResourceKind> kindNamed(KindRegistry kinds, String kind) {
        return kinds.all().stream().filter(k -> k.kind().equals(kind))
                .sorted((a, b) -> Boolean.compare(!a.group().isEmpty(), !b.group().isEmpty())).findFirst();
    }

    private static ObjectNode base(String outcome) {
        ObjectNode status = Resources.mapper().createObjectNode();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", outcome);
        return status;
    }
}
