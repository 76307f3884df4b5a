package io.mirrordrill.adapter.ontap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * JSON over HTTP to one ONTAP cluster with {@code java.net.http}: Basic authentication on every request, ONTAP's
 * error body turned into an {@link OntapException} with its code, and any failure to get an answer (refused or
 * dropped connection, TLS failure, timeout) into an {@link UnreachableException}. Messages name the endpoint, never
 * the credentials.
 */
final class OntapHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 10_000;

    private final URI base;
    private final String authorization;
    private final OntapRestConfig config;
    private final HttpClient client;

    OntapHttp(OntapRestConfig config) {
        this.config = config;
        this.base = config.baseUri();
        this.authorization = config.credentials().authorizationHeader();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout());
        if (base.getScheme().equals("https")) {
            builder.sslContext(Tls.context(config));
        }
        this.client = builder.build();
    }

    URI base() {
        return base;
    }

    JsonNode get(String path, Query query) {
        return send("GET", path + query, null);
    }

    /** Every record of a collection, following {@code _links.next} from page to page. */
    List<JsonNode> records(String path, Query query) {
        List<JsonNode> records = new ArrayList<>();
        String next = path + query;
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw new OntapException(500, OntapErrors.INVALID, "more than " + MAX_PAGES + " pages from "
                        + base + path + "; is the next link looping?");
            }
            JsonNode answer = send("GET", next, null);
            answer.path("records").forEach(records::add);
            JsonNode link = answer.path("_links").path("next").path("href");
            next = link.isTextual() ? link.asText() : null;
        }
        return records;
    }

    JsonNode send(String method, String pathAndQuery, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(config.requestTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/hal+json, application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UnreachableException("ONTAP " + base, reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("ONTAP " + base, "interrupted while waiting for " + method + " "
                    + pathOf(pathAndQuery));
        }
        return answer(method, pathAndQuery, response);
    }

    private JsonNode answer(String method, String pathAndQuery, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode json = parse(response.body());
        if (status >= 200 && status < 300) {
            if (json == null) {
                throw new OntapException(502, OntapErrors.INVALID, method + " " + pathOf(pathAndQuery) + " on " + base
                        + " answered " + status + " without a JSON body");
            }
            return json;
        }
        JsonNode error = json == null ? null : json.path("error");
        if (error != null && error.isObject()) {
            String target = error.path("target").isTextual() ? error.path("target").asText() : null;
            return fail(status, error.path("code").asText(genericCode(status)), error.path("message").asText(
                    "HTTP " + status), target);
        }
        return fail(status, genericCode(status), method + " " + pathOf(pathAndQuery) + " on " + base + " answered HTTP "
                + status + " without an ONTAP error body", null);
    }

    private static JsonNode fail(int status, String code, String message, String target) {
        throw new OntapException(status, code, message, target);
    }

    /** The generic ONTAP code closest to an HTTP status, for answers that carry no ONTAP error. */
    private static String genericCode(int status) {
        return switch (status) {
            case 401, 403 -> OntapErrors.PERMISSION_DENIED;
            case 404 -> OntapErrors.NOT_FOUND;
            case 409 -> OntapErrors.EXISTS;
            default -> OntapErrors.INVALID;
        };
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static byte[] bytes(ObjectNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String pathOf(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    private String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + config.connectTimeout();
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + config.requestTimeout() + " (the request may have taken effect)";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        Throwable ssl = e;
        while (ssl != null && !(ssl instanceof SSLException)) {
            ssl = ssl.getCause();
        }
        if (ssl != null) {
            return "TLS failed: " + ssl.getMessage();
        }
        return "connection failed (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + e.getMessage()) + "); the request may have taken effect";
    }
}
