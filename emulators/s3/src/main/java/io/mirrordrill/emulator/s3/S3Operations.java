package io.mirrordrill.emulator.s3;

import io.javalin.http.Context;
import io.mirrordrill.port.objectstore.ByteRange;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectContent;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.WriteCondition;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps one authenticated S3 REST request onto {@link ObjectStorePort} calls and writes S3's response. Requests for
 * S3 features the port does not model (multipart, copy, ACLs, versions, ListObjects v1...) get 501 NotImplemented
 * rather than a silently wrong answer.
 */
final class S3Operations {
    /** Query parameters that select a different S3 operation on the same path. */
    private static final Set<String> SUBRESOURCES = Set.of("acl", "tagging", "uploads", "uploadId", "partNumber",
            "versionId", "versions", "versioning", "location", "policy", "lifecycle", "cors", "retention",
            "legal-hold", "attributes", "restore", "select", "delete", "torrent", "object-lock", "encryption",
            "start-after", "replication", "website", "logging", "notification", "ownershipControls");

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

    private final ObjectStorePort port;
    private final String ownerId;

    S3Operations(ObjectStorePort port, String ownerId) {
        this.port = port;
        this.ownerId = ownerId;
    }

    void dispatch(Context ctx, SigV4.Request request, Target target, byte[] body) {
        Map<String, String> query = query(request.rawQuery());
        for (String name : query.keySet()) {
            if (SUBRESOURCES.contains(name)) {
                throw S3Server.notImplemented("?" + name, target);
            }
        }
        String method = request.method();
        if (target.bucket() == null) {
            if (!method.equals("GET")) {
                throw methodNotAllowed(target);
            }
            xml(ctx, S3Xml.buckets(port.listBuckets(), ownerId));
        } else if (target.key() == null) {
            bucketOperation(ctx, method, target, query);
        } else {
            objectOperation(ctx, request, target, body);
        }
    }

    private void bucketOperation(Context ctx, String method, Target target, Map<String, String> query) {
        switch (method) {
            case "PUT" -> {
                port.createBucket(target.bucket());
                ctx.header("Location", "/" + target.bucket());
            }
            case "HEAD" -> {
                if (!port.bucketExists(target.bucket())) {
                    throw S3Errors.noSuchBucket(target.bucket());
                }
                ctx.header("x-amz-bucket-region", S3Server.DEFAULT_REGION);
            }
            case "GET" -> {
                if (!"2".equals(query.get("list-type"))) {
                    throw S3Server.notImplemented("ListObjects version 1 (use list-type=2)", target);
                }
                ListRequest list = listRequest(target, query);
                ListPage page = port.list(list);
                xml(ctx, S3Xml.listV2(list, page, "url".equals(query.get("encoding-type"))));
            }
            default -> throw S3Server.notImplemented(method + " on a bucket", target);
        }
    }

    private void objectOperation(Context ctx, SigV4.Request request, Target target, byte[] body) {
        String method = request.method();
        for (String conditional : List.of("If-Match", "If-Modified-Since", "If-Unmodified-Since",
                "x-amz-copy-source")) {
            if (request.header(conditional) != null) {
                throw S3Server.notImplemented(conditional, target);
            }
        }
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch != null && !(method.equals("PUT") && ifNoneMatch.trim().equals("*"))) {
            throw S3Server.notImplemented("If-None-Match other than * on PUT", target);
        }
        switch (method) {
            case "PUT" -> {
                String etag = port.put(target.bucket(), target.key(), body,
                        ifNoneMatch == null ? WriteCondition.NONE : WriteCondition.IF_NONE_MATCH);
                ctx.header("ETag", quote(etag));
            }
            case "GET" -> get(ctx, request, target);
            case "HEAD" -> {
                ObjectInfo info = port.head(target.bucket(), target.key());
                metadata(ctx, info);
                ctx.header("Content-Length", String.valueOf(info.size()));
            }
            case "DELETE" -> {
                port.delete(target.bucket(), target.key());
                ctx.status(204);
            }
            default -> throw methodNotAllowed(target);
        }
    }

    private void get(Context ctx, SigV4.Request request, Target target) {
        ByteRange range = ByteRange.parse(request.header("Range"));
        ObjectContent content = port.get(target.bucket(), target.key(), range);
        metadata(ctx, content.info());
        byte[] bytes = content.bytes();
        if (range != null) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + content.offset() + "-" + (content.offset() + bytes.length - 1)
                    + "/" + content.info().size());
        }
        ctx.result(bytes);
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
