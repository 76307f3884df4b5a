package io.mirrordrill.scenario.appvault;

import static io.mirrordrill.scenario.appvault.Captures.APP;
import static io.mirrordrill.scenario.appvault.Captures.APP_UID;
import static io.mirrordrill.scenario.appvault.VaultWorld.BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.InputException;
import io.mirrordrill.engine.archive.ArchiveContent;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchivePathException;
import io.mirrordrill.engine.archive.ArchiveReader;
import io.mirrordrill.engine.archive.ArchiveRetention;
import io.mirrordrill.engine.archive.ArchiveWriter;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.objectstore.ListRequest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Names, UIDs and paths from resources or users cannot make the engine read, write or delete outside an
 * application's prefix: each attempt is an input error before any request reaches the bucket.
 */
class PathTraversalTest {
    private final VaultWorld w = new VaultWorld(41, "AKIAVAULT", "vault-secret");
    private final ObservedPort port = new ObservedPort(w.bucket());

    @Test
    void path_traversal_attempts_are_refused() {
        // another application's archive, which a traversal would try to reach
        ArchivePath victim = new ArchivePath("victim", "1", Instant.parse("2026-01-01T00:00:00Z"), "snap", "2");
        new ArchiveWriter(w.bucket(), BUCKET).write(victim, Captures.content(0));
        int objects = w.store.port("dc2").list(ListRequest.of(BUCKET)).keyCount();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");

        List<Runnable> attempts = List.of(
                () -> new ArchivePath("../victim_1/snapshots", APP_UID, t, "s", "1"),
                () -> new ArchivePath(APP, "1/../../victim_1", t, "s", "1"),
                () -> new ArchivePath(APP, APP_UID, t, "../../../victim_1/snapshots/x", "1"),
                () -> new ArchivePath(APP, APP_UID, t, "s", "1/../../x"),
                () -> new ArchivePath("/etc", APP_UID, t, "s", "1"),
                () -> new ArchivePath(APP, APP_UID, t, "s\u0000", "1"),
                () -> new ArchiveReader(port, BUCKET).list("..", APP_UID),
                () -> new ArchiveReader(port, BUCKET).read(ArchivePath.parse(
                        APP + "_" + APP_UID + "/snapshots/../../victim_1/snapshots/20260101000000_snap_2",
                        "SnapshotRestore.spec.appArchivePath")),
                () -> ArchivePath.parse("/victim_1/snapshots/20260101000000_snap_2", "status.appArchivePath"),
                () -> ArchivePath.fromBasename(APP, APP_UID, "../../victim_1/snapshots/20260101000000_snap_2",
                        "AppMirrorRelationship.spec.promotedSnapshot"),
                () -> ArchivePath.fromBasename(APP, APP_UID, "20260101000000_snap_2/../../x",
                        "AppMirrorRelationship.spec.promotedSnapshot"),
                () -> new ArchiveRetention(port, BUCKET).prune(APP, "../victim_1", 0, Set.of()));

        for (int i = 0; i < attempts.size(); i++) {
            InputException e = assertThrows(ArchivePathException.class, attempts.get(i)::run, "attempt " + i);
            assertTrue(!e.fix().isEmpty() && !e.reason().isEmpty(), e.getMessage());
        }
        assertEquals(0, port.puts.size() + port.deletes.size() + port.lists);
        assertEquals(objects, w.store.port("dc2").list(ListRequest.of(BUCKET)).keyCount());
        assertEquals(List.of(victim), new ArchiveReader(w.bucket(), BUCKET).list("victim", "1"));
    }

    @Test
    void a_resource_with_a_hostile_name_is_data_inside_the_archive_not_part_of_a_key() {
        ArchivePath path = Captures.path(1);
        ArchiveContent content = Captures.content(1);
        GenericKubernetesResource hostile = Resources.generic("v1", "ConfigMap", "ns", "../../victim_1/snapshots");
        ArchiveContent withHostile = new ArchiveContent(Stream.concat(content.resources().stream(),
                Stream.of(hostile)).toList(), content.namespaces(), content.volumes(), content.hooks());

        new ArchiveWriter(port, BUCKET).write(path, withHostile);

        port.puts.forEach(key -> assertTrue(key.startsWith(path.path() + "/"), key));
        assertEquals(withHostile, new ArchiveReader(port, BUCKET).read(path).content());
    }
}
