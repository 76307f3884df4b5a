package io.mirrordrill.engine.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipStatus;
import io.mirrordrill.engine.model.Seeds;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Validator#validateSpec}: what controllers check on every reconcile, remembered by content. */
class SpecValidationTest {
    private static AppMirrorRelationship relationship(String text) {
        return (AppMirrorRelationship) ProtectYaml.readAll("amr.yaml", text).get(0);
    }

    @Test
    void aStoredResourceGetsTheProblemsOfFullValidation() {
        AppMirrorRelationship bad = relationship(Seeds.text(Seeds.RELATIONSHIP)
                .replace("desiredState: Established", "desiredState: Sideways"));
        List<Problem> full = Validator.validate(bad, "cluster");
        assertTrue(!full.isEmpty(), "the seed relationship with a bad desiredState is invalid");
        assertEquals(full, Validator.validateSpec(bad));
        assertEquals(full, Validator.validateSpec(bad), "a second call (remembered) answers the same");
    }

    @Test
    void serverSetMetadataAndStatusDoNotChangeTheAnswer() {
        AppMirrorRelationship good = relationship(Seeds.text(Seeds.RELATIONSHIP));
        assertEquals(List.of(), Validator.validateSpec(good));
        AppMirrorRelationship stored = good.withMetadata(new ObjectMetaBuilder(good.metadata()).withUid("u-1")
                        .withResourceVersion("42").withGeneration(3L).build())
                .withStatus(new AppMirrorRelationshipStatus("Established", null, null, null, null, "snap-1", null, null));
        assertEquals(List.of(), Validator.validateSpec(stored));
    }

    @Test
    void aChangedSpecOrNameIsValidatedAgain() {
        AppMirrorRelationship good = relationship(Seeds.text(Seeds.RELATIONSHIP));
        assertEquals(List.of(), Validator.validateSpec(good));
        AppMirrorRelationship renamed = good.withMetadata(new ObjectMetaBuilder(good.metadata())
                .withName("Not_A_Name").build());
        assertEquals(Validator.validate(renamed, "cluster"), Validator.validateSpec(renamed));
        assertTrue(!Validator.validateSpec(renamed).isEmpty(), "an invalid name is reported");
        AppMirrorRelationship edited = relationship(Seeds.text(Seeds.RELATIONSHIP)
                .replace("desiredState: Established", "desiredState: Sideways"));
        assertTrue(!Validator.validateSpec(edited).isEmpty(), "the edited spec is checked, not remembered as valid");
    }
}
