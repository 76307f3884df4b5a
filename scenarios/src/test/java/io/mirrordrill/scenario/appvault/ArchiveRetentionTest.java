package io.mirrordrill.scenario.appvault;

import static io.mirrordrill.scenario.appvault.Captures.APP;
import static io.mirrordrill.scenario.appvault.Captures.APP_UID;
import static io.mirrordrill.scenario.appvault.VaultWorld.BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchiveReader;
import io.mirrordrill.engine.archive.ArchiveRetention;
import io.mirrordrill.engine.archive.ArchiveWriter;
import io.mirrordrill.engine.archive.Manifest;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.sim.RandomStream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Retention deletes old archives, never a protected one, and hides an archive before taking it apart. */
class ArchiveRetentionTest {
    private final VaultWorld w = new VaultWorld(31, "AKIAVAULT", "vault-secret");
    private final ObservedPort port = new ObservedPort(w.bucket());
    private final ArchiveReader reader = new ArchiveReader(port, BUCKET);
    private final ArchiveRetention retention = new ArchiveRetention(port, BUCKET);

    private List<ArchivePath> write(int count) {
        ArchiveWriter writer = new ArchiveWriter(port, BUCKET);
        List<ArchivePath> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writer.write(Captures.path(i), Captures.content(i));
            paths.add(Captures.path(i));
        }
        return paths;
    }

    private int objectsUnder(ArchivePath path) {
        return w.store.port("dc2").list(ListRequest.of(BUCKET).withPrefix(path.path() + "/")).keyCount();
    }

    @Test
    void retention_never_deletes_a_protected_archive() {
        List<ArchivePath> a = write(6);
        // the relationship still needs the oldest (by basename, as promotedSnapshot names it) and the third (by path)
        Set<String> needed = Set.of(a.get(0).basename(), a.get(2).path());

        List<ArchivePath> deleted = retention.prune(APP, APP_UID, 2, needed);

        assertEquals(List.of(a.get(1), a.get(3)), deleted);
        assertEquals(List.of(a.get(0), a.get(2), a.get(4), a.get(5)), reader.list(APP, APP_UID));
        assertEquals(0, objectsUnder(a.get(1)));
        assertEquals(5, objectsUnder(a.get(0)));
        assertEquals(Captures.content(0), reader.read(a.get(0)).content());
    }

    @Test
    void for_any_seeded_history_the_newest_and_the_protected_archives_survive_and_only_the_rest_go() {
        RandomStream random = w.world.random("retention-property");
        List<ArchivePath> all = write(12);
        for (int round = 0; round < 40; round++) {
            List<ArchivePath> before = reader.list(APP, APP_UID);
            int keep = random.nextInt(4);
            Set<String> needed = new TreeSet<>();
            for (ArchivePath p : all) {
                if (random.chance(0.25)) {
                    needed.add(p.basename());
                }
            }

            List<ArchivePath> deleted = retention.prune(APP, APP_UID, keep, needed);

            List<ArchivePath> after = reader.list(APP, APP_UID);
            List<ArchivePath> expected = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                if (i >= before.size() - keep || needed.contains(before.get(i).basename())) {
                    expected.add(before.get(i));
                }
            }
            assertEquals(expected, after, "round " + round + " keep " + keep + " protected " + needed);
            assertEquals(before.stream().filter(p -> !after.contains(p)).toList(), deleted);
            deleted.forEach(d -> assertFalse(needed.contains(d.basename()), "deleted protected " + d));
            if (after.size() < 3) { // refill the history so every round has something to decide
                all = write(12);
            }
        }
    }

    @Test
    void an_archive_is_hidden_by_deleting_its_manifest_first_so_an_interrupted_deletion_shows_nothing_partial() {
        List<ArchivePath> a = write(3);
        port.beforeDelete = key -> {
            if (!key.endsWith("/" + Manifest.OBJECT_NAME)) {
                throw new ObservedPort.Crash(key);
            }
        };

        assertThrows(ObservedPort.Crash.class, () -> retention.prune(APP, APP_UID, 2, Set.of()));

        assertEquals(List.of(a.get(0).key(Manifest.OBJECT_NAME)), port.deletes);
        assertEquals(List.of(a.get(1), a.get(2)), reader.list(APP, APP_UID));
        assertEquals(4, objectsUnder(a.get(0))); // invisible remains
        port.beforeDelete = key -> { };

        List<ArchivePath> swept = retention.sweepUnfinished(APP, APP_UID, a.get(1).createdAt());

        assertEquals(List.of(a.get(0)), swept);
        assertEquals(0, objectsUnder(a.get(0)));
    }

    @Test
    void sweeping_leaves_unfinished_archives_newer_than_the_cutoff_alone() {
        write(1);
        ArchivePath inProgress = Captures.path(5);
        w.store.port("dc2").put(BUCKET, inProgress.key("hooks.json"), new byte[] {'[', ']'});
        w.world.advance(Duration.ofMinutes(10));

        assertEquals(List.of(), retention.sweepUnfinished(APP, APP_UID, inProgress.createdAt()));
        assertEquals(1, objectsUnder(inProgress));
        assertEquals(List.of(inProgress), retention.sweepUnfinished(APP, APP_UID,
                inProgress.createdAt().plusSeconds(1)));
        assertTrue(reader.list(APP, APP_UID).contains(Captures.path(0)));
    }

    @Test
    void a_negative_count_to_keep_is_refused_before_anything_is_deleted() {
        write(2);
        assertThrows(IllegalArgumentException.class, () -> retention.prune(APP, APP_UID, -1, Set.of()));
        assertEquals(List.of(), port.deletes);
    }

    @Test
    void a_protected_archive_named_by_its_path_with_a_trailing_slash_stays() {
        List<ArchivePath> a = write(3);

        List<ArchivePath> deleted = retention.prune(APP, APP_UID, 1, Set.of(a.get(0).path() + "/"));

        assertEquals(List.of(a.get(1)), deleted);
        assertEquals(List.of(a.get(0), a.get(2)), reader.list(APP, APP_UID));
    }
}
