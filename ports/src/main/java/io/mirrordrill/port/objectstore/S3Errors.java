package io.mirrordrill.port.objectstore;

/**
 * S3 error codes, HTTP statuses and messages as Amazon S3 documents them ("Error responses" in the S3 API reference),
 * used by the emulator to fail like S3 and by the adapter to recognise failures.
 */
public final class S3Errors {
    private S3Errors() {}

    public static final String NO_SUCH_BUCKET = "NoSuchBucket";
    public static final String NO_SUCH_KEY = "NoSuchKey";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String SLOW_DOWN = "SlowDown";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    public static final String ACCESS_DENIED = "AccessDenied";
    public static final String SIGNATURE_DOES_NOT_MATCH = "SignatureDoesNotMatch";
    public static final String INVALID_ACCESS_KEY_ID = "InvalidAccessKeyId";
    public static final String INVALID_TOKEN = "InvalidToken";
    public static final String BUCKET_ALREADY_OWNED_BY_YOU = "BucketAlreadyOwnedByYou";
    public static final String BUCKET_ALREADY_EXISTS = "BucketAlreadyExists";
    public static final String INVALID_BUCKET_NAME = "InvalidBucketName";
    public static final String INVALID_RANGE = "InvalidRange";
    public static final String INVALID_ARGUMENT = "InvalidArgument";
    public static final String INVALID_REQUEST = "InvalidRequest";
    public static final String KEY_TOO_LONG = "KeyTooLongError";
    public static final String CONTENT_SHA256_MISMATCH = "XAmzContentSHA256Mismatch";
    public static final String BAD_DIGEST = "BadDigest";
    public static final String INCOMPLETE_BODY = "IncompleteBody";
    public static final String NOT_IMPLEMENTED = "NotImplemented";
    public static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";
    public static final String INTERNAL_ERROR = "InternalError";
    public static final String NO_SUCH_UPLOAD = "NoSuchUpload";
    public static final String INVALID_PART = "InvalidPart";
    public static final String INVALID_PART_ORDER = "InvalidPartOrder";
    public static final String ENTITY_TOO_SMALL = "EntityTooSmall";
    public static final String ENTITY_TOO_LARGE = "EntityTooLarge";
    public static final String MALFORMED_XML = "MalformedXML";
    public static final String BUCKET_NOT_EMPTY = "BucketNotEmpty";

    /** The longest key S3 accepts, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    public static ObjectStoreException noSuchBucket(String bucket) {
        return new ObjectStoreException(404, NO_SUCH_BUCKET, "The specified bucket does not exist", bucket, null);
    }

    public static ObjectStoreException noSuchKey(String bucket, String key) {
        return new ObjectStoreException(404, NO_SUCH_KEY, "The specified key does not exist.", bucket, key);
    }

    public static ObjectStoreException preconditionFailed(String bucket, String key) {
        return new ObjectStoreException(412, PRECONDITION_FAILED,
                "At least one of the pre-conditions you specified did not hold", bucket, key);
    }

    public static ObjectStoreException slowDown(String bucket, String key) {
        return new ObjectStoreException(503, SLOW_DOWN, "Please reduce your request rate.", bucket, key);
    }

    public static ObjectStoreException serviceUnavailable(String bucket, String key) {
        return new ObjectStoreException(503, SERVICE_UNAVAILABLE, "Service is unable to handle request.", bucket, key);
    }

    public static ObjectStoreException bucketAlreadyOwnedByYou(String bucket) {
        return new ObjectStoreException(409, BUCKET_ALREADY_OWNED_BY_YOU,
                "Your previous request to create the named bucket succeeded and you already own it.", bucket, null);
    }

    public static ObjectStoreException invalidBucketName(String bucket) {
        return new ObjectStoreException(400, INVALID_BUCKET_NAME, "The specified bucket is not valid.", bucket, null);
    }

    public static ObjectStoreException invalidRange(String bucket, String key) {
        return new ObjectStoreException(416, INVALID_RANGE, "The requested range is not satisfiable", bucket, key);
    }

    public static ObjectStoreException keyTooLong(String bucket) {
        return new ObjectStoreException(400, KEY_TOO_LONG, "Your key is too long", bucket, null);
    }

    public static ObjectStoreException invalidArgument(String message, String bucket) {
        return new ObjectStoreException(400, INVALID_ARGUMENT, message, bucket, null);
    }

    public static ObjectStoreException noSuchUpload(String bucket, String key) {
        return new ObjectStoreException(404, NO_SUCH_UPLOAD, "The specified upload does not exist. The upload ID may "
                + "be invalid, or the upload may have been aborted or completed.", bucket, key);
    }

    public static ObjectStoreException invalidPart(String bucket, String key) {
        return new ObjectStoreException(400, INVALID_PART, "One or more of the specified parts could not be found. "
                + "The part may not have been uploaded, or the specified entity tag may not match the part's entity "
                + "tag.", bucket, key);
    }

    public static ObjectStoreException invalidPartOrder(String bucket, String key) {
        return new ObjectStoreException(400, INVALID_PART_ORDER, "The list of parts was not in ascending order. The "
                + "parts list must be specified in order by part number.", bucket, key);
    }

    public static ObjectStoreException entityTooSmall(String bucket, String key) {
        return new ObjectStoreException(400, ENTITY_TOO_SMALL,
                "Your proposed upload is smaller than the minimum allowed object size.", bucket, key);
    }

    public static ObjectStoreException malformedXml(String bucket, String key) {
        return new ObjectStoreException(400, MALFORMED_XML, "The XML you provided was not well-formed or did not "
                + "validate against our published schema", bucket, key);
    }

    public static ObjectStoreException bucketNotEmpty(String bucket) {
        return new ObjectStoreException(409, BUCKET_NOT_EMPTY, "The bucket you tried to delete is not empty", bucket,
                null);
    }
}
