package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.BucketInfo;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The XML documents of S3's REST API that the server writes, in S3's element order. */
final class S3Xml {
    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private S3Xml() {}

    static String error(ObjectStoreException e, String resource, String requestId) {
        StringBuilder x = new StringBuilder(HEADER).append("<Error>");
        element(x, "Code", e.code());
        element(x, "Message", e.getMessage());
        if (e.bucket() != null) {
            element(x, "BucketName", e.bucket());
        }
        if (e.key() != null) {
            element(x, "Key", e.key());
        }
        element(x, "Resource", resource);
        element(x, "RequestId", requestId);
        return x.append("</Error>").toString();
    }

    static String buckets(List<BucketInfo> buckets, String ownerId) {
        StringBuilder x = new StringBuilder(HEADER).append("<ListAllMyBucketsResult").append(NS).append(">");
        x.append("<Owner>");
        element(x, "ID", ownerId);
        element(x, "DisplayName", ownerId);
        x.append("</Owner><Buckets>");
        for (BucketInfo b : buckets) {
            x.append("<Bucket>");
            element(x, "Name", b.name());
            element(x, "CreationDate", ISO.format(b.creationDate()));
            x.append("</Bucket>");
        }
        return x.append("</Buckets></ListAllMyBucketsResult>").toString();
    }

    /** ListObjectsV2; with {@code encoding-type=url} keys and prefixes are percent-encoded as S3 does. */
    static String listV2(ListRequest request, ListPage page, boolean urlEncode) {
        UnaryOperator<String> enc = urlEncode ? s -> UriCodec.encode(s, false) : s -> s;
        StringBuilder x = new StringBuilder(HEADER).append("<ListBucketResult").append(NS).append(">");
        element(x, "Name", request.bucket());
        element(x, "Prefix", enc.apply(request.prefixOrEmpty()));
        if (request.delimiter() != null) {
            element(x, "Delimiter", enc.apply(request.delimiter()));
        }
        element(x, "MaxKeys", String.valueOf(request.maxKeys()));
        if (urlEncode) {
            element(x, "EncodingType", "url");
        }
        element(x, "KeyCount", String.valueOf(page.keyCount()));
        element(x, "IsTruncated", String.valueOf(page.truncated()));
        if (request.continuationToken() != null) {
            element(x, "ContinuationToken", request.continuationToken());
        }
        if (page.nextContinuationToken() != null) {
            element(x, "NextContinuationToken", page.nextContinuationToken());
        }
        for (ObjectInfo o : page.objects()) {
            x.append("<Contents>");
            element(x, "Key", enc.apply(o.key()));
            element(x, "LastModified", ISO.format(o.lastModified()));
            element(x, "ETag", "\"" + o.etag() + "\"");
            element(x, "Size", String.valueOf(o.size()));
            element(x, "StorageClass", "STANDARD");
            x.append("</Contents>");
        }
        for (String prefix : page.commonPrefixes()) {
            x.append("<CommonPrefixes>");
            element(x, "Prefix", enc.apply(prefix));
            x.append("</CommonPrefixes>");
        }
        return x.append("</ListBucketResult>").toString();
    }

    /** GetBucketLocation: empty for us-east-1, as S3 answers it, else the region. */
    static String location(String region) {
        StringBuilder x = new StringBuilder(HEADER).append("<LocationConstraint").append(NS);
        return region.equals("us-east-1") ? x.append("/>").toString()
                : x.append('>').append(escape(region)).append("</LocationConstraint>").toString();
    }

    static String initiateMultipartUpload(String bucket, String key, String uploadId) {
        StringBuilder x = new StringBuilder(HEADER).append("<InitiateMultipartUploadResult").append(NS).append(">");
        element(x, "Bucket", bucket);
        element(x, "Key", key);
        element(x, "UploadId", uploadId);
        return x.append("</InitiateMultipartUploadResult>").toString();
    }

    static String completeMultipartUpload(String location, String bucket, ObjectInfo info) {
        StringBuilder x = new StringBuilder(HEADER).append("<CompleteMultipartUploadResult").append(NS).append(">");
        element(x, "Location", location);
        element(x, "Bucket", bucket);
        element(x, "Key", info.key());
        element(x, "ETag", "\"" + info.etag() + "\"");
        return x.append("</CompleteMultipartUploadResult>").toString();
    }

    /** CopyObjectResult, or CopyPartResult for UploadPartCopy. */
    static String copyResult(String element, String etag, Instant lastModified) {
        StringBuilder x = new StringBuilder(HEADER).append('<').append(element).append(NS).append(">");
        element(x, "LastModified", ISO.format(lastModified));
        element(x, "ETag", "\"" + etag + "\"");
        return x.append("</").append(element).append('>').toString();
    }

    static String listParts(String bucket, PartList list, int partNumberMarker, int maxParts, String ownerId) {
        StringBuilder x = new StringBuilder(HEADER).append("<ListPartsResult").append(NS).append(">");
        element(x, "Bucket", bucket);
        element(x, "Key", list.key());
        element(x, "UploadId", list.uploadId());
        owner(x, "Initiator", ownerId);
        owner(x, "Owner", ownerId);
        element(x, "StorageClass", "STANDARD");
        element(x, "PartNumberMarker", String.valueOf(partNumberMarker));
        element(x, "NextPartNumberMarker", String.valueOf(list.nextPartNumberMarker()));
        element(x, "MaxParts", String.valueOf(maxParts));
        element(x, "IsTruncated", String.valueOf(list.truncated()));
        for (MultipartUpload.Part part : list.parts()) {
            x.append("<Part>");
            element(x, "PartNumber", String.valueOf(part.number()));
            element(x, "LastModified", ISO.format(part.lastModified()));
            element(x, "ETag", "\"" + part.etag() + "\"");
            element(x, "Size", String.valueOf(part.size()));
            x.append("</Part>");
        }
        return x.append("</ListPartsResult>").toString();
    }

    static String listMultipartUploads(String bucket, UploadList list, String prefix, String delimiter,
                                       String keyMarker, String uploadIdMarker, int maxUploads, String ownerId) {
        StringBuilder x = new StringBuilder(HEADER).append("<ListMultipartUploadsResult").append(NS).append(">");
        element(x, "Bucket", bucket);
        element(x, "KeyMarker", keyMarker == null ? "" : keyMarker);
        element(x, "UploadIdMarker", uploadIdMarker == null ? "" : uploadIdMarker);
        if (list.truncated()) {
            element(x, "NextKeyMarker", list.nextKeyMarker());
            element(x, "NextUploadIdMarker", list.nextUploadIdMarker() == null ? "" : list.nextUploadIdMarker());
        }
        element(x, "Prefix", prefix == null ? "" : prefix);
        if (delimiter != null) {
            element(x, "Delimiter", delimiter);
        }
        element(x, "MaxUploads", String.valueOf(maxUploads));
        element(x, "IsTruncated", String.valueOf(list.truncated()));
        for (UploadList.Upload upload : list.uploads()) {
            x.append("<Upload>");
            element(x, "Key", upload.key());
            element(x, "UploadId", upload.uploadId());
            owner(x, "Initiator", ownerId);
            owner(x, "Owner", ownerId);
            element(x, "StorageClass", "STANDARD");
            element(x, "Initiated", ISO.format(upload.initiated()));
            x.append("</Upload>");
        }
        for (String common : list.commonPrefixes()) {
            x.append("<CommonPrefixes>");
            element(x, "Prefix", common);
            x.append("</CommonPrefixes>");
        }
        return x.append("</ListMultipartUploadsResult>").toString();
    }

    /** DeleteObjects: the deleted keys (none in quiet mode), then the failures with S3's code and message. */
    static String deleteResult(List<String> deleted, Map<String, ObjectStoreException> failed) {
        StringBuilder x = new StringBuilder(HEADER).append("<DeleteResult").append(NS).append(">");
        for (String key : deleted) {
            x.append("<Deleted>");
            element(x, "Key", key);
            x.append("</Deleted>");
        }
        failed.forEach((key, e) -> {
            x.append("<Error>");
            element(x, "Key", key);
            element(x, "Code", e.code());
            element(x, "Message", e.getMessage());
            x.append("</Error>");
        });
        return x.append("</DeleteResult>").toString();
    }

    private static void owner(StringBuilder x, String element, String ownerId) {
        x.append('<').append(element).append('>');
        element(x, "ID", ownerId);
        element(x, "DisplayName", ownerId);
        x.append("</").append(element).append('>');
    }

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    private static void element(StringBuilder x, String name, String value) {
        x.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
