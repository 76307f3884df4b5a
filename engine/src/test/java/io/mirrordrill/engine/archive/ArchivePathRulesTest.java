package io.mirrordrill.engine.archive;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits of an archive path's parts and how a refused value is shown in the message. */
class ArchivePathRulesTest {
    private static final String APP_UID = "7498d32c-328e-4ddd-9029-122540866aeb";
    private static final String SNAP_UID = "0e1f88ab-f013-4bce-8ae9-6afed9df59a1";
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static ArchivePath withApp(String appName) {
        return new ArchivePath(appName, APP_UID, AT, "snap", SNAP_UID);
    }

    @Test
    void anApplicationNameOf253CharactersIsAcceptedAndOf254Refused() {
        String longest = "a".repeat(253);
        assertEquals(longest, withApp(longest).appName());
        ArchivePathException e = assertThrows(ArchivePathException.class, () -> withApp("a".repeat(254)));
        assertTrue(e.getMessage().contains("is not a valid Kubernetes name"), e.getMessage());
    }

    @Test
    void anArchiveWithoutATimeIsRefusedNamingTheArchiveTime() {
        ArchivePathException e = assertThrows(ArchivePathException.class,
                () -> new ArchivePath("app", APP_UID, null, "snap", SNAP_UID));
        assertTrue(e.getMessage().contains("archive time"), e.getMessage());
    }

    @Test
    void theSnapshotsPrefixRefusesAnApplicationNameThatIsNoKubernetesName() {
        assertEquals("app_" + APP_UID + "/snapshots/", ArchivePath.snapshotsPrefix("app", APP_UID));
        assertThrows(ArchivePathException.class, () -> ArchivePath.snapshotsPrefix("../app", APP_UID));
    }

    @Test
    void anArchivePathPrintsAsItsPath() {
        ArchivePath p = withApp("app");
        assertEquals(p.path(), p.toString());
    }

    @Test
    void aQuotedValueHasControlCharactersQuotesAndBackslashesEscaped() {
        assertEquals("null", ArchivePath.quote(null));
        assertEquals("\"a\\u000ab\\u0022c\\u005cd\\u0009\"", ArchivePath.quote("a\nb\"c\\d\t"));
        assertEquals("\"plain-name\"", ArchivePath.quote("plain-name"));
    }

    @Test
    void aQuotedValueIsCutAfter300CharactersAndSaysSo() {
        assertEquals("\"" + "x".repeat(300) + "\"", ArchivePath.quote("x".repeat(300)));
        assertEquals("\"" + "x".repeat(300) + "...\"", ArchivePath.quote("x".repeat(301)));
    }
}
