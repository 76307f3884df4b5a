package io.mirrordrill.adapter.element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.element.ElementException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC over HTTP to one Element cluster with {@code java.net.http}: {@code POST} of
 * {@code {"method","params","id"}} to the endpoint with Basic authentication, the {@code result} returned, an
 * {@code error} member turned into an {@link ElementException} with Element's name, and any failure to get an answer
 * into an {@link UnreachableException}. HTTPS verifies the certificate against the JVM's trust store. Messages name the
 * endpoint, never the credentials.
 */
final class ElementJsonRpc {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The name given to an HTTP refusal that carries no Element error (401 and the like); not an Element name. */
    static final String HTTP_ERROR = "httpError";

    private final URI endpoint;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final AtomicLong ids = new AtomicLong();

    ElementJsonRpc(URI endpoint, String username, String password, Duration connectTimeout, Duration requestTimeout) {
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Element credentials need a user name and a password");
        }
        this.endpoint = endpoint;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build();
    }

    URI endpoint() {
        return endpoint;
    }

    /** Calls {@code method} and returns its {@code result}. */
    JsonNode call(String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode body = JSON.createObjectNode().put("method", method).put("id", id);
        body.set("params", params);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(requestTimeout)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UnreachableException("Element " + endpoint, reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("Element " + endpoint, "interrupted while waiting for " + method);
        }
        JsonNode answer = parse(response.body());
        JsonNode error = answer == null ? null : answer.get("error");
        if (error != null && error.isObject()) {
            throw new ElementException(error.path("code").asInt(500), error.path("name").asText(HTTP_ERROR),
                    error.path("message").asText(method + " failed"));
        }
        if (response.statusCode() != 200) {
            throw new ElementException(response.statusCode(), HTTP_ERROR, method + " on " + endpoint
                    + " answered HTTP " + response.statusCode());
        }
        if (answer == null || !answer.path("result").isObject()) {
            throw new ElementException(502, HTTP_ERROR, method + " on " + endpoint
                    + " answered without a JSON-RPC result");
        }
        return answer.get("result");
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within the connect timeout";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + requestTimeout + " (the request may have taken effect)";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return "connection failed (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + e.getMessage()) + "); the request may have taken effect";
    }
}
