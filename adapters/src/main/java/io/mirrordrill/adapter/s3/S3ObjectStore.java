package io.mirrordrill.adapter.s3;

import io.mirrordrill.port.objectstore.BucketInfo;
import io.mirrordrill.port.objectstore.ByteRange;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectContent;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.WriteCondition;

import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ObjectStorePort} over the AWS SDK v2 S3 client, for real endpoints (AWS, ONTAP S3, StorageGRID, MinIO...).
 * Every SDK failure becomes an {@link ObjectStoreException} with S3's code, an
 * {@link io.mirrordrill.port.UnreachableException}, or a
 * {@link io.mirrordrill.port.objectstore.ResponseLostException} (see {@link S3Failures}).
 */
public final class S3ObjectStore implements ObjectStorePort, AutoCloseable {
    private final S3Config config;
    private final SdkHttpClient http;
    private final S3Client s3;
    private final S3Failures failures;

    public S3ObjectStore(S3Config config) {
        this.config = config;
        this.http = S3Clients.httpClient(config);
        this.s3 = S3Clients.s3(config, http);
        this.failures = new S3Failures(config.endpointUri().toString());
    }

    @Override
    public void createBucket(String bucket) {
        call(bucket, null, () -> s3.createBucket(b -> {
            b.bucket(bucket);
            if (!config.region().equals("us-east-1")) {
                b.createBucketConfiguration(c -> c.locationConstraint(config.region()));
            }
        }));
    }

    @Override
    public boolean bucketExists(String bucket) {
        try {
            call(bucket, null, true, () -> s3.headBucket(b -> b.bucket(bucket)));
            return true;
        } catch (ObjectStoreException e) {
            if (e.code().equals(S3Errors.NO_SUCH_BUCKET)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<BucketInfo> listBuckets() {
        return call(null, null, () -> s3.listBuckets().buckets().stream()
                .map(b -> new BucketInfo(b.name(), b.creationDate())).toList());
    }

    @Override
    public String put(String bucket, String key, byte[] content, WriteCondition condition) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key);
        if (condition == WriteCondition.IF_NONE_MATCH) {
            request.ifNoneMatch("*");
        }
        return call(bucket, key, () -> unquote(s3.putObject(request.build(), RequestBody.fromBytes(content)).eTag()));
    }

    @Override
    public ObjectContent get(String bucket, String key, ByteRange range) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (range != null) {
            request.range(range.header());
        }
        ResponseBytes<GetObjectResponse> bytes = call(bucket, key, () -> s3.getObjectAsBytes(request.build()));
        GetObjectResponse r = bytes.response();
        byte[] data = bytes.asByteArray();
        long offset = 0;
        long size = data.length;
        if (r.contentRange() != null) {
            // "bytes first-last/size"
            String spec = r.contentRange().substring(r.contentRange().indexOf(' ') + 1);
            offset = Long.parseLong(spec.substring(0, spec.indexOf('-')));
            size = Long.parseLong(spec.substring(spec.indexOf('/') + 1));
        }
        return new ObjectContent(new ObjectInfo(key, unquote(r.eTag()), size, r.lastModified()), offset, data);
    }

    @Override
    public ObjectInfo head(String bucket, String key) {
        HeadObjectResponse r = call(bucket, key, true, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
        return new ObjectInfo(key, unquote(r.eTag()), r.contentLength(), r.lastModified());
    }

    @Override
    public void delete(String bucket, String key) {
        call(bucket, key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    @Override
    public ListPage list(ListRequest request) {
        ListObjectsV2Response r = call(request.bucket(), null, () -> s3.listObjectsV2(b -> b
                .bucket(request.bucket())
                .prefix(request.prefix())
                .delimiter(request.delimiter())
                .maxKeys(request.maxKeys())
                .continuationToken(request.continuationToken())));
        List<ObjectInfo> objects = r.contents().stream()
                .map(o -> new ObjectInfo(o.key(), unquote(o.eTag()), o.size(), o.lastModified())).toList();
        List<String> prefixes = r.commonPrefixes().stream().map(CommonPrefix::prefix).toList();
        boolean truncated = Boolean.TRUE.equals(r.isTruncated());
        return new ListPage(objects, prefixes, truncated, truncated ? r.nextContinuationToken() : null);
    }

    @Override
    public void close() {
        s3.close();
        http.close();
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + config + "]";
    }

    private <T> T call(String bucket, String key, Supplier<T> request) {
        return call(bucket, key, false, request);
    }

    /** @param head a HEAD request: its error response has no body, so the error code must be inferred */
    private <T> T call(String bucket, String key, boolean head, Supplier<T> request) {
        try {
            return request.get();
        } catch (S3Exception e) {
            throw failures.fromService(e, bucket, key, head, this::bucketExistsQuietly);
        } catch (SdkException e) {
            throw failures.fromClient(e, bucket, key);
        } catch (IllegalArgumentException e) {
            // the SDK validates some names before sending anything
            throw new ObjectStoreException(400, e.getMessage().startsWith("Bucket name")
                    ? S3Errors.INVALID_BUCKET_NAME : S3Errors.INVALID_ARGUMENT, e.getMessage(), bucket, key, e);
        }
    }

    /** Tells a missing key from a missing bucket after a body-less 404 (HEAD), as the body would have. */
    private Boolean bucketExistsQuietly(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            return e.statusCode() == 404 ? false : null;
        } catch (SdkException e) {
            return null;
        }
    }

    private static String unquote(String etag) {
        return etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }
}
