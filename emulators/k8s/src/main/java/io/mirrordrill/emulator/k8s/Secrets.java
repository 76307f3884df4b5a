package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * What the API server does to a core/v1 Secret on every write, before anything is stored (the v1 to internal
 * conversion): {@code data} values must be standard base64 (Go's {@code []byte} JSON decoding; otherwise 400
 * BadRequest {@code Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte N}), and
 * {@code stringData} is a write-only convenience: each value lands base64-encoded in {@code data}, overriding a
 * {@code data} key of the same name, and {@code stringData} itself is never stored or returned.
 */
public final class Secrets {
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Secrets() {
    }

    static boolean isSecret(ResourceKind kind) {
        return kind.group().isEmpty() && kind.kind().equals("Secret");
    }

    /**
     * For a Secret, checks {@code data} and folds {@code stringData} into it, in place; other kinds are left alone.
     * The API server does it while decoding, so what it records (managedFields) never names stringData either.
     */
    public static void normalise(ResourceKind kind, ObjectNode object) {
        if (isSecret(kind)) {
            normalise(object);
        }
    }

    private static void normalise(ObjectNode secret) {
        JsonNode data = secret.get("data");
        if (data != null && data.isObject()) {
            data.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    checkBase64(e.getValue().asText());
                }
            });
        }
        JsonNode stringData = secret.remove("stringData");
        if (stringData == null || !stringData.isObject() || stringData.isEmpty()) {
            return;
        }
        ObjectNode merged = data != null && data.isObject() ? (ObjectNode) data : secret.putObject("data");
        Iterator<Map.Entry<String, JsonNode>> fields = stringData.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            merged.put(e.getKey(), Base64.getEncoder().encodeToString(e.getValue().asText()
                    .getBytes(StandardCharsets.UTF_8)));
        }
        secret.set("data", merged);
    }

    /**
     * Go's {@code base64.StdEncoding}: the alphabet, '=' padding only at the end, whole quanta of four; CR and LF are
     * skipped. The offset named is that of the first illegal character, or the start of an incomplete last quantum.
     */
    private static void checkBase64(String value) {
        int quantum = 0;
        int quantumStart = 0;
        int padding = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                continue;
            }
            if (quantum == 0) {
                quantumStart = i;
            }
            if (c == '=') {
                if (quantum < 2) {
                    throw illegal(i);
                }
                padding++;
            } else if (padding > 0 || BASE64.indexOf(c) < 0) {
                throw illegal(i);
            }
            quantum = (quantum + 1) % 4;
            if (quantum == 0 && padding > 0 && i + 1 < value.length()) {
                throw illegal(i + 1); // nothing may follow the padding
            }
        }
        if (quantum != 0) {
            throw illegal(quantumStart);
        }
    }

    private static KubernetesException illegal(int offset) {
        return new KubernetesException(400, "BadRequest", "Secret in version \"v1\" cannot be handled as a Secret: "
                + "illegal base64 data at input byte " + offset, null, null, null);
    }
}
