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
