package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.BucketInfo;
import io.mirrordrill.port.objectstore.ByteRange;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectContent;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.WriteCondition;
import io.mirrordrill.sim.SimulationException;
import io.mirrordrill.sim.World;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
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

    private final World world;
    private final String name;
    private final String site;
    private final String source;
    private final Map<String, Bucket> buckets = new TreeMap<>();
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

    ObjectContent get(String bucket, String key, ByteRange range) {
        StoredObject object = object(bucket, key);
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

    ObjectInfo head(String bucket, String key) {
        return object(bucket, key).info();
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
