package io.mirrordrill.scenario.drill;

import io.mirrordrill.emulator.k8s.Validation;
import io.mirrordrill.port.kubernetes.InvalidException;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.Optional;

/** A namespace name as the API server judges it (an RFC 1123 label), with the API server's own message. */
final class NamespaceName {
    static final String FIX = "use at most 63 lower-case letters, digits and '-', starting and ending with a letter or"
            + " digit, e.g. my-app";
    private static final ResourceKind NAMESPACE = new ResourceKind("", "v1", "Namespace", "namespaces", false, true);

    private NamespaceName() {
    }

    /** What the API server answers when the namespace is created; empty for a good name. */
    static Optional<String> problem(String name) {
        try {
            Validation.name(NAMESPACE, null, name);
            return Optional.empty();
        } catch (InvalidException e) {
            // a very long name is quoted cut, the rest of the API server's message whole
            return Optional.of(e.getMessage().replace("\"" + name + "\"", "\"" + Node.abbreviated(name) + "\""));
        }
    }
}
