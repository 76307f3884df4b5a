package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.Resources;

/** An error of the server whose Status carries causes of its own (apply conflicts, patches that cannot apply). */
final class StatusError extends KubernetesException {
    private final transient ArrayNode causes;

    StatusError(int code, String reason, String message, ArrayNode causes) {
        super(code, reason, message, null, null, null);
        this.causes = causes;
    }

    /** apimachinery's NewGenericServerResponse(422): a generic message, what went wrong as the one cause. */
    static StatusError unprocessable(String cause) {
        ArrayNode causes = Resources.mapper().createArrayNode();
        causes.addObject().put("message", cause);
        return new StatusError(422, "Invalid", "the server rejected our request due to an error in our request",
                causes);
    }

    ObjectNode status() {
        ObjectNode status = Statuses.failure(code(), reason(), getMessage());
        ((ObjectNode) status.get("details")).set("causes", causes);
        return status;
    }
}
