package io.mirrordrill.emulator.ontap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A bare HTTP client for testing the server's wire format without the adapter. */
final class RawClient {
    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String text, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        JsonNode error() {
            return json().path("error");
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String authorization;

    RawClient(URI base, String user, String password) {
        this.base = base;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Answer post(String pathAndQuery, String body) {
        return send("POST", pathAndQuery, body);
    }

    Answer patch(String pathAndQuery, String body) {
        return send("PATCH", pathAndQuery, body);
    }

    Answer delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null);
    }

    Answer send(String method, String pathAndQuery, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
