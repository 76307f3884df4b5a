package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.S3Errors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One bucket: objects in S3's key order, the ListObjectsV2 rules over them, and the multipart uploads in progress
 * (kept in initiation order).
 */
final class Bucket {
    private final String name;
    private final Instant created;
    private final NavigableMap<String, StoredObject> objects = new TreeMap<>(KeyOrder.INSTANCE);
    /** The same objects by key, for the lookups of GET, HEAD and conditional PUT; changed with {@link #objects}. */
    private final Map<String, StoredObject> byKey = new HashMap<>();
    private final Map<String, MultipartUpload> uploads = new LinkedHashMap<>();

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
        return byKey.get(key);
    }

    void put(StoredObject object) {
        objects.put(object.info().key(), object);
        byKey.put(object.info().key(), object);
    }

    boolean remove(String key) {
        byKey.remove(key);
        return objects.remove(key) != null;
    }

    int size() {
        return objects.size();
    }

    void addUpload(MultipartUpload upload) {
        uploads.put(upload.uploadId(), upload);
    }

    MultipartUpload upload(String uploadId) {
        return uploads.get(uploadId);
    }

    boolean removeUpload(String uploadId) {
        return uploads.remove(uploadId) != null;
    }

    /**
     * One page of the uploads in progress, by key then initiation. Markers as S3's: uploads of keys after
     * {@code keyMarker}, and with {@code uploadIdMarker} also the uploads of {@code keyMarker} itself initiated after
     * that upload. With a delimiter, keys roll up into common prefixes as in a listing of objects.
     */
    UploadList listUploads(String prefix, String delimiter, String keyMarker, String uploadIdMarker, int max) {
        List<MultipartUpload> ordered = new ArrayList<>(uploads.values());
        ordered.sort((a, b) -> KeyOrder.INSTANCE.compare(a.key(), b.key())); // stable: initiation order per key
        String p = prefix == null ? "" : prefix;
        List<UploadList.Upload> out = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean hasKeyMarker = keyMarker != null && !keyMarker.isEmpty();
        boolean hasIdMarker = uploadIdMarker != null && !uploadIdMarker.isEmpty();
        boolean rolledUpMarker = hasKeyMarker && delimiter != null && !delimiter.isEmpty()
                && keyMarker.endsWith(delimiter);
        boolean beforeIdMarker = hasIdMarker;
        String lastKey = null;
        String lastId = null;
        for (MultipartUpload u : ordered) {
            String key = u.key();
            if (!key.startsWith(p)) {
                continue;
            }
            if (hasKeyMarker) {
                int c = KeyOrder.INSTANCE.compare(key, keyMarker);
                if (c < 0 || (c == 0 && !hasIdMarker) || (rolledUpMarker && key.startsWith(keyMarker))) {
                    continue;
                }
                if (c == 0 && beforeIdMarker) {
                    beforeIdMarker = !u.uploadId().equals(uploadIdMarker);
                    continue;
                }
            }
            int at = delimiter == null || delimiter.isEmpty() ? -1 : key.indexOf(delimiter, p.length());
            if (at >= 0) {
                String common = key.substring(0, at + delimiter.length());
                if (!prefixes.isEmpty() && prefixes.get(prefixes.size() - 1).equals(common)) {
                    continue;
                }
                if (out.size() + prefixes.size() == max) {
                    return new UploadList(out, prefixes, max > 0, lastKey, lastId);
                }
                prefixes.add(common);
                lastKey = common;
                lastId = null;
                continue;
            }
            if (out.size() + prefixes.size() == max) {
                return new UploadList(out, prefixes, max > 0, lastKey, lastId);
            }
            out.add(new UploadList.Upload(key, u.uploadId(), u.initiated()));
            lastKey = key;
            lastId = u.uploadId();
        }
        return new UploadList(out, prefixes, false, null, null);
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
        List<ObjectInfo> keys = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Marker last = null;
        boolean truncated = false;
        Map.Entry<String, StoredObject> e = objects.ceilingEntry(start);
        while (e != null) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            if (marker != null && (key.equals(marker.entry) || marker.commonPrefix && key.startsWith(marker.entry))) {
                e = objects.higherEntry(key);
                continue;
            }
            int at = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            Marker entry = at < 0 ? new Marker(key, false)
                    : new Marker(key.substring(0, at + delimiter.length()), true);
            if (entry.commonPrefix && last != null && last.commonPrefix && last.entry.equals(entry.entry)) {
                e = objects.higherEntry(key);
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
            // a common prefix is listed once: jump over its keys instead of walking them (a listing of N folders
            // costs N steps, not every object under them); a key the jump lands on that still has the prefix (one
            // with a character beyond U+FFFF right after it) is stepped over by the check above
            e = entry.commonPrefix ? objects.higherEntry(entry.entry + Character.MAX_VALUE) : objects.higherEntry(key);
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
