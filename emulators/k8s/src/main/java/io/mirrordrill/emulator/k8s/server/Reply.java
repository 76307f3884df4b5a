package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.mirrordrill.port.kubernetes.Resources;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** An answer: HTTP status and JSON body; written outside the lock. */
record Reply(int status, JsonNode body) {
    static final String JSON = "application/json";

    static byte[] bytes(JsonNode body) {
        try {
            return Resources.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON answer", e);
        }
    }

    /** {@code text} as a quoted string of an HTTP header (RFC 7230): backslashes and quotes escaped. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    void write(Context ctx) {
        ctx.status(status).contentType(JSON).result(bytes(body));
    }

    /** No answer at all: what a client sees when the network between it and the cluster is cut. */
    static void dropConnection(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }
}
