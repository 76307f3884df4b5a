package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.S3Errors;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The conditional headers of a read (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since) or of a copy's
 * source (the same names after {@code x-amz-copy-source-}), judged against the object in RFC 7232's order, as S3
 * documents it: If-Match, else If-Unmodified-Since, fails with 412; then If-None-Match, else If-Modified-Since, fails
 * with 304 on a read and 412 on a copy. So a matching If-Match overrides a failing If-Unmodified-Since, and a failing
 * If-None-Match answers 304 whatever If-Modified-Since says. A date that does not parse is ignored, as RFC 7232 says.
 */
final class Preconditions {
    private Preconditions() {}

    /** The checks of a GetObject or HeadObject. */
    static Consumer<ObjectInfo> read(Function<String, String> headers, String bucket) {
        return of(headers, "", true, bucket);
    }

    /** The {@code x-amz-copy-source-if-*} checks of a CopyObject or UploadPartCopy. */
    static Consumer<ObjectInfo> copySource(Function<String, String> headers, String bucket) {
        return of(headers, "x-amz-copy-source-", false, bucket);
    }

    private static Consumer<ObjectInfo> of(Function<String, String> headers, String prefix, boolean read,
                                           String bucket) {
        String ifMatch = headers.apply(prefix + "If-Match");
        String ifNoneMatch = headers.apply(prefix + "If-None-Match");
        Instant ifModifiedSince = date(headers.apply(prefix + "If-Modified-Since"));
        Instant ifUnmodifiedSince = date(headers.apply(prefix + "If-Unmodified-Since"));
        if (ifMatch == null && ifNoneMatch == null && ifModifiedSince == null && ifUnmodifiedSince == null) {
            return info -> { };
        }
        return info -> {
            if (ifMatch != null ? !matches(ifMatch, info.etag())
                    : ifUnmodifiedSince != null && info.lastModified().isAfter(ifUnmodifiedSince)) {
                throw S3Errors.preconditionFailed(bucket, info.key());
            }
            if (ifNoneMatch != null ? matches(ifNoneMatch, info.etag())
                    : ifModifiedSince != null && !info.lastModified().isAfter(ifModifiedSince)) {
                throw read ? new NotModifiedException(info, bucket) : S3Errors.preconditionFailed(bucket, info.key());
            }
        };
    }

    /** An entity-tag list ({@code "a", W/"b"}) or {@code *} against an object's ETag; weak tags compare as strong. */
    static boolean matches(String list, String etag) {
        for (String tag : list.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
