package io.mirrordrill.engine.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.Seeds;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Remembered validations answer as validation would: a changed document is validated anew. */
class DocumentsMemoTest {
    @Test
    void aDocumentChangedAfterItsValidationIsValidatedAnew() {
        List<Document> docs = ProtectYaml.parse(Problems.FILE, Seeds.text(Seeds.RELATIONSHIP));
        assertEquals(List.of(), Validator.validate(docs));
        ((ObjectNode) docs.get(0).tree().path("spec")).put("desiredState", "Sideways");
        List<Problem> problems = Validator.validate(docs);
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("spec.desiredState")), problems.toString());
    }

    @Test
    void theSameFileUnderAnotherNameIsReportedUnderThatName() {
        String text = Seeds.text(Seeds.RELATIONSHIP).replace("desiredState: Established", "desiredState: Sideways");
        Problem first = Validator.validate(ProtectYaml.parse("a.yaml", text)).get(0);
        Problem second = Validator.validate(ProtectYaml.parse("b.yaml", text)).get(0);
        assertEquals("a.yaml", first.source());
        assertEquals("b.yaml", second.source());
        assertEquals(first.message(), second.message());
    }

    @Test
    void callersGetAListOfTheirOwn() {
        String text = Seeds.text(Seeds.RELATIONSHIP).replace("desiredState: Established", "desiredState: Sideways");
        List<Problem> first = Validator.validate(ProtectYaml.parse(Problems.FILE, text));
        first.clear();
        assertTrue(!Validator.validate(ProtectYaml.parse(Problems.FILE, text)).isEmpty());
    }
}
