package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.S3Errors;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a request body into the object's bytes according to {@code x-amz-content-sha256}:
 * a hex SHA-256 (checked), {@code UNSIGNED-PAYLOAD}, or one of the aws-chunked streaming modes
 * ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]} with chained chunk signatures and a signed trailer,
 * {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER} without signatures). Flexible checksums, sent as a header or a trailer,
 * are verified by {@link Checksums}.
 */
final class Payload {
    static final String UNSIGNED = "UNSIGNED-PAYLOAD";
    static final String STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    static final String STREAMING_SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    private Payload() {}

    static byte[] decode(SigV4.Verified auth, SigV4.Request request, byte[] body, String bucket, String key) {
        String mode = request.header("x-amz-content-sha256");
        byte[] content;
        List<String[]> trailers = new ArrayList<>();
        if (mode.equals(UNSIGNED)) {
            content = body;
        } else if (mode.equals(STREAMING_SIGNED) || mode.equals(STREAMING_SIGNED_TRAILER)
                || mode.equals(STREAMING_UNSIGNED_TRAILER)) {
            content = new Chunks(body, mode.startsWith("STREAMING-AWS4") ? auth : null, bucket, key).read(trailers);
            String declared = request.header("x-amz-decoded-content-length");
            if (declared != null && !declared.equals(String.valueOf(content.length))) {
                throw new ObjectStoreException(400, S3Errors.INCOMPLETE_BODY, "You did not provide the number of "
                        + "bytes specified by the Content-Length HTTP header", bucket, key);
            }
        } else if (mode.matches("[0-9a-f]{64}")) {
            if (!mode.equals(SigV4.hex(SigV4.sha256(body)))) {
                throw new ObjectStoreException(400, S3Errors.CONTENT_SHA256_MISMATCH, "The provided "
                        + "'x-amz-content-sha256' header does not match what was computed.", bucket, key);
            }
            content = body;
        } else {
            throw new ObjectStoreException(400, S3Errors.INVALID_ARGUMENT,
                    "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-... or a valid sha256 value.", bucket,
                    key);
        }
        Checksums.verifyHeaders(request, content, bucket, key);
        for (String[] trailer : trailers) {
            Checksums.verify(trailer[0], trailer[1], content, bucket, key);
        }
        return content;
    }

    /** The aws-chunked framing: {@code hex-size[;chunk-signature=sig]\r\n data \r\n}, a zero chunk, trailers. */
    private static final class Chunks {
        private final byte[] body;
        private final SigV4.Verified auth;
        private final String bucket;
        private final String key;
        private int pos;
        private String previousSignature;

        Chunks(byte[] body, SigV4.Verified auth, String bucket, String key) {
            this.body = body;
            this.auth = auth;
            this.bucket = bucket;
            this.key = key;
            this.previousSignature = auth == null ? null : auth.seedSignature();
        }

        byte[] read(List<String[]> trailers) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String header = line();
                String[] parts = header.split(";", 2);
                int size;
                try {
                    size = Integer.parseInt(parts[0].trim(), 16);
                } catch (NumberFormatException e) {
                    throw malformed("bad chunk size '" + parts[0] + "'");
                }
                if (size < 0 || pos + size > body.length) {
                    throw malformed("chunk runs past the end of the body");
                }
                byte[] data = java.util.Arrays.copyOfRange(body, pos, pos + size);
                pos += size;
                if (auth != null) {
                    checkChunkSignature(parts.length == 2 ? parts[1].trim() : "", data);
                }
                if (size == 0) {
                    readTrailers(trailers);
                    return out.toByteArray();
                }
                out.write(data, 0, size);
                if (!line().isEmpty()) {
                    throw malformed("chunk data is not followed by CRLF");
                }
            }
        }

        private void checkChunkSignature(String extension, byte[] data) {
            if (!extension.startsWith("chunk-signature=")) {
                throw malformed("a signed chunk lacks its chunk-signature");
            }
            String stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + auth.timestamp() + "\n" + auth.scope() + "\n"
                    + previousSignature + "\n" + SigV4.EMPTY_SHA256 + "\n" + SigV4.hex(SigV4.sha256(data));
            previousSignature = requireSignature(extension.substring("chunk-signature=".length()), stringToSign);
        }

        private void readTrailers(List<String[]> trailers) {
            StringBuilder canonical = new StringBuilder();
            String signature = null;
            while (pos < body.length) {
                String line = line();
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw malformed("bad trailer line");
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals("x-amz-trailer-signature")) {
                    signature = value;
                } else {
                    trailers.add(new String[] {name, value});
                    canonical.append(name).append(':').append(value).append('\n');
                }
            }
            if (auth != null && !trailers.isEmpty()) {
                if (signature == null) {
                    throw malformed("signed trailers lack x-amz-trailer-signature");
                }
                String stringToSign = "AWS4-HMAC-SHA256-TRAILER\n" + auth.timestamp() + "\n" + auth.scope() + "\n"
                        + previousSignature + "\n"
                        + SigV4.hex(SigV4.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
                requireSignature(signature, stringToSign);
            }
        }

        private String requireSignature(String given, String stringToSign) {
            String expected = SigV4.hex(SigV4.hmac(auth.signingKey(), stringToSign));
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    given.getBytes(StandardCharsets.US_ASCII))) {
                throw new ObjectStoreException(403, S3Errors.SIGNATURE_DOES_NOT_MATCH, "The request signature we "
                        + "calculated does not match the signature you provided. Check your key and signing method.",
                        bucket, key);
            }
            return expected;
        }

        /** The next CRLF-terminated line, without the CRLF. */
        private String line() {
            int start = pos;
            while (pos + 1 < body.length && !(body[pos] == '\r' && body[pos + 1] == '\n')) {
                pos++;
            }
            if (pos + 1 >= body.length) {
                throw malformed("the chunked body ends inside a line");
            }
            String line = new String(body, start, pos - start, StandardCharsets.US_ASCII);
            pos += 2;
            return line;
        }

        private ObjectStoreException malformed(String why) {
            return new ObjectStoreException(400, S3Errors.INCOMPLETE_BODY, "Malformed aws-chunked body: " + why,
                    bucket, key);
        }
    }
}
