package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.BucketInfo;
import io.mirrordrill.port.objectstore.ByteRange;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectContent;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.WriteCondition;
import io.mirrordrill.sim.RandomStream;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An in-memory S3 endpoint at one site of a {@link World}: buckets, objects with MD5 ETags, conditional create,
 * ranges and ListObjectsV2, deterministic under the world's clock (LastModified, cut to seconds as S3 reports it) and
 * in S3's key order. Mutations and faults are recorded in the world's trace under {@code s3:<name>}.
 *
 * <p>Callers use it through {@link #port(String)}, a handle for a caller site that applies reachability and faults.
 * Faults (see {@link S3Faults}) are state on the store: an unavailable bucket answers 503 ServiceUnavailable, the next
 * N requests answer 503 SlowDown, the next N writes take effect but lose their response, and extra latency makes
 * every request slower (see {@link S3StoreHandle} for how latency and deadlines work).
 *
 * <p>Like the world, the store is single-threaded. {@link #lock()} is the one lock that the S3 server takes around
 * every request; any other thread touching the store or its world while a server runs must take it too. It is the
 * world's lock ({@link World#lock()}), shared with the servers of the world's other emulators.
 */
public final class S3Store {
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    /** S3's smallest part but the last (5 MiB) and its most parts per upload. */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    static final int MAX_PARTS = 10_000;

    private final World world;
    private final String name;
    private final String site;
    private final String source;
    private final Map<String, Bucket> buckets = new TreeMap<>();
    private final RandomStream uploadIds;
    private final Set<String> unavailableBuckets = new TreeSet<>();
    private int slowDownRemaining;
    private int lostResponsesRemaining;
    private Duration extraLatency = Duration.ZERO;

    public S3Store(World world, String name, String site) {
        if (!world.network().hasSite(site)) {
            throw new SimulationException("object store " + name + " needs a known site, got '" + site + "'");
        }
        this.world = world;
        this.name = name;
        this.site = site;
        this.source = "s3:" + name;
        this.uploadIds = world.random(source + ":upload-ids");
        world.record(source, "store created at site " + site);
    }

    public String name() {
        return name;
    }

    public String site() {
        return site;
    }

    public World world() {
        return world;
    }

    /** The one lock serialising server threads against the single-threaded store and world: the world's. */
    public ReentrantLock lock() {
        return world.lock();
    }

    /** A port handle for a caller at {@code callerSite}; it fails with UnreachableException when the sites can't talk. */
    public S3StoreHandle port(String callerSite) {
        world.network().isSiteUp(callerSite); // validates the site name now rather than at the first call
        return new S3StoreHandle(this, callerSite);
    }

    // ---- direct fault controls (the Fault records in S3Faults call these) --------------------------------------

    /** Makes a bucket answer every request with 503 ServiceUnavailable until {@link #restoreBucket}. */
    public void bucketOutage(String bucket) {
        if (unavailableBuckets.add(bucket)) {
            world.record(source, "fault bucket " + bucket + " unavailable");
        }
    }

    public void restoreBucket(String bucket) {
        if (unavailableBuckets.remove(bucket)) {
            world.record(source, "fault bucket " + bucket + " available");
        }
    }

    /** The next {@code requests} requests reaching the store answer 503 SlowDown and change nothing. */
    public void slowDownNext(int requests) {
        slowDownRemaining = requireCount(requests);
        world.record(source, "fault slowdown next " + requests + " requests");
    }

    /** The next {@code writes} puts or deletes take effect, but their callers get a ResponseLostException. */
    public void loseResponsesOfNextWrites(int writes) {
        lostResponsesRemaining = requireCount(writes);
        world.record(source, "fault lose responses of next " + writes + " writes");
    }

    /** Every request takes this much extra simulated time (zero restores normal service). */
    public void slow(Duration extra) {
        if (extra.isNegative()) {
            throw new SimulationException("extra latency is not negative: " + extra);
        }
        extraLatency = extra;
        world.record(source, "fault extra latency " + extra);
    }

    public Duration extraLatency() {
        return extraLatency;
    }

    // ---- what the handle calls ----------------------------------------------------------------------------------

    /** Counts a request that reached the store against the SlowDown and outage faults. */
    void admit(String operation, String bucket, String key) {
        if (slowDownRemaining > 0) {
            slowDownRemaining--;
            world.record(source, "slowdown " + operation + " " + path(bucket, key));
            throw S3Errors.slowDown(bucket, key);
        }
        if (bucket != null && unavailableBuckets.contains(bucket)) {
            world.record(source, "unavailable " + operation + " " + path(bucket, key));
            throw S3Errors.serviceUnavailable(bucket, key);
        }
    }

    /** A copy's source bucket answers for its own outage, beside the destination that {@link #admit} checks. */
    private void requireAvailable(String bucket, String key) {
        if (unavailableBuckets.contains(bucket)) {
            world.record(source, "unavailable copy source " + path(bucket, key));
            throw S3Errors.serviceUnavailable(bucket, key);
        }
    }

    /** True once per lost response: the write already happened, the caller must not learn how it went. */
    boolean takeLostResponse(String operation, String bucket, String key) {
        if (lostResponsesRemaining == 0) {
            return false;
        }
        lostResponsesRemaining--;
        world.record(source, "response lost " + operation + " " + path(bucket, key));
        return true;
    }

    void recordTimeout(String operation, String bucket, String key, Duration latency, Duration deadline) {
        world.record(source, "timeout " + operation + " " + path(bucket, key) + " took " + latency + " > " + deadline);
    }

    void createBucket(String bucket) {
        if (bucket == null || !BUCKET_NAME.matcher(bucket).matches() || IP_ADDRESS.matcher(bucket).matches()
                || bucket.contains("..")) {
            throw S3Errors.invalidBucketName(bucket);
        }
        if (buckets.containsKey(bucket)) {
            throw S3Errors.bucketAlreadyOwnedByYou(bucket);
        }
        buckets.put(bucket, new Bucket(bucket, now()));
        world.record(source, "create bucket " + bucket);
    }

    boolean bucketExists(String bucket) {
        return buckets.containsKey(bucket);
    }

    /** Every bucket, bypassing the network and faults: for set-up, summaries and assertions. */
    public List<BucketInfo> listBuckets() {
        List<BucketInfo> out = new ArrayList<>();
        buckets.values().forEach(b -> out.add(new BucketInfo(b.name(), b.created())));
        return out;
    }

    String put(String bucket, String key, byte[] content, WriteCondition condition) {
        Bucket b = bucket(bucket);
        requireKey(bucket, key);
        if (condition == WriteCondition.IF_NONE_MATCH && b.get(key) != null) {
            world.record(source, "put refused " + path(bucket, key) + " exists");
            throw S3Errors.preconditionFailed(bucket, key);
        }
        StoredObject object = StoredObject.of(key, content, now());
        b.put(object);
        world.record(source, "put " + path(bucket, key) + " size=" + content.length + " etag=" + object.info().etag());
        return object.info().etag();
    }

    ObjectContent get(String bucket, String key, ByteRange range, Consumer<ObjectInfo> precondition) {
        StoredObject object = object(bucket, key);
        precondition.accept(object.info());
        if (range == null) {
            return new ObjectContent(object.info(), 0, object.content());
        }
        long[] span = range.resolve(object.info().size());
        if (span == null) {
            throw S3Errors.invalidRange(bucket, key);
        }
        byte[] bytes = Arrays.copyOfRange(object.content(), (int) span[0], (int) span[1] + 1);
        return new ObjectContent(object.info(), span[0], bytes);
    }

    ObjectInfo head(String bucket, String key, Consumer<ObjectInfo> precondition) {
        ObjectInfo info = object(bucket, key).info();
        precondition.accept(info);
        return info;
    }

    /** DeleteBucket: refused while objects remain; uploads in progress go with the bucket, as in S3. */
    void deleteBucket(String bucket) {
        Bucket b = bucket(bucket);
        if (b.size() > 0) {
            world.record(source, "delete bucket refused " + bucket + " not empty");
            throw S3Errors.bucketNotEmpty(bucket);
        }
        buckets.remove(bucket);
        world.record(source, "delete bucket " + bucket);
    }

    /**
     * CopyObject: the source's bytes and ETag under a new key, modified now; {@code precondition} sees the source
     * (the {@code x-amz-copy-source-if-*} headers).
     */
    ObjectInfo copy(String fromBucket, String fromKey, String bucket, String key, Consumer<ObjectInfo> precondition) {
        requireAvailable(fromBucket, fromKey);
        StoredObject from = object(fromBucket, fromKey);
        precondition.accept(from.info());
        Bucket b = bucket(bucket);
        requireKey(bucket, key);
        ObjectInfo info = new ObjectInfo(key, from.info().etag(), from.info().size(), now());
        b.put(new StoredObject(info, from.content()));
        world.record(source, "copy " + path(fromBucket, fromKey) + " to " + path(bucket, key) + " etag="
                + info.etag());
        return info;
    }

    /** DeleteObjects: each key deleted or refused on its own; the failures by key, in request order. */
    Map<String, ObjectStoreException> deleteObjects(String bucket, List<String> keys) {
        Bucket b = bucket(bucket);
        Map<String, ObjectStoreException> failed = new LinkedHashMap<>();
        for (String key : keys) {
            try {
                requireKey(bucket, key);
            } catch (ObjectStoreException e) {
                failed.put(key, e);
                continue;
            }
            if (b.remove(key)) {
                world.record(source, "delete " + path(bucket, key));
            }
        }
        return failed;
    }

    // ---- multipart uploads --------------------------------------------------------------------------------------

    String createMultipartUpload(String bucket, String key) {
        Bucket b = bucket(bucket);
        requireKey(bucket, key);
        String uploadId = uploadIds.uuid().toString().replace("-", "") + Long.toHexString(uploadIds.nextLong());
        b.addUpload(new MultipartUpload(uploadId, key, now()));
        world.record(source, "create upload " + path(bucket, key) + " " + uploadId);
        return uploadId;
    }

    /** UploadPart and UploadPartCopy: the part's bytes replace any earlier part of that number. */
    MultipartUpload.Part uploadPart(String bucket, String key, String uploadId, int partNumber, byte[] content) {
        MultipartUpload upload = upload(bucket, key, uploadId);
        if (partNumber < 1 || partNumber > MAX_PARTS) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and " + MAX_PARTS
                    + ", inclusive", bucket);
        }
        MultipartUpload.Part part = new MultipartUpload.Part(partNumber, StoredObject.md5Hex(content),
                content.clone(), now());
        upload.put(part);
        world.record(source, "upload part " + path(bucket, key) + " " + uploadId + " #" + partNumber + " size="
                + content.length + " etag=" + part.etag());
        return part;
    }

    /** A source object's bytes (or a range of them) for UploadPartCopy, after the copy-source preconditions. */
    byte[] read(String bucket, String key, ByteRange range, Consumer<ObjectInfo> precondition) {
        requireAvailable(bucket, key);
        return get(bucket, key, range, precondition).bytes();
    }

    /**
     * CompleteMultipartUpload, checked as S3 checks it: at least one part, in ascending order, each uploaded with
     * that ETag, each but the last at least {@value #MIN_PART_SIZE} bytes. The object's ETag is the MD5 of the
     * parts' MD5s, then {@code -} and the number of parts.
     */
    ObjectInfo completeMultipartUpload(String bucket, String key, String uploadId, List<CompletedPart> parts) {
        MultipartUpload upload = upload(bucket, key, uploadId);
        if (parts.isEmpty()) {
            throw S3Errors.malformedXml(bucket, key);
        }
        List<MultipartUpload.Part> chosen = new ArrayList<>();
        int previous = 0;
        for (CompletedPart wanted : parts) {
            if (wanted.number() <= previous) {
                throw S3Errors.invalidPartOrder(bucket, key);
            }
            previous = wanted.number();
            MultipartUpload.Part part = upload.part(wanted.number());
            if (part == null || !part.etag().equals(unquote(wanted.etag()))) {
                throw S3Errors.invalidPart(bucket, key);
            }
            chosen.add(part);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        for (int i = 0; i < chosen.size(); i++) {
            MultipartUpload.Part part = chosen.get(i);
            if (i < chosen.size() - 1 && part.size() < MIN_PART_SIZE) {
                world.record(source, "complete refused " + path(bucket, key) + " part #" + part.number()
                        + " too small");
                throw S3Errors.entityTooSmall(bucket, key);
            }
            content.writeBytes(part.content());
            md5s.writeBytes(HexFormat.of().parseHex(part.etag()));
        }
        String etag = StoredObject.md5Hex(md5s.toByteArray()) + "-" + chosen.size();
        ObjectInfo info = new ObjectInfo(key, etag, content.size(), now());
        bucket(bucket).put(new StoredObject(info, content.toByteArray()));
        bucket(bucket).removeUpload(uploadId);
        world.record(source, "complete upload " + path(bucket, key) + " " + uploadId + " size=" + info.size()
                + " etag=" + etag);
        return info;
    }

    void abortMultipartUpload(String bucket, String key, String uploadId) {
        upload(bucket, key, uploadId);
        bucket(bucket).removeUpload(uploadId);
        world.record(source, "abort upload " + path(bucket, key) + " " + uploadId);
    }

    PartList listParts(String bucket, String key, String uploadId, int partNumberMarker, int maxParts) {
        List<MultipartUpload.Part> after = upload(bucket, key, uploadId).partsAfter(partNumberMarker);
        boolean truncated = after.size() > maxParts;
        List<MultipartUpload.Part> page = truncated ? after.subList(0, maxParts) : after;
        int next = page.isEmpty() ? 0 : page.get(page.size() - 1).number();
        return new PartList(key, uploadId, List.copyOf(page), truncated, next);
    }

    UploadList listMultipartUploads(String bucket, String prefix, String delimiter, String keyMarker,
                                    String uploadIdMarker, int maxUploads) {
        return bucket(bucket).listUploads(prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
    }

    /** One part named in a CompleteMultipartUpload request. */
    public record CompletedPart(int number, String etag) {}

    private MultipartUpload upload(String bucket, String key, String uploadId) {
        MultipartUpload upload = bucket(bucket).upload(uploadId);
        if (upload == null || !upload.key().equals(key)) {
            throw S3Errors.noSuchUpload(bucket, key);
        }
        return upload;
    }

    private static String unquote(String etag) {
        String e = etag == null ? "" : etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    void delete(String bucket, String key) {
        Bucket b = bucket(bucket);
        requireKey(bucket, key);
        if (b.remove(key)) {
            world.record(source, "delete " + path(bucket, key));
        }
    }

    ListPage list(ListRequest request) {
        return bucket(request.bucket()).list(request);
    }

    private StoredObject object(String bucket, String key) {
        StoredObject object = bucket(bucket).get(key);
        if (object == null) {
            throw S3Errors.noSuchKey(bucket, key);
        }
        return object;
    }

    private Bucket bucket(String bucket) {
        Bucket b = buckets.get(bucket);
        if (b == null) {
            throw S3Errors.noSuchBucket(bucket);
        }
        return b;
    }

    private static void requireKey(String bucket, String key) {
        if (key == null || key.isEmpty()) {
            throw S3Errors.invalidArgument("An object key is required", bucket);
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > S3Errors.MAX_KEY_BYTES) {
            throw S3Errors.keyTooLong(bucket);
        }
    }

    private java.time.Instant now() {
        return world.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static int requireCount(int n) {
        if (n < 0) {
            throw new SimulationException("a request count is not negative: " + n);
        }
        return n;
    }

    private static String path(String bucket, String key) {
        return bucket == null ? "/" : key == null ? bucket : bucket + "/" + key;
    }
}
