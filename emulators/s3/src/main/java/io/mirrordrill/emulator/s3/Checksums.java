package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.S3Errors;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * Integrity checks S3 performs on an upload: {@code Content-MD5} and the flexible checksums
 * ({@code x-amz-checksum-crc32|crc32c|sha1|sha256}, as a header or an aws-chunked trailer), each base64 of the
 * big-endian digest. {@code x-amz-checksum-crc64nvme} has no JDK implementation and is accepted unchecked.
 */
final class Checksums {
    private static final String[] ALGORITHMS = {"crc32", "crc32c", "sha1", "sha256"};

    private Checksums() {}

    static void verifyHeaders(SigV4.Request request, byte[] content, String bucket, String key) {
        String md5 = request.header("Content-MD5");
        if (md5 != null && !md5.trim().equals(Base64.getEncoder().encodeToString(digest("MD5", content)))) {
            throw new ObjectStoreException(400, S3Errors.BAD_DIGEST,
                    "The Content-MD5 you specified did not match what we received.", bucket, key);
        }
        for (String algorithm : ALGORITHMS) {
            String value = request.header("x-amz-checksum-" + algorithm);
            if (value != null) {
                verify("x-amz-checksum-" + algorithm, value, content, bucket, key);
            }
        }
    }

    static void verify(String header, String value, byte[] content, String bucket, String key) {
        String algorithm = header.toLowerCase(Locale.ROOT).replace("x-amz-checksum-", "");
        byte[] expected = switch (algorithm) {
            case "crc32" -> crc(new CRC32(), content);
            case "crc32c" -> crc(new CRC32C(), content);
            case "sha1" -> digest("SHA-1", content);
            case "sha256" -> digest("SHA-256", content);
            default -> null;
        };
        if (expected != null && !Base64.getEncoder().encodeToString(expected).equals(value.trim())) {
            throw new ObjectStoreException(400, S3Errors.BAD_DIGEST, "The " + algorithm.toUpperCase(Locale.ROOT)
                    + " you specified did not match the calculated checksum.", bucket, key);
        }
    }

    private static byte[] crc(Checksum crc, byte[] content) {
        crc.update(content, 0, content.length);
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }

    private static byte[] digest(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
