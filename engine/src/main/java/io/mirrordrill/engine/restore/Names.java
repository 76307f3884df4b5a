package io.mirrordrill.engine.restore;

import java.util.regex.Pattern;

/** Kubernetes name rules, as the API server checks them. */
final class Names {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    static final String LABEL_FIX = "use at most 63 lowercase letters, digits and '-', starting and ending with a"
            + " letter or digit";
    static final String SUBDOMAIN_FIX = "use at most 253 lowercase letters, digits, '-' and '.', starting and ending"
            + " with a letter or digit";

    private Names() {
    }

    /** RFC 1123 label: namespace names. */
    static boolean isDnsLabel(String value) {
        return value != null && value.length() <= 63 && DNS_LABEL.matcher(value).matches();
    }

    /** RFC 1123 subdomain: most object names, storage classes. */
    static boolean isDnsSubdomain(String value) {
        return value != null && value.length() <= 253 && DNS_SUBDOMAIN.matcher(value).matches();
    }

    static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
