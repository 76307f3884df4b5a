package io.mirrordrill.emulator.ontap.rest;

import io.mirrordrill.port.ontap.OntapPort;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * One request as a route sees it: the cluster's port, the request path, path parameters, query parameters (decoded)
 * and the flattened body. {@code return_timeout} and {@code return_records} are accepted on every request: jobs here
 * never finish within a request (simulated time does not move during one), so a mutating call always answers 202.
 */
final class Call {
    private static final Set<String> ALWAYS = Set.of("return_timeout", "return_records");

    final OntapPort port;
    final String path;
    final Map<String, List<String>> query;
    final RequestBody body;
    private final UnaryOperator<String> pathParams;

    Call(OntapPort port, String path, Map<String, List<String>> query, RequestBody body,
         UnaryOperator<String> pathParams) {
        this.port = port;
        this.path = path;
        this.query = query;
        this.body = body;
        this.pathParams = pathParams;
        if (query.containsKey("return_timeout")) {
            String v = value("return_timeout");
            if (!v.matches("\\d{1,3}") || Integer.parseInt(v) > 120) {
                throw RequestBody.invalidValue(v, "return_timeout");
            }
        }
        flag("return_records", false);
    }

    String param(String name) {
        return pathParams.apply(name);
    }

    /** The last value of a query parameter, or null. */
    String value(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    boolean flag(String name, boolean absent) {
        String v = value(name);
        if (v == null) {
            return absent;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw RequestBody.invalidValue(v, name);
        }
        return Boolean.parseBoolean(v);
    }

    /** Refuses query parameters other than {@code allowed} and the ones every request takes. */
    Call onlyQuery(String... allowed) {
        TreeSet<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(ALWAYS);
        unknown.removeAll(Arrays.asList(allowed));
        if (!unknown.isEmpty()) {
            throw RequestBody.unexpected(unknown.first());
        }
        return this;
    }
}
