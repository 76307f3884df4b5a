package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Problems.has;
import static io.mirrordrill.engine.model.validation.Problems.ofEditedSeed;
import static io.mirrordrill.engine.model.validation.Problems.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mirrordrill.engine.model.Seeds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleValidationTest {
    private static final String SEED = Seeds.SCHEDULE;
    private static final String CUSTOM = """
              granularity: custom
              recurrenceRule: |-
                DTSTART:20220101T000200Z
                RRULE:FREQ=MINUTELY;INTERVAL=5
            """;

    private static List<Problem> edited(String from, String to) {
        return ofEditedSeed(SEED, from, to);
    }

    /** The seed schedule with its granularity block replaced. */
    private static List<Problem> granularity(String block) {
        return edited(CUSTOM, block);
    }

    @Test
    void theReferencesAndTheGranularityAreRequired() {
        List<Problem> problems = edited("""
                  appVaultRef: generic-s3-trident-protect-src-bucket-04b6b4ec-46a3-420a-b351-45795e1b5e34
                  applicationRef: my-app-name
                """, "").stream().toList();
        has(problems, "spec.appVaultRef", "is missing", "name of the AppVault that stores the archives");
        has(problems, "spec.applicationRef", "is missing", "name of the Application to protect");
        assertEquals(2, problems.size(), Problems.render(problems));
        single(granularity(""), "spec.granularity", "is missing", "Hourly, Daily, Weekly, Monthly, Custom");
    }

    @Test
    void anUnknownGranularityListsTheAcceptedOnes() {
        single(granularity("  granularity: yearly\n"), "spec.granularity", "unknown granularity \"yearly\"",
                "use one of Hourly, Daily, Weekly, Monthly, Custom");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "granularity: Hourly | minute | is required for granularity Hourly | minute: \"15\" (0 to 59)",
        "granularity: daily\\n  minute: \"0\" | hour | is required for granularity Daily | hour: \"2\" (0 to 23)",
        "granularity: Weekly\\n  minute: \"0\"\\n  hour: \"1\" | dayOfWeek | is required for granularity Weekly | dayOfWeek: \"0\" (0 to 7)",
        "granularity: MONTHLY\\n  minute: \"0\"\\n  hour: \"1\" | dayOfMonth | is required for granularity Monthly | dayOfMonth: \"1\" (1 to 31)",
        "granularity: Hourly\\n  minute: \"60\" | minute | \"60\" is not a whole number from 0 to 59 | minute: \"15\"",
        "granularity: Daily\\n  minute: \"0\"\\n  hour: \"24\" | hour | \"24\" is not a whole number from 0 to 23 | hour: \"2\"",
        "granularity: Weekly\\n  minute: \"0\"\\n  hour: \"1\"\\n  dayOfWeek: \"8\" | dayOfWeek | \"8\" is not a whole number from 0 to 7 (0 and 7 are Sunday) | dayOfWeek: \"0\"",
        "granularity: Monthly\\n  minute: \"0\"\\n  hour: \"1\"\\n  dayOfMonth: \"0\" | dayOfMonth | \"0\" is not a whole number from 1 to 31 | dayOfMonth: \"1\"",
        "granularity: Monthly\\n  minute: \"0\"\\n  hour: \"1\"\\n  dayOfMonth: \"32\" | dayOfMonth | \"32\" is not a whole number from 1 to 31 | dayOfMonth: \"1\"",
        "granularity: Hourly\\n  minute: \"-5\" | minute | \"-5\" is not a whole number | minute: \"15\"",
        "granularity: Custom | recurrenceRule | is missing | DTSTART:20220101T000200Z and RRULE:FREQ=MINUTELY;INTERVAL=5"
    })
    void eachGranularityNeedsItsOwnFields(String block, String field, String message, String fix) {
        single(granularity("  " + block.replace("\\n", "\n") + "\n"), "spec." + field, message, fix);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "granularity: Hourly\\n  minute: \"0\"",
        "granularity: daily\\n  minute: \"30\"\\n  hour: \"23\"",
        "granularity: Weekly\\n  minute: \"0\"\\n  hour: \"1\"\\n  dayOfWeek: \"7\"",
        "granularity: Monthly\\n  minute: \"0\"\\n  hour: \"0\"\\n  dayOfMonth: \"31\"",
        "granularity: Monthly\\n  minute: \"0\"\\n  hour: \"0\"\\n  dayOfMonth: \"1\"\\n  dayOfWeek: \"0\"\\n  recurrenceRule: ignored when not Custom"
    })
    void aCompleteGranularityFormValidatesClean(String block) {
        assertEquals(List.of(), granularity("  " + block.replace("\\n", "\n") + "\n"));
    }

    @Test
    void aBadRecurrenceRuleIsReportedAtItsFieldWithTheRuleProblem() {
        Problem problem = single(edited("RRULE:FREQ=MINUTELY;INTERVAL=5", "RRULE:FREQ=MINUTELY;INTERVAL=0"),
                "spec.recurrenceRule", "INTERVAL=0 is not a positive integer", "INTERVAL=5");
        assertEquals(13, problem.line(), "the line of recurrenceRule (line 1 of the seed is a comment)");
        single(edited("DTSTART:20220101T000200Z", "DTSTART:20220101T000200"), "spec.recurrenceRule",
                "is not a UTC date-time in basic format", "trailing Z");
        single(edited("RRULE:FREQ=MINUTELY;INTERVAL=5", "RRULE:FREQ=FORTNIGHTLY"), "spec.recurrenceRule",
                "FREQ=FORTNIGHTLY is not supported", "MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY");
        single(edited("RRULE:FREQ=MINUTELY;INTERVAL=5", "RRULE:FREQ=MINUTELY;INTERVAL=5;SPEED=fast"),
                "spec.recurrenceRule", "unknown RRULE part SPEED", "only FREQ and INTERVAL");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "backupRetention: \"0\" | backupRetention: \"-1\" | backupRetention | \"-1\" is not a non-negative integer",
        "backupRetention: \"0\" | backupRetention: \"zero\" | backupRetention | \"zero\" is not a non-negative integer",
        "snapshotRetention: \"2\" | snapshotRetention: \"2.5\" | snapshotRetention | \"2.5\" is not a non-negative integer",
        "snapshotRetention: \"2\" | snapshotRetention: \"99999999999\" | snapshotRetention | \"99999999999\" is not a non-negative integer",
        "snapshotRetention: \"2\" | snapshotRetention: \"\" | snapshotRetention | is empty"
    })
    void retentionMustBeANonNegativeIntegerString(String from, String to, String field, String message) {
        single(edited(from, to), "spec." + field, message, field + ": \"");
    }

    @Test
    void aMissingRetentionIsReported() {
        single(edited("  backupRetention: \"0\"\n", ""), "spec.backupRetention", "is missing",
                "add backupRetention: \"0\"");
    }

    @Test
    void anUnquotedRetentionIsReportedBecauseTheApiServerWantsAString() {
        single(edited("backupRetention: \"0\"", "backupRetention: 0"), "spec.backupRetention",
                "must be a string, not the number 0", "quote the value: backupRetention: \"0\"");
    }

    @Test
    void typeProblemsAndRuleProblemsAreReportedInOnePass() {
        List<Problem> problems = edited("backupRetention: \"0\"", "backupRetention: 0")
                .stream().toList();
        assertEquals(1, problems.size());
        List<Problem> both = Validator.validate(Problems.FILE, Seeds.text(SEED)
                .replace("backupRetention: \"0\"", "backupRetention: 0")
                .replace("snapshotRetention: \"2\"", "snapshotRetention: \"-2\""));
        has(both, "spec.backupRetention", "must be a string", "quote the value");
        has(both, "spec.snapshotRetention", "is not a non-negative integer", "snapshotRetention: \"2\"");
        assertEquals(2, both.size(), Problems.render(both));
    }

    @Test
    void enabledMustBeABoolean() {
        single(edited("enabled: true", "enabled: \"yes please\""), "spec.enabled",
                "must be true or false, not the string \"yes please\"", "enabled: true (without quotes)");
    }

    @Test
    void theFieldsOf2602AreAcceptedWithTheirDocumentedValues() {
        assertEquals(List.of(), granularity(CUSTOM + """
                  dataMover: Restic
                  snapshotReclaimPolicy: Retain
                  backupReclaimPolicy: Delete
                  runImmediately: true
                """));
    }

    @Test
    void aDataMoverIsCaseSensitiveAndNamesTheAcceptedOnes() {
        single(granularity(CUSTOM + "  dataMover: kopia\n"), "spec.dataMover",
                "\"kopia\" is not a data mover (the value is case sensitive)", "use one of Kopia, Restic");
    }

    @Test
    void reclaimPoliciesAreRetainOrDelete() {
        List<Problem> problems = granularity(CUSTOM + "  snapshotReclaimPolicy: Keep\n  backupReclaimPolicy: delete\n");
        has(problems, "spec.snapshotReclaimPolicy", "\"Keep\" is not Retain or Delete", "Delete is the default");
        has(problems, "spec.backupReclaimPolicy", "\"delete\" is not Retain or Delete", "Retain is the default");
        assertEquals(2, problems.size(), Problems.render(problems));
    }
}
