package io.mirrordrill.engine.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enumeration whose constants are written in YAML as {@link #value()}. The model stores such fields as the
 * user's string, so an unknown value reaches the validator (which names it and lists the accepted ones) instead of
 * failing the whole document at binding time.
 */
public interface NamedValue {
    /** The spelling written to YAML, e.g. {@code "GenericS3"} or {@code "Established"}. */
    String value();

    /** The constant whose value is exactly {@code raw}. */
    static <E extends Enum<E> & NamedValue> Optional<E> exact(Class<E> type, String raw) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.value().equals(raw)).findFirst();
    }

    /** The constant whose value equals {@code raw} ignoring case. */
    static <E extends Enum<E> & NamedValue> Optional<E> ignoringCase(Class<E> type, String raw) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.value().equalsIgnoreCase(raw)).findFirst();
    }

    /** The accepted values in declaration order, for messages: {@code "Established, Promoted"}. */
    static <E extends Enum<E> & NamedValue> String list(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(NamedValue::value).collect(Collectors.joining(", "));
    }
}
