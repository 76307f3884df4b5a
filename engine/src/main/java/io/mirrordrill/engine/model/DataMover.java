package io.mirrordrill.engine.model;

import java.util.Optional;

/**
 * {@code Schedule.spec.dataMover}: the tool that copies volume data into a backup. Case sensitive as documented
 * ({@code trident-protect-protect-apps.adoc}); Kopia by default. Accepted and checked: backups are not modelled, so
 * it moves nothing here.
 */
public enum DataMover implements NamedValue {
    KOPIA("Kopia"),
    RESTIC("Restic");

    private final String value;

    DataMover(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<DataMover> parse(String raw) {
        return NamedValue.exact(DataMover.class, raw);
    }
}
