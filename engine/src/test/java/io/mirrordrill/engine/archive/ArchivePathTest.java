package io.mirrordrill.engine.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchivePathTest {
    private static final String APP_UID = "7498d32c-328e-4ddd-9029-122540866aeb";
    private static final String SNAP_UID = "0e1f88ab-f013-4bce-8ae9-6afed9df59a1";
    private final ArchivePath path = new ArchivePath("my-app-name", APP_UID,
            Instant.parse("2026-03-04T05:06:07.891Z"), "replication-shutdown-snapshot", SNAP_UID);

    @Test
    void the_path_has_the_observed_layout_in_utc_to_the_second() {
        assertEquals("my-app-name_" + APP_UID + "/snapshots/20260304050607_replication-shutdown-snapshot_"
                + SNAP_UID, path.path());
        assertEquals("20260304050607_replication-shutdown-snapshot_" + SNAP_UID, path.basename());
        assertEquals(path.path() + "/manifest.json", path.key("manifest.json"));
        assertEquals(Instant.parse("2026-03-04T05:06:07Z"), path.createdAt());
    }

    @Test
    void a_status_app_archive_path_parses_back_with_or_without_a_trailing_slash() {
        assertEquals(path, ArchivePath.parse(path.path(), "status.appArchivePath"));
        assertEquals(path, ArchivePath.parse(path.path() + "/", "status.appArchivePath"));
    }

    @Test
    void a_promoted_snapshot_basename_names_the_archive_of_the_application() {
        assertEquals(path, ArchivePath.fromBasename("my-app-name", APP_UID, path.basename(), "spec.promotedSnapshot"));
    }

    @Test
    void later_archives_sort_after_earlier_ones() {
        ArchivePath later = new ArchivePath("my-app-name", APP_UID, Instant.parse("2026-03-04T05:06:08Z"), "a",
                "1");
        assertTrue(path.compareTo(later) < 0);
    }

    @Test
    void names_and_uids_that_could_leave_their_prefix_are_refused() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (String bad : List.of("../etc", "a/b", "/abs", "..", ".", "a..b", "a_b", "UPPER", "", "a\nb", "a\u0000b",
                "-a", "a-", "x".repeat(254))) {
            assertThrows(ArchivePathException.class, () -> new ArchivePath(bad, "1", t, "s", "1"), bad);
            assertThrows(ArchivePathException.class, () -> new ArchivePath("a", "1", t, bad, "1"), bad);
        }
        for (String bad : List.of("../x", "a/b", "a.b", "a_b", "", "-1", "a\tb", "x".repeat(65), "/")) {
            assertThrows(ArchivePathException.class, () -> new ArchivePath("a", bad, t, "s", "1"), bad);
            assertThrows(ArchivePathException.class, () -> new ArchivePath("a", "1", t, "s", bad), bad);
        }
        assertThrows(ArchivePathException.class, () -> ArchivePath.snapshotsPrefix("a", "../.."));
    }

    @Test
    void user_paths_that_are_not_of_the_layout_are_refused_naming_their_source() {
        String good = path.path();
        for (String bad : List.of("/" + good, good + "/../../other_1/snapshots/20260101000000_s_1",
                "my-app-name_" + APP_UID + "/../x/20260101000000_s_1", "my-app-name_" + APP_UID + "/backups/"
                        + path.basename(), "my-app-name" + "/snapshots/" + path.basename(), good + "//",
                "a_1/snapshots/20261399000000_s_1", "a_1/snapshots/2026_s_1", "a_1/snapshots/20260101000000_s",
                "a_1/snapshots/20260101000000_s_1_2", "a_1\\..\\b/snapshots/20260101000000_s_1", " ", "")) {
            ArchivePathException e = assertThrows(ArchivePathException.class,
                    () -> ArchivePath.parse(bad, "SnapshotRestore.spec.appArchivePath"), bad);
            assertEquals("SnapshotRestore.spec.appArchivePath", e.source());
            assertFalse(e.fix().isEmpty());
        }
        assertThrows(ArchivePathException.class, () -> ArchivePath.fromBasename("a", "1", good, "promotedSnapshot"));
    }

    @Test
    void a_refused_value_is_quoted_with_its_control_characters_escaped() {
        ArchivePathException e = assertThrows(ArchivePathException.class,
                () -> ArchivePath.parse("a_1/snapshots/20260101000000_s\n_1", "input"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("\\u000a"), e.getMessage());
    }

    @Test
    void a_stamp_reads_as_the_formatter_reads_it_in_range_and_out_of_range() {
        java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        List<String> stamps = new java.util.ArrayList<>(List.of("20240229235959", "20230229120000", "20260431000000",
                "00001231000000", "20261301000000", "20260100000000", "20260101240000", "20260101236000",
                "20260101235960", "99991231235959", "00010101000000"));
        for (int i = 0; i < 20_000; i++) {
            stamps.add(String.format(java.util.Locale.ROOT, "%04d%02d%02d%02d%02d%02d", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
        }
        for (String stamp : stamps) {
            java.util.Optional<Instant> expected;
            try {
                expected = java.util.Optional.of(java.time.LocalDateTime.parse(stamp, formatter)
                        .toInstant(java.time.ZoneOffset.UTC));
            } catch (java.time.format.DateTimeParseException e) {
                expected = java.util.Optional.empty();
            }
            assertEquals(expected, ArchivePath.timeOf(stamp + "_snap_uid"), stamp);
        }
    }
}
