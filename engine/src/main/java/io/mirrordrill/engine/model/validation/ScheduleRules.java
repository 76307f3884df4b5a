package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Findings.quote;

import io.mirrordrill.engine.model.DataMover;
import io.mirrordrill.engine.model.Granularity;
import io.mirrordrill.engine.model.NamedValue;
import io.mirrordrill.engine.model.ReclaimPolicy;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.model.ScheduleSpec;
import io.mirrordrill.engine.model.schedule.TimeField;
import java.util.List;

/** Schedule: references, retention counts, and the fields its granularity needs. */
final class ScheduleRules {
    private ScheduleRules() {
    }

    static void check(Schedule schedule, Findings f) {
        ScheduleSpec spec = schedule.spec();
        if (!f.require("spec", spec, "add spec with applicationRef, appVaultRef, granularity and retention")) {
            return;
        }
        Checks.reference(f, "spec.applicationRef", spec.applicationRef(), "Application to protect");
        Checks.reference(f, "spec.appVaultRef", spec.appVaultRef(), "AppVault that stores the archives");
        Checks.count(f, "spec.backupRetention", spec.backupRetention(), "0");
        Checks.count(f, "spec.snapshotRetention", spec.snapshotRetention(), "2");
        if (spec.dataMover() != null && DataMover.parse(spec.dataMover()).isEmpty()) {
            f.add("spec.dataMover", quote(spec.dataMover()) + " is not a data mover (the value is case sensitive)",
                    "use one of " + NamedValue.list(DataMover.class) + " (Kopia is the default)");
        }
        reclaimPolicy(f, "spec.snapshotReclaimPolicy", spec.snapshotReclaimPolicy(), "Delete");
        reclaimPolicy(f, "spec.backupReclaimPolicy", spec.backupReclaimPolicy(), "Retain");
        String accepted = NamedValue.list(Granularity.class);
        if (!f.require("spec.granularity", spec.granularity(), "set granularity to one of " + accepted)) {
            return;
        }
        Granularity granularity = spec.granularityValue().orElse(null);
        if (granularity == null) {
            f.add("spec.granularity", "unknown granularity " + quote(spec.granularity()), "use one of " + accepted);
            return;
        }
        switch (granularity) {
            case HOURLY -> fields(spec, granularity, f, TimeField.MINUTE);
            case DAILY -> fields(spec, granularity, f, TimeField.MINUTE, TimeField.HOUR);
            case WEEKLY -> fields(spec, granularity, f, TimeField.MINUTE, TimeField.HOUR, TimeField.DAY_OF_WEEK);
            case MONTHLY -> fields(spec, granularity, f, TimeField.MINUTE, TimeField.HOUR, TimeField.DAY_OF_MONTH);
            case CUSTOM -> {
                if (f.require("spec.recurrenceRule", spec.recurrenceRule(), "add recurrenceRule: |-, then the lines"
                        + " DTSTART:20220101T000200Z and RRULE:FREQ=MINUTELY;INTERVAL=5")) {
                    Checks.recurrenceRule(f, "spec.recurrenceRule", spec.recurrenceRule());
                }
            }
        }
    }

    private static void reclaimPolicy(Findings f, String path, String value, String byDefault) {
        if (value != null && ReclaimPolicy.parse(value).isEmpty()) {
            f.add(path, quote(value) + " is not Retain or Delete", "write Retain or Delete (" + byDefault
                    + " is the default)");
        }
    }

    private static void fields(ScheduleSpec spec, Granularity granularity, Findings f, TimeField... needed) {
        for (TimeField field : List.of(needed)) {
            String path = "spec." + field.field();
            String value = value(spec, field);
            String example = field.field() + ": \"" + field.example() + "\"";
            if (value == null || value.isBlank()) {
                f.add(path, "is required for granularity " + granularity.value(), "add " + example + " ("
                        + field.min() + " to " + field.max() + ")");
            } else if (field.parse(value).isEmpty()) {
                f.add(path, quote(value) + " is not a whole number from " + field.min() + " to " + field.max()
                        + (field == TimeField.DAY_OF_WEEK ? " (0 and 7 are Sunday)" : ""), "write e.g. " + example);
            }
        }
    }

    private static String value(ScheduleSpec spec, TimeField field) {
        return switch (field) {
            case MINUTE -> spec.minute();
            case HOUR -> spec.hour();
            case DAY_OF_WEEK -> spec.dayOfWeek();
            case DAY_OF_MONTH -> spec.dayOfMonth();
        };
    }
}
