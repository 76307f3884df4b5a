package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.S3Errors;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 verification of a header-signed request, as S3 does it: the canonical request is built from
 * the raw (still encoded) path, the sorted re-encoded query, the signed headers and the declared payload hash
 * ({@code x-amz-content-sha256}), and the signature is recomputed with the secret of the claimed access key.
 * Not checked: clock skew (the emulator's clock is simulated, the client's is real) and presigned URLs.
 */
final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String EMPTY_SHA256 = hex(sha256(new byte[0]));
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-f]{64})");

    /** What a verified request was signed with; the streaming payload modes chain their chunk signatures from it. */
    record Verified(S3Credentials credentials, byte[] signingKey, String timestamp, String scope, String seedSignature) {}

    /** The parts of an HTTP request the signature covers. */
    record Request(String method, String rawPath, String rawQuery, Function<String, List<String>> headers) {
        String header(String name) {
            List<String> values = headers.apply(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final AccessKeys keys;
    private final String region;

    SigV4(AccessKeys keys, String region) {
        this.keys = keys;
        this.region = region;
    }

    Verified verify(Request request, String bucket, String key) {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            throw new ObjectStoreException(403, S3Errors.ACCESS_DENIED, "Access Denied", bucket, key);
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            throw new ObjectStoreException(400, "AuthorizationHeaderMalformed",
                    "The authorization header is malformed; only AWS4-HMAC-SHA256 is supported.", bucket, key);
        }
        String[] scope = m.group(1).split("/", 2);
        S3Credentials credentials = keys.find(scope[0], bucket, key);
        String[] parts = scope.length == 2 ? scope[1].split("/") : new String[0];
        if (parts.length != 4 || !parts[2].equals("s3") || !parts[3].equals("aws4_request")) {
            throw new ObjectStoreException(400, "AuthorizationHeaderMalformed",
                    "The authorization header is malformed; the Credential is mal-formed.", bucket, key);
        }
        if (!parts[1].equals(region)) {
            throw new ObjectStoreException(400, "AuthorizationHeaderMalformed", "The authorization header is "
                    + "malformed; the region '" + parts[1] + "' is wrong; expecting '" + region + "'", bucket, key);
        }
        String timestamp = request.header("x-amz-date");
        String payloadHash = request.header("x-amz-content-sha256");
        if (timestamp == null || payloadHash == null) {
            throw new ObjectStoreException(400, S3Errors.INVALID_REQUEST, "Missing required header for this request: "
                    + (timestamp == null ? "x-amz-date" : "x-amz-content-sha256"), bucket, key);
        }
        AccessKeys.checkToken(credentials, request.header("x-amz-security-token"), bucket, key);
        String credentialScope = scope[1];
        String canonical = canonicalRequest(request, m.group(2), payloadHash);
        String stringToSign = ALGORITHM + "\n" + timestamp + "\n" + credentialScope + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] signingKey = signingKey(credentials.secretAccessKey(), parts[0], parts[1]);
        String expected = hex(hmac(signingKey, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(3).getBytes(StandardCharsets.US_ASCII))) {
            throw AccessKeys.signatureDoesNotMatch(bucket, key);
        }
        return new Verified(credentials, signingKey, timestamp, credentialScope, m.group(3));
    }

    static String canonicalRequest(Request request, String signedHeaders, String payloadHash) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            List<String> values = request.headers().apply(name);
            List<String> trimmed = new ArrayList<>();
            if (values != null) {
                values.forEach(v -> trimmed.add(v.trim().replaceAll("\\s+", " ")));
            }
            headers.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        return request.method() + "\n" + request.rawPath() + "\n" + canonicalQuery(request.rawQuery()) + "\n"
                + headers + "\n" + signedHeaders + "\n" + payloadHash;
    }

    /** Parameters decoded, re-encoded the AWS way and sorted by name, then value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new String[] {UriCodec.encode(UriCodec.decode(name), true),
                UriCodec.encode(UriCodec.decode(value), true)});
        }
        params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> out = new ArrayList<>();
        params.forEach(p -> out.add(p[0] + "=" + p[1]));
        return String.join("&", out);
    }

    static byte[] signingKey(String secret, String date, String region) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, "s3");
        return hmac(k, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
