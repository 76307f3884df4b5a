package io.mirrordrill.emulator.k8s;

import io.mirrordrill.port.kubernetes.InvalidException;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.regex.Pattern;

/** The API server's object-name rules, with its messages (apimachinery's validation package). */
public final class Validation {
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final String LABEL_MESSAGE = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
            + "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
            + "'123-abc', regex used for validation is '" + LABEL + "')";
    private static final String SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. "
            + "'example.com', regex used for validation is '" + LABEL + "(\\." + LABEL + ")*')";

    private Validation() {
    }

    /** Namespaces need a DNS-1123 label (63 characters); other objects a DNS-1123 subdomain (253). */
    public static void name(ResourceKind kind, String namespace, String name) {
        if (name == null || name.isEmpty()) {
            throw invalid(kind, namespace, "", "metadata.name: Required value: name or generateName is required");
        }
        boolean isNamespace = kind.group().isEmpty() && kind.kind().equals("Namespace");
        int max = isNamespace ? 63 : 253;
        if (name.length() > max) {
            throw invalid(kind, namespace, name, "metadata.name: Invalid value: \"" + name
                    + "\": must be no more than " + max + " characters");
        }
        Pattern pattern = isNamespace ? DNS1123_LABEL : DNS1123_SUBDOMAIN;
        if (!pattern.matcher(name).matches()) {
            throw invalid(kind, namespace, name, "metadata.name: Invalid value: \"" + name + "\": "
                    + (isNamespace ? LABEL_MESSAGE : SUBDOMAIN_MESSAGE));
        }
    }

    static void namespaceGiven(ResourceKind kind, String namespace, String name) {
        if (kind.namespaced() && (namespace == null || namespace.isEmpty())) {
            throw invalid(kind, null, name, "metadata.namespace: Required value");
        }
    }

    static InvalidException invalid(ResourceKind kind, String namespace, String name, String detail) {
        return new InvalidException(kind.kind() + " \"" + name + "\" is invalid: " + detail, kind.kind(), namespace,
                name);
    }
}
