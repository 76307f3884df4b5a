package io.mirrordrill.engine.restore;

import io.mirrordrill.engine.model.SourceDestination;
import io.mirrordrill.engine.model.StorageClassMapping;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each refused mapping entry is reported once, by its own field, and never counts as a mapped source. */
class StorageClassMappingEntriesTest {
    private static final String OWNER = "AppMirrorRelationship ns-2/amr";

    private static List<String> problems(List<SourceDestination> entries) {
        RestoreException e = assertThrows(RestoreException.class,
                () -> io.mirrordrill.engine.restore.StorageClassMapping.of(OWNER, entries, null, "standard"));
        return e.problems().stream().map(p -> p.field() + " " + p.reason()).toList();
    }

    @Test
    void anEmptyEntryIsReportedAsBothFieldsMissing() {
        assertEquals(List.of("spec.storageClassMapping[0].source is missing",
                "spec.storageClassMapping[0].destination is missing"), problems(Arrays.asList((SourceDestination) null)));
    }

    @Test
    void anEntryWithAMissingDestinationDoesNotMakeTheNextEntryOfItsSourceADuplicate() {
        assertEquals(List.of("spec.storageClassMapping[0].destination is missing"), problems(List.of(
                new StorageClassMapping("gold", ""), new StorageClassMapping("gold", "fast"))));
    }

    @Test
    void anEntryWithAnInvalidDestinationDoesNotMakeTheNextEntryOfItsSourceADuplicate() {
        assertEquals(List.of("spec.storageClassMapping[0].destination \"Fast_SSD\" is not a valid storage class name"),
                problems(List.of(new StorageClassMapping("gold", "Fast_SSD"), new StorageClassMapping("gold", "fast"))));
    }

    @Test
    void anEntryWithAnInvalidSourceAndAValidDestinationIsNotMapped() {
        assertEquals(List.of("spec.storageClassMapping[0].source \"Gold_X\" is not a valid storage class name",
                "spec.storageClassMapping[1].source \"Gold_X\" is not a valid storage class name"),
                problems(List.of(new StorageClassMapping("Gold_X", "fast"), new StorageClassMapping("Gold_X", "fast"))));
    }
}
