package io.mirrordrill.emulator.k8s.server;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The API server's token authentication with anonymous requests off: every request, discovery and {@code /version}
 * included, must carry {@code Authorization: Bearer <token>}; a missing, malformed or wrong one (basic auth too) is
 * 401 with the Status {@code Unauthorized}, as the authentication filter answers before any routing.
 */
final class BearerToken {
    private final byte[] expected;

    BearerToken(String token) {
        if (token == null || token.isBlank() || !token.equals(token.strip())) {
            throw new IllegalArgumentException("a bearer token must be non-blank, without surrounding spaces");
        }
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request carries the token; compared in constant time so timing tells nothing of it. */
    boolean admits(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.UTF_8));
    }

    static Reply unauthorized() {
        return new Reply(401, Statuses.failure(401, "Unauthorized", "Unauthorized"));
    }
}
