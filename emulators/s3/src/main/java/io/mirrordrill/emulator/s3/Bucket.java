package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.S3Errors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** One bucket: objects in S3's key order, and the ListObjectsV2 rules over them. */
final class Bucket {
    private final String name;
    private final Instant created;
    private final NavigableMap<String, StoredObject> objects = new TreeMap<>(KeyOrder.INSTANCE);

    Bucket(String name, Instant created) {
        this.name = name;
        this.created = created;
    }

    String name() {
        return name;
    }

    Instant created() {
        return created;
    }

    StoredObject get(String key) {
        return objects.get(key);
    }

    void put(StoredObject object) {
        objects.put(object.info().key(), object);
    }

    boolean remove(String key) {
        return objects.remove(key) != null;
    }

    int size() {
        return objects.size();
    }

    /**
     * One page. Entries (keys, or common prefixes when a delimiter rolls keys up) are taken in key order after the
     * continuation token's marker; the token names the last entry returned and whether it was a common prefix, so a
     * resumed listing skips every key under that prefix.
     */
    ListPage list(ListRequest request) {
        String prefix = request.prefixOrEmpty();
        String delimiter = request.delimiter() == null || request.delimiter().isEmpty() ? null : request.delimiter();
        int max = Math.min(request.maxKeys(), ListRequest.MAX_KEYS);
        Marker marker = Marker.decode(request.continuationToken(), name);
        String start = marker == null || KeyOrder.INSTANCE.compare(marker.entry, prefix) < 0 ? prefix : marker.entry;
        NavigableMap<String, StoredObject> tail = objects.tailMap(start, true);
        List<ObjectInfo> keys = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Marker last = null;
        boolean truncated = false;
        for (Map.Entry<String, StoredObject> e : tail.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            if (marker != null && (key.equals(marker.entry) || marker.commonPrefix && key.startsWith(marker.entry))) {
                continue;
            }
            int at = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            Marker entry = at < 0 ? new Marker(key, false)
                    : new Marker(key.substring(0, at + delimiter.length()), true);
            if (entry.commonPrefix && last != null && last.commonPrefix && last.entry.equals(entry.entry)) {
                continue;
            }
            if (keys.size() + prefixes.size() == max) {
                truncated = max > 0;
                break;
            }
            if (entry.commonPrefix) {
                prefixes.add(entry.entry);
            } else {
                keys.add(e.getValue().info());
            }
            last = entry;
        }
        return new ListPage(keys, prefixes, truncated, truncated ? last.encode() : null);
    }

    /** Where a listing resumes: the last entry returned. Encoded opaquely, as S3's tokens are. */
    private record Marker(String entry, boolean commonPrefix) {
        String encode() {
            byte[] raw = ((commonPrefix ? "P" : "K") + entry).getBytes(StandardCharsets.UTF_8);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        }

        static Marker decode(String token, String bucket) {
            if (token == null) {
                return null;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (raw.startsWith("P") || raw.startsWith("K")) {
                    return new Marker(raw.substring(1), raw.startsWith("P"));
                }
            } catch (IllegalArgumentException e) {
                // falls through to S3's answer for a token it did not hand out
            }
            throw S3Errors.invalidArgument("The continuation token provided is incorrect", bucket);
        }
    }
}
