package io.mirrordrill.emulator.s3;

import io.javalin.http.Context;
import io.mirrordrill.port.objectstore.ByteRange;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectContent;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.WriteCondition;
import io.mirrordrill.port.objectstore.ObjectStorePort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps one authenticated S3 REST request onto the store's operations ({@link S3StoreHandle}) and writes S3's
 * response. The operation is chosen as S3 chooses it, by method, path and sub-resource ({@code ?uploads},
 * {@code ?uploadId}, {@code ?location}, {@code ?delete}...); requests for features the emulator does not model
 * (ACLs, versions, tagging, ListObjects v1...) get 501 NotImplemented rather than a silently wrong answer.
 */
final class S3Operations {
    /** Query parameters that select a different S3 operation on the same path. */
    private static final Set<String> SUBRESOURCES = Set.of("acl", "tagging", "uploads", "uploadId", "partNumber",
            "versionId", "versions", "versioning", "location", "policy", "lifecycle", "cors", "retention",
            "legal-hold", "attributes", "restore", "select", "delete", "torrent", "object-lock", "encryption",
            "start-after", "replication", "website", "logging", "notification", "ownershipControls");
    private static final int DEFAULT_MAX = 1000;

    /** The bucket and key addressed by a path-style URI, decoded. */
    record Target(String bucket, String key, String resource) {
        static Target parse(String rawPath) {
            String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
            if (path.isEmpty()) {
                return new Target(null, null, "/");
            }
            int slash = path.indexOf('/');
            String bucket = UriCodec.decode(slash < 0 ? path : path.substring(0, slash));
            String key = slash < 0 || slash == path.length() - 1 ? null : UriCodec.decode(path.substring(slash + 1));
            return new Target(bucket, key, "/" + bucket + (key == null ? "" : "/" + key));
        }
    }

    private final S3StoreHandle port;
    private final String ownerId;
    private final String region;

    S3Operations(S3StoreHandle port, String ownerId, String region) {
        this.port = port;
        this.ownerId = ownerId;
        this.region = region;
    }

    void dispatch(Context ctx, SigV4.Request request, Target target, byte[] body) {
        Map<String, String> query = query(request.rawQuery());
        Set<String> sub = new TreeSet<>(query.keySet());
        sub.retainAll(SUBRESOURCES);
        String method = request.method();
        if (target.bucket() == null) {
            if (!method.equals("GET")) {
                throw methodNotAllowed(target);
            }
            refuseOthers(sub, Set.of(), target);
            xml(ctx, S3Xml.buckets(port.listBuckets(), ownerId));
        } else if (target.key() == null) {
            bucketOperation(ctx, request, target, query, sub, body);
        } else {
            objectOperation(ctx, request, target, query, sub, body);
        }
    }

    private void bucketOperation(Context ctx, SigV4.Request request, Target target, Map<String, String> query,
                                 Set<String> sub, byte[] body) {
        String bucket = target.bucket();
        String method = request.method();
        if (method.equals("GET") && sub.contains("location")) {
            refuseOthers(sub, Set.of("location"), target);
            if (!port.bucketExists(bucket)) {
                throw S3Errors.noSuchBucket(bucket);
            }
            xml(ctx, S3Xml.location(region));
            return;
        }
        if (method.equals("GET") && sub.contains("uploads")) {
            refuseOthers(sub, Set.of("uploads"), target);
            listMultipartUploads(ctx, bucket, query);
            return;
        }
        if (method.equals("POST") && sub.contains("delete")) {
            refuseOthers(sub, Set.of("delete"), target);
            deleteObjects(ctx, request, bucket, body);
            return;
        }
        refuseOthers(sub, Set.of(), target);
        switch (method) {
            case "PUT" -> {
                port.createBucket(bucket);
                ctx.header("Location", "/" + bucket);
            }
            case "HEAD" -> {
                if (!port.bucketExists(bucket)) {
                    throw S3Errors.noSuchBucket(bucket);
                }
                ctx.header("x-amz-bucket-region", region);
            }
            case "GET" -> {
                if (!"2".equals(query.get("list-type"))) {
                    throw S3Server.notImplemented("ListObjects version 1 (use list-type=2)", target);
                }
                ListRequest list = listRequest(target, query);
                ListPage page = port.list(list);
                xml(ctx, S3Xml.listV2(list, page, "url".equals(query.get("encoding-type"))));
            }
            case "DELETE" -> {
                port.deleteBucket(bucket);
                ctx.status(204);
            }
            default -> throw methodNotAllowed(target);
        }
    }

    private void objectOperation(Context ctx, SigV4.Request request, Target target, Map<String, String> query,
                                 Set<String> sub, byte[] body) {
        String method = request.method();
        if (sub.contains("uploads") || sub.contains("uploadId")) {
            multipart(ctx, request, target, query, sub, body);
            return;
        }
        refuseOthers(sub, Set.of(), target);
        String copySource = request.header("x-amz-copy-source");
        switch (method) {
            case "PUT" -> {
                if (copySource != null) {
                    copyObject(ctx, request, target, copySource);
                } else {
                    putObject(ctx, request, target, body);
                }
            }
            case "GET" -> get(ctx, request, target);
            case "HEAD" -> {
                ObjectInfo info = port.head(target.bucket(), target.key(),
                        Preconditions.read(request::header, target.bucket()));
                metadata(ctx, info);
                ctx.header("Content-Length", String.valueOf(info.size()));
            }
            case "DELETE" -> {
                if (request.header("If-Match") != null) {
                    throw S3Server.notImplemented("If-Match on DeleteObject", target);
                }
                port.delete(target.bucket(), target.key());
                ctx.status(204);
            }
            default -> throw methodNotAllowed(target);
        }
    }

    private void putObject(Context ctx, SigV4.Request request, Target target, byte[] body) {
        if (request.header("If-Match") != null) {
            throw S3Server.notImplemented("If-Match on PutObject", target);
        }
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw S3Server.notImplemented("If-None-Match other than * on PutObject", target);
        }
        String etag = port.put(target.bucket(), target.key(), body,
                ifNoneMatch == null ? WriteCondition.NONE : WriteCondition.IF_NONE_MATCH);
        ctx.header("ETag", quote(etag));
    }

    private void get(Context ctx, SigV4.Request request, Target target) {
        ByteRange range = ByteRange.parse(request.header("Range"));
        ObjectContent content = port.get(target.bucket(), target.key(), range,
                Preconditions.read(request::header, target.bucket()));
        metadata(ctx, content.info());
        byte[] bytes = content.bytes();
        if (range != null) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + content.offset() + "-" + (content.offset() + bytes.length - 1)
                    + "/" + content.info().size());
        }
        ctx.result(bytes);
    }

    /** CopyObject; copying an object onto itself needs {@code x-amz-metadata-directive: REPLACE}, as in S3. */
    private void copyObject(Context ctx, SigV4.Request request, Target target, String copySource) {
        Target from = copySource(copySource, target);
        if (from.bucket().equals(target.bucket()) && from.key().equals(target.key())
                && !"REPLACE".equals(request.header("x-amz-metadata-directive"))) {
            throw new ObjectStoreException(400, S3Errors.INVALID_REQUEST, "This copy request is illegal because it "
                    + "is trying to copy an object to itself without changing the object's metadata, storage class, "
                    + "website redirect location or encryption attributes.", target.bucket(), target.key());
        }
        ObjectInfo info = port.copy(from.bucket(), from.key(), target.bucket(), target.key(),
                Preconditions.copySource(request::header, from.bucket()));
        xml(ctx, S3Xml.copyResult("CopyObjectResult", info.etag(), info.lastModified()));
    }

    private void deleteObjects(Context ctx, SigV4.Request request, String bucket, byte[] body) {
        if (request.header("Content-MD5") == null && !hasChecksum(request)) {
            throw new ObjectStoreException(400, S3Errors.INVALID_REQUEST,
                    "Missing required header for this request: Content-MD5", bucket, null);
        }
        RequestXml.Delete delete = RequestXml.delete(body, bucket);
        Map<String, ObjectStoreException> failed = port.deleteObjects(bucket, delete.keys());
        List<String> deleted = new ArrayList<>();
        if (!delete.quiet()) {
            delete.keys().stream().filter(k -> !failed.containsKey(k)).forEach(deleted::add);
        }
        xml(ctx, S3Xml.deleteResult(deleted, failed));
    }

    // ---- multipart ----------------------------------------------------------------------------------------------

    private void multipart(Context ctx, SigV4.Request request, Target target, Map<String, String> query,
                           Set<String> sub, byte[] body) {
        String bucket = target.bucket();
        String key = target.key();
        String method = request.method();
        if (sub.contains("uploads")) {
            if (!method.equals("POST")) {
                throw methodNotAllowed(target);
            }
            refuseOthers(sub, Set.of("uploads"), target);
            xml(ctx, S3Xml.initiateMultipartUpload(bucket, key, port.createMultipartUpload(bucket, key)));
            return;
        }
        String uploadId = query.get("uploadId");
        switch (method) {
            case "PUT" -> {
                refuseOthers(sub, Set.of("uploadId", "partNumber"), target);
                int partNumber = partNumber(query.get("partNumber"), bucket);
                String copySource = request.header("x-amz-copy-source");
                if (copySource == null) {
                    ctx.header("ETag", quote(port.uploadPart(bucket, key, uploadId, partNumber, body)));
                } else {
                    Target from = copySource(copySource, target);
                    String range = request.header("x-amz-copy-source-range");
                    MultipartUpload.Part part = port.uploadPartCopy(from.bucket(), from.key(),
                            range == null ? null : ByteRange.parse(range),
                            Preconditions.copySource(request::header, from.bucket()), bucket, key, uploadId,
                            partNumber);
                    xml(ctx, S3Xml.copyResult("CopyPartResult", part.etag(), part.lastModified()));
                }
            }
            case "POST" -> {
                refuseOthers(sub, Set.of("uploadId"), target);
                List<S3Store.CompletedPart> parts = RequestXml.completeMultipartUpload(body, bucket, key);
                ObjectInfo info = port.completeMultipartUpload(bucket, key, uploadId, parts);
                xml(ctx, S3Xml.completeMultipartUpload(target.resource(), bucket, info));
            }
            case "DELETE" -> {
                refuseOthers(sub, Set.of("uploadId"), target);
                port.abortMultipartUpload(bucket, key, uploadId);
                ctx.status(204);
            }
            case "GET" -> {
                refuseOthers(sub, Set.of("uploadId"), target);
                int marker = number(query.get("part-number-marker"), 0, "part-number-marker", bucket);
                int max = Math.min(number(query.get("max-parts"), DEFAULT_MAX, "max-parts", bucket), DEFAULT_MAX);
                xml(ctx, S3Xml.listParts(bucket, port.listParts(bucket, key, uploadId, marker, max), marker, max,
                        ownerId));
            }
            default -> throw methodNotAllowed(target);
        }
    }

    private void listMultipartUploads(Context ctx, String bucket, Map<String, String> query) {
        int max = Math.min(number(query.get("max-uploads"), DEFAULT_MAX, "max-uploads", bucket), DEFAULT_MAX);
        String delimiter = query.get("delimiter");
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        UploadList list = port.listMultipartUploads(bucket, query.get("prefix"), delimiter, query.get("key-marker"),
                query.get("upload-id-marker"), max);
        xml(ctx, S3Xml.listMultipartUploads(bucket, list, query.get("prefix"), delimiter, query.get("key-marker"),
                query.get("upload-id-marker"), max, ownerId));
    }

    private static int partNumber(String value, String bucket) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and " + S3Store.MAX_PARTS
                    + ", inclusive", bucket);
        }
    }

    /** A non-negative integer query parameter, or {@code otherwise} when absent; S3's InvalidArgument when not. */
    private static int number(String value, int otherwise, String name, String bucket) {
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to S3's answer
        }
        throw S3Errors.invalidArgument("Provided " + name + " not an integer or within integer range", bucket);
    }

    /** {@code x-amz-copy-source}: {@code [/]bucket/key}, percent-encoded; a version id is not modelled. */
    private static Target copySource(String header, Target target) {
        String value = header.trim();
        if (value.contains("?versionId=")) {
            throw S3Server.notImplemented("x-amz-copy-source with a versionId", target);
        }
        Target from = Target.parse(value.startsWith("/") ? value : "/" + value);
        if (from.bucket() == null || from.key() == null) {
            throw new ObjectStoreException(400, S3Errors.INVALID_ARGUMENT,
                    "Copy Source must mention the source bucket and key: sourcebucket/sourcekey", target.bucket(),
                    target.key());
        }
        return from;
    }

    private static boolean hasChecksum(SigV4.Request request) {
        for (String algorithm : List.of("crc32", "crc32c", "crc64nvme", "sha1", "sha256")) {
            if (request.header("x-amz-checksum-" + algorithm) != null) {
                return true;
            }
        }
        return request.header("x-amz-sdk-checksum-algorithm") != null || request.header("x-amz-trailer") != null;
    }

    /** Any sub-resource beyond the expected ones names a feature not modelled. */
    private static void refuseOthers(Set<String> sub, Set<String> expected, Target target) {
        for (String name : sub) {
            if (!expected.contains(name)) {
                throw S3Server.notImplemented("?" + name, target);
            }
        }
    }

    private static void metadata(Context ctx, ObjectInfo info) {
        ctx.header("ETag", quote(info.etag()));
        ctx.header("Last-Modified", S3Xml.httpDate(info.lastModified()));
        ctx.header("Accept-Ranges", "bytes");
        ctx.contentType("binary/octet-stream");
    }

    private static ListRequest listRequest(Target target, Map<String, String> query) {
        int maxKeys = ListRequest.MAX_KEYS;
        if (query.containsKey("max-keys")) {
            try {
                maxKeys = Integer.parseInt(query.get("max-keys"));
            } catch (NumberFormatException e) {
                maxKeys = -1;
            }
            if (maxKeys < 0) {
                throw S3Errors.invalidArgument("Provided max-keys not an integer or within integer range",
                        target.bucket());
            }
        }
        String delimiter = query.get("delimiter");
        return new ListRequest(target.bucket(), query.get("prefix"), delimiter == null || delimiter.isEmpty()
                ? null : delimiter, maxKeys, query.get("continuation-token"));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new TreeMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    out.put(UriCodec.decode(eq < 0 ? pair : pair.substring(0, eq)),
                            eq < 0 ? "" : UriCodec.decode(pair.substring(eq + 1)));
                }
            }
        }
        return out;
    }

    private static void xml(Context ctx, String document) {
        ctx.contentType("application/xml");
        ctx.result(document.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String etag) {
        return "\"" + etag + "\"";
    }

    private static ObjectStoreException methodNotAllowed(Target target) {
        return new ObjectStoreException(405, S3Errors.METHOD_NOT_ALLOWED,
                "The specified method is not allowed against this resource.", target.bucket(), target.key());
    }
}
