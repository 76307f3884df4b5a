package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.BucketInfo;
import io.mirrordrill.port.objectstore.ByteRange;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectContent;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.ResponseLostException;
import io.mirrordrill.port.objectstore.WriteCondition;
import io.mirrordrill.sim.Network;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The {@link ObjectStorePort} of one {@link S3Store} as seen from one caller site.
 *
 * <p>Order of events per call: the sites must reach each other, else {@link UnreachableException} and nothing
 * happens; a handle opened with credentials ({@link S3Endpoints}) has them checked as the S3 server checks a
 * signature (403, nothing happens); the store admits the request (SlowDown, bucket outage: 503, nothing happens);
 * the operation runs. A handle from {@link S3Store#port(String)} is a trusted caller and presents no credentials.
 *
 * <p>Time: calls are synchronous and must not move the world's clock (that would run other events inside a call),
 * so each call <em>computes</em> its simulated duration instead: the transfer time of the request and the response
 * over the link between the sites (latency plus size over bandwidth) plus the store's extra latency. The caller reads
 * it from {@link #lastLatency()} and {@link #totalLatency()} and may advance the world by it. With a
 * {@link #deadline(Duration) deadline}, a call that would take longer fails with {@link ResponseLostException}, like
 * a client timeout on a slow server: the server still did the work, so a timed-out write has taken effect.
 * Separately, the store's lost-response fault applies a write and then throws {@link ResponseLostException}; the
 * writes it takes are the object writes: PutObject, DeleteObject, DeleteObjects, CopyObject, UploadPart(Copy) and
 * CompleteMultipartUpload.
 */
public final class S3StoreHandle implements ObjectStorePort {
    private static final Consumer<ObjectInfo> NO_PRECONDITION = info -> { };

    private final S3Store store;
    private final String callerSite;
    private final Authenticator authenticator;
    private Duration deadline;
    private Duration lastLatency = Duration.ZERO;
    private Duration totalLatency = Duration.ZERO;

    /** Checks a request's credentials before the store sees it; throws S3's error when they are refused. */
    @FunctionalInterface
    interface Authenticator {
        void check(String bucket, String key);
    }

    S3StoreHandle(S3Store store, String callerSite) {
        this(store, callerSite, (bucket, key) -> { });
    }

    S3StoreHandle(S3Store store, String callerSite, Authenticator authenticator) {
        this.store = store;
        this.callerSite = callerSite;
        this.authenticator = authenticator;
    }

    /** Calls taking longer than this fail with ResponseLostException; null (the default) waits for ever. */
    public S3StoreHandle deadline(Duration newDeadline) {
        this.deadline = newDeadline;
        return this;
    }

    /** The simulated duration of the last call that reached the store. */
    public Duration lastLatency() {
        return lastLatency;
    }

    /** The simulated duration of every call so far that reached the store. */
    public Duration totalLatency() {
        return totalLatency;
    }

    public String callerSite() {
        return callerSite;
    }

    @Override
    public void createBucket(String bucket) {
        call("CreateBucket", bucket, null, false, 0, () -> {
            store.createBucket(bucket);
            return null;
        }, r -> 0);
    }

    @Override
    public boolean bucketExists(String bucket) {
        return call("HeadBucket", bucket, null, false, 0, () -> store.bucketExists(bucket), r -> 0);
    }

    @Override
    public List<BucketInfo> listBuckets() {
        return call("ListBuckets", null, null, false, 0, store::listBuckets, r -> 100L * r.size());
    }

    @Override
    public String put(String bucket, String key, byte[] content, WriteCondition condition) {
        byte[] copy = content.clone();
        return call("PutObject", bucket, key, true, copy.length, () -> store.put(bucket, key, copy, condition),
                r -> 0);
    }

    @Override
    public ObjectContent get(String bucket, String key, ByteRange range) {
        return get(bucket, key, range, NO_PRECONDITION);
    }

    /** GetObject whose {@code precondition} judges the object before the range is cut (it throws to refuse). */
    public ObjectContent get(String bucket, String key, ByteRange range, Consumer<ObjectInfo> precondition) {
        return call("GetObject", bucket, key, false, 0, () -> store.get(bucket, key, range, precondition),
                r -> r.bytes().length);
    }

    @Override
    public ObjectInfo head(String bucket, String key) {
        return head(bucket, key, NO_PRECONDITION);
    }

    public ObjectInfo head(String bucket, String key, Consumer<ObjectInfo> precondition) {
        return call("HeadObject", bucket, key, false, 0, () -> store.head(bucket, key, precondition), r -> 0);
    }

    // ---- S3 operations beyond the port (the S3 server's); reachability, credentials and faults apply alike -------

    /** DeleteBucket: BucketNotEmpty (409) while objects remain. */
    public void deleteBucket(String bucket) {
        call("DeleteBucket", bucket, null, false, 0, () -> {
            store.deleteBucket(bucket);
            return null;
        }, r -> 0);
    }

    /** CopyObject; {@code precondition} judges the source. */
    public ObjectInfo copy(String fromBucket, String fromKey, String bucket, String key,
                           Consumer<ObjectInfo> precondition) {
        return call("CopyObject", bucket, key, true, 0,
                () -> store.copy(fromBucket, fromKey, bucket, key, precondition), r -> 0);
    }

    /** DeleteObjects (one request): the keys that could not be deleted, with why, in request order. */
    public Map<String, ObjectStoreException> deleteObjects(String bucket, List<String> keys) {
        return call("DeleteObjects", bucket, null, true, 100L * keys.size(),
                () -> store.deleteObjects(bucket, keys), r -> 100L * keys.size());
    }

    /** CreateMultipartUpload: the new upload's id. */
    public String createMultipartUpload(String bucket, String key) {
        return call("CreateMultipartUpload", bucket, key, false, 0, () -> store.createMultipartUpload(bucket, key),
                r -> 0);
    }

    /** UploadPart: the part's ETag. */
    public String uploadPart(String bucket, String key, String uploadId, int partNumber, byte[] content) {
        byte[] copy = content.clone();
        return call("UploadPart", bucket, key, true, copy.length,
                () -> store.uploadPart(bucket, key, uploadId, partNumber, copy), r -> 0).etag();
    }

    /** UploadPartCopy: a source object (or a range of it) as a part; {@code precondition} judges the source. */
    MultipartUpload.Part uploadPartCopy(String fromBucket, String fromKey, ByteRange range, Consumer<ObjectInfo> precondition,
                                 String bucket, String key, String uploadId, int partNumber) {
        return call("UploadPartCopy", bucket, key, true, 0, () -> store.uploadPart(bucket, key, uploadId, partNumber,
                store.read(fromBucket, fromKey, range, precondition)), r -> 0);
    }

    public ObjectInfo completeMultipartUpload(String bucket, String key, String uploadId,
                                              List<S3Store.CompletedPart> parts) {
        return call("CompleteMultipartUpload", bucket, key, true, 100L * parts.size(),
                () -> store.completeMultipartUpload(bucket, key, uploadId, parts), r -> 0);
    }

    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        call("AbortMultipartUpload", bucket, key, false, 0, () -> {
            store.abortMultipartUpload(bucket, key, uploadId);
            return null;
        }, r -> 0);
    }

    PartList listParts(String bucket, String key, String uploadId, int partNumberMarker, int maxParts) {
        return call("ListParts", bucket, key, false, 0,
                () -> store.listParts(bucket, key, uploadId, partNumberMarker, maxParts), r -> 100L * r.parts().size());
    }

    UploadList listMultipartUploads(String bucket, String prefix, String delimiter, String keyMarker,
                                    String uploadIdMarker, int maxUploads) {
        return call("ListMultipartUploads", bucket, null, false, 0, () -> store.listMultipartUploads(bucket, prefix,
                delimiter, keyMarker, uploadIdMarker, maxUploads), r -> 200L * r.uploads().size());
    }

    @Override
    public void delete(String bucket, String key) {
        call("DeleteObject", bucket, key, true, 0, () -> {
            store.delete(bucket, key);
            return null;
        }, r -> 0);
    }

    @Override
    public ListPage list(ListRequest request) {
        return call("ListObjectsV2", request.bucket(), null, false, 0, () -> store.list(request),
                r -> 200L * r.keyCount());
    }

    /** @param objectWrite a put or delete, whose response the lost-response fault can take */
    private <T> T call(String operation, String bucket, String key, boolean objectWrite, long requestBytes,
                       Supplier<T> body, ToLongFunction<T> responseBytes) {
        Network net = store.world().network();
        if (!net.reachable(callerSite, store.site())) {
            throw new UnreachableException("s3://" + store.name(), unreachableReason(net));
        }
        T result;
        long answerBytes = 0;
        try {
            authenticator.check(bucket, key);
            store.admit(operation, bucket, key);
            result = body.get();
            answerBytes = responseBytes.applyAsLong(result);
        } catch (ObjectStoreException e) {
            account(operation, bucket, key, requestBytes, 0);
            throw e;
        }
        account(operation, bucket, key, requestBytes, answerBytes);
        if (objectWrite && store.takeLostResponse(operation, bucket, key)) {
            throw new ResponseLostException(operation + " took effect but its response was lost", bucket, key);
        }
        return result;
    }

    /** Records the call's simulated duration; past the deadline the caller gives up and never sees the answer. */
    private void account(String operation, String bucket, String key, long requestBytes, long answerBytes) {
        Network net = store.world().network();
        lastLatency = net.transferTime(callerSite, store.site(), requestBytes)
                .plus(net.transferTime(store.site(), callerSite, answerBytes))
                .plus(store.extraLatency());
        totalLatency = totalLatency.plus(lastLatency);
        if (deadline != null && lastLatency.compareTo(deadline) > 0) {
            store.recordTimeout(operation, bucket, key, lastLatency, deadline);
            throw new ResponseLostException(operation + " got no response within " + deadline + " (it needed "
                    + lastLatency + "); it may have taken effect", bucket, key);
        }
    }

    private String unreachableReason(Network net) {
        if (!net.isSiteUp(store.site())) {
            return "site " + store.site() + " is down";
        }
        if (!net.isSiteUp(callerSite)) {
            return "caller site " + callerSite + " is down";
        }
        return "no route from " + callerSite + " to " + store.site();
    }
}
