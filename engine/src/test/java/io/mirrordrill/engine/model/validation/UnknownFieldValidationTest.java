package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Problems.has;
import static io.mirrordrill.engine.model.validation.Problems.ofEditedSeed;
import static io.mirrordrill.engine.model.validation.Problems.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.model.Seeds;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownFieldValidationTest {
    @Test
    void aMisspeltOptionalFieldIsReportedAsKubectlStrictValidationWordsItWithTheRightSpelling() {
        Problem p = single(ofEditedSeed(Seeds.RELATIONSHIP, "desiredState: Established", "desireState: Established"),
                "spec.desireState", "unknown field \"spec.desireState\"", "write desiredState");
        assertEquals(8, p.line(), p.toString());
    }

    @Test
    void aMisspeltRequiredFieldIsOneFindingNotAlsoTheMissingFieldItMeant() {
        single(ofEditedSeed(Seeds.SCHEDULE, "snapshotRetention:", "snapshotRetenton:"), "spec.snapshotRetenton",
                "unknown field \"spec.snapshotRetenton\"", "write snapshotRetention");
    }

    @Test
    void anUnknownFieldBesideAMissingOneOfAnotherNameIsNamedInThatFinding() {
        List<Problem> problems = ofEditedSeed(Seeds.SCHEDULE, "recurrenceRule:", "rule:");
        single(problems, "spec.recurrenceRule", "is missing (the file has unknown field \"spec.rule\" beside it)",
                "recurrenceRule");
    }

    @Test
    void unknownFieldsAreFoundAtEveryDepthAndTheTopLevel() {
        List<Problem> problems = ofEditedSeed(Seeds.APPVAULT_PRIMARY_SOURCE, "metadata:", "labelz: {a: b}\nmetadata:");
        has(problems, "labelz", "unknown field \"labelz\"", "the fields here are apiVersion, kind, metadata, spec");
        single(ofEditedSeed(Seeds.APPVAULT_PRIMARY_SOURCE, "      endpoint:", "      endpont:"),
                "spec.providerConfig.s3.endpont", "unknown field \"spec.providerConfig.s3.endpont\"", "write endpoint");
    }

    @Test
    void aResourceBuiltInCodeKeepsItsUnknownFieldsUnjudged() {
        Schedule schedule = ProtectYaml.bind(ProtectYaml.parse(Problems.FILE, Seeds.text(Seeds.SCHEDULE)
                .replace("snapshotRetention: \"2\"", "snapshotRetention: \"2\"\n  note: kept")).get(0), Schedule.class);
        assertTrue(Validator.validate(schedule, "code").stream().noneMatch(p -> p.message().contains("unknown field")),
                () -> Validator.validate(schedule, "code").toString());
    }
}
