package io.mirrordrill.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The seed's example resources, completed where extraction lost keys (test resources under seed/). */
public final class Seeds {
    public static final String APPVAULT_PRIMARY_SOURCE = "trident-protect-appvault-primary-source.yaml";
    public static final String APP_SOURCE = "trident-protect-app-source.yaml";
    public static final String SCHEDULE = "trident-protect-schedule.yaml";
    public static final String APPVAULT_PRIMARY_DESTINATION = "trident-protect-appvault-primary-destination.yaml";
    public static final String APPVAULT_SECONDARY_DESTINATION = "trident-protect-appvault-secondary-destination.yaml";
    public static final String RELATIONSHIP = "trident-protect-relationship.yaml";
    public static final String SHUTDOWN_SNAPSHOT = "trident-protect-shutdownsnapshot.yaml";
    /** In the order of the seed's procedure. */
    public static final List<String> ALL = List.of(APPVAULT_PRIMARY_SOURCE, APP_SOURCE, SCHEDULE,
            APPVAULT_PRIMARY_DESTINATION, APPVAULT_SECONDARY_DESTINATION, RELATIONSHIP, SHUTDOWN_SNAPSHOT);

    private Seeds() {
    }

    public static String text(String file) {
        try (InputStream in = Seeds.class.getResourceAsStream("/seed/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String file) {
        try {
            return Path.of(Seeds.class.getResource("/seed/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
