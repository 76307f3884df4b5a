package io.mirrordrill.adapter.ontap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A query string, built in order and percent-encoded; null values are left out. */
final class Query {
    private final StringJoiner parts = new StringJoiner("&");

    static Query fields(String fields) {
        return new Query().add("fields", fields);
    }

    Query add(String name, Object value) {
        if (value != null) {
            parts.add(encode(name) + "=" + encode(String.valueOf(value)));
        }
        return this;
    }

    @Override
    public String toString() {
        return parts.length() == 0 ? "" : "?" + parts;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One path segment (a uuid from the caller), encoded so that it cannot leave its place in the path. */
    static String segment(String s) {
        return encode(s == null ? "" : s);
    }
}
