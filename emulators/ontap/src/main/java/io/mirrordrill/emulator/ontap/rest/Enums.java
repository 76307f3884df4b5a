package io.mirrordrill.emulator.ontap.rest;

import java.util.Locale;

/** Enum values by their REST spelling ({@code dp_destination}), with ONTAP's 400 for anything else. */
final class Enums {
    private Enums() {}

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        throw RequestBody.invalidValue(value, field);
    }
}
