package io.mirrordrill.emulator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdException.Reason;
import io.mirrordrill.port.etcd.SnapshotStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The emulator's snapshot file, laid out like etcd's: a database (here a header line and one JSON document) followed
 * by the SHA-256 of the database, which {@code snapshot restore} verifies and {@code snapshot status} does not. The
 * JSON keeps each object's field order, so the same writes give the same bytes, and a restore gives back the very
 * trees that were saved.
 */
final class EtcdSnapshotCodec {
    static final String HEADER = "mirrordrill etcd snapshot v1\n";
    static final int HASH_LENGTH = 32;
    private static final byte[] HEADER_BYTES = HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EtcdSnapshotCodec() {
    }

    static byte[] encode(SnapshotImage image) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("cluster", image.cluster()).put("revision", image.revision());
        ArrayNode kvs = doc.putArray("kvs");
        for (SnapshotImage.Entry e : image.entries()) {
            kvs.addObject().put("key", e.key()).put("apiVersion", e.apiVersion()).put("kind", e.kind())
                    .set("value", e.object());
        }
        try {
            byte[] json = JSON.writeValueAsBytes(doc);
            byte[] db = concat(HEADER_BYTES, json);
            return concat(db, sha256(db));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise snapshot of " + image.cluster(), e);
        }
    }

    /** {@code snapshot status}: reads the database without checking the integrity hash, as etcd does. */
    static SnapshotStatus status(byte[] file) {
        byte[] db = database(file);
        SnapshotImage image = parse(db);
        CRC32C crc = new CRC32C();
        crc.update(db);
        return new SnapshotStatus(crc.getValue(), image.revision(), image.entries().size(), db.length);
    }

    /** {@code snapshot restore}'s reading: the integrity hash must match before anything is used. */
    static SnapshotImage verifiedImage(byte[] file) {
        byte[] db = database(file);
        byte[] expected = Arrays.copyOfRange(file, db.length, file.length);
        byte[] actual = sha256(db);
        if (!Arrays.equals(expected, actual)) {
            throw corrupt("expected sha256 " + HexFormat.of().formatHex(expected) + ", got "
                    + HexFormat.of().formatHex(actual));
        }
        return parse(db);
    }

    private static byte[] database(byte[] file) {
        if (file.length < HEADER_BYTES.length + HASH_LENGTH) {
            throw corrupt("file size too small (" + file.length + " bytes)");
        }
        return Arrays.copyOf(file, file.length - HASH_LENGTH);
    }

    private static SnapshotImage parse(byte[] db) {
        if (!Arrays.equals(HEADER_BYTES, Arrays.copyOf(db, HEADER_BYTES.length))) {
            throw corrupt("invalid database: not an etcd snapshot");
        }
        try {
            JsonNode doc = JSON.readTree(Arrays.copyOfRange(db, HEADER_BYTES.length, db.length));
            List<SnapshotImage.Entry> entries = new ArrayList<>();
            for (JsonNode kv : doc.required("kvs")) {
                if (!(kv.required("value") instanceof ObjectNode value)) {
                    throw corrupt("invalid database: value of " + kv.path("key").asText() + " is not an object");
                }
                entries.add(new SnapshotImage.Entry(kv.required("key").asText(), kv.required("apiVersion").asText(),
                        kv.required("kind").asText(), value));
            }
            return new SnapshotImage(doc.required("cluster").asText(), doc.required("revision").asLong(), entries);
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt("invalid database: " + e.getMessage());
        }
    }

    private static EtcdException corrupt(String why) {
        return new EtcdException(Reason.CORRUPT_SNAPSHOT, why);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
