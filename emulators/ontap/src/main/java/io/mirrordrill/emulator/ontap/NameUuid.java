package io.mirrordrill.emulator.ontap;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The uuid of an object the emulator knows by name only (SnapMirror policies, cron schedules): derived from the
 * cluster, the kind and the name, so it is the same on every request, from either cluster, and in every run.
 */
public final class NameUuid {
    private NameUuid() {}

    public static String of(String clusterUuid, String kind, String name) {
        return UUID.nameUUIDFromBytes((clusterUuid + "/" + kind + "/" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
