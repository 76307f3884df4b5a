package io.mirrordrill.emulator.ontap.rest;

import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;

import java.util.List;
import java.util.function.Function;

/** Finding one record of a list by uuid, with ONTAP's 404 when it is not there. */
final class Lookup {
    private Lookup() {}

    static <T> T byUuid(List<T> records, Function<T, String> uuidOf, String uuid, String what) {
        return records.stream().filter(r -> uuidOf.apply(r).equals(uuid)).findFirst().orElseThrow(() ->
                notFound(what, uuid));
    }

    static OntapException notFound(String what, String uuid) {
        return new OntapException(404, OntapErrors.NOT_FOUND, what + " \"" + uuid + "\" not found", "uuid");
    }

}
