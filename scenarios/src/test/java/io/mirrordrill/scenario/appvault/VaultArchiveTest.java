package io.mirrordrill.scenario.appvault;

import static io.mirrordrill.scenario.appvault.Captures.APP;
import static io.mirrordrill.scenario.appvault.Captures.APP_UID;
import static io.mirrordrill.scenario.appvault.VaultWorld.BUCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.emulator.s3.S3Faults;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.ArchiveContent;
import io.mirrordrill.engine.archive.ArchiveConflictException;
import io.mirrordrill.engine.archive.ArchiveNotFoundException;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchiveReader;
import io.mirrordrill.engine.archive.ArchiveWriter;
import io.mirrordrill.engine.archive.CorruptArchiveException;
import io.mirrordrill.engine.archive.Manifest;
import io.mirrordrill.engine.archive.StagedCapture;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ResponseLostException;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Archives in the emulated vault bucket: commit point, verification, paging, and writes through faults. */
class VaultArchiveTest {
    private static final int OBJECTS_PER_ARCHIVE = 5; // four parts and the manifest

    private final VaultWorld w = new VaultWorld(23, "AKIAVAULT", "vault-secret");
    private final ObservedPort port = new ObservedPort(w.bucket());
    private final ArchiveWriter writer = new ArchiveWriter(port, BUCKET);
    private final ArchiveReader reader = new ArchiveReader(w.bucket(), BUCKET);

    private List<String> keysUnder(String prefix) {
        return w.store.port("dc2").list(ListRequest.of(BUCKET).withPrefix(prefix)).objects().stream()
                .map(ObjectInfo::key).toList();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void an_archive_interrupted_before_its_manifest_is_invisible_to_readers() {
        ArchivePath path = Captures.path(1);
        port.beforePut = key -> {
            if (key.endsWith("/" + Manifest.OBJECT_NAME)) {
                throw new ObservedPort.Crash(key);
            }
        };

        assertThrows(ObservedPort.Crash.class, () -> writer.write(path, Captures.content(1)));

        assertEquals(OBJECTS_PER_ARCHIVE - 1, keysUnder(path.path() + "/").size()); // the parts are there
        assertEquals(List.of(), reader.list(APP, APP_UID));
        assertThrows(ArchiveNotFoundException.class, () -> reader.read(path));
        port.beforePut = key -> { };
        writer.write(path, Captures.content(1)); // the engine restarted and took the same snapshot's archive up again
        assertEquals(List.of(path), reader.list(APP, APP_UID));
        assertEquals(Captures.content(1), reader.read(path).content());
    }

    @Test
    void a_staged_capture_reads_back_and_the_final_write_accepts_it_as_its_own() {
        ArchivePath path = Captures.path(7);
        ArchiveContent content = Captures.content(7);
        assertTrue(reader.capture(path).isEmpty());
        writer.stageCapture(path, new StagedCapture(content.resources(), content.namespaces()));

        StagedCapture staged = reader.capture(path).orElseThrow();
        assertEquals(content.resources(), staged.resources());
        assertEquals(content.namespaces(), staged.namespaces());
        assertEquals(List.of(), reader.list(APP, APP_UID)); // staged is not committed
        writer.write(path, content);
        assertEquals(content, reader.read(path).content());
    }

    @Test
    void a_capture_staged_again_after_a_crash_between_its_parts_replaces_the_orphaned_namespaces() {
        ArchivePath path = Captures.path(8);
        ArchiveContent first = Captures.content(8);
        port.beforePut = key -> {
            if (key.endsWith("/resources.json")) {
                throw new ObservedPort.Crash(key);
            }
        };
        assertThrows(ObservedPort.Crash.class, () -> writer.stageCapture(path,
                new StagedCapture(first.resources(), first.namespaces())));
        assertTrue(reader.capture(path).isEmpty(), "without resources.json nothing is staged");

        port.beforePut = key -> { };
        // the restarted engine captured again and found other resources and a relabelled namespace
        StagedCapture second = new StagedCapture(Captures.content(9).resources(),
                List.of(NamespaceMetadata.of(Captures.NS, Map.of("relabelled", "yes"), Map.of())));
        writer.stageCapture(path, second);
        assertEquals(second, reader.capture(path).orElseThrow());
    }

    @Test
    void a_committed_archive_reads_back_verified_with_its_manifest() {
        ArchivePath path = Captures.path(2);
        Manifest written = writer.write(path, Captures.content(2));
        Archive archive = reader.read(path);
        assertEquals(written, archive.manifest());
        assertEquals(Captures.content(2), archive.content());
        assertEquals(path.key(Manifest.OBJECT_NAME), port.puts.get(port.puts.size() - 1)); // the manifest went last
        assertEquals(path, ArchivePath.parse(archive.path().path(), "status.appArchivePath"));
    }

    @Test
    void a_corrupted_object_is_detected_and_named() throws Exception {
        ArchivePath path = Captures.path(3);
        Manifest manifest = writer.write(path, Captures.content(3));
        String key = path.key("resources.json");
        byte[] tampered = w.store.port("dc2").get(BUCKET, key).bytes();
        tampered[tampered.length / 2] ^= 1;
        w.store.port("dc2").put(BUCKET, key, tampered);
        String expected = manifest.objects().stream().filter(e -> e.name().equals("resources.json")).findFirst()
                .orElseThrow().sha256();

        CorruptArchiveException e = assertThrows(CorruptArchiveException.class, () -> reader.read(path));

        assertEquals(key, e.key());
        assertEquals(expected, e.expectedSha256());
        assertEquals(sha256(tampered), e.actualSha256());
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains(expected)
                && e.getMessage().contains(sha256(tampered)), e.getMessage());
    }

    @Test
    void an_object_corrupted_after_the_archive_was_read_is_detected_on_the_next_read() throws Exception {
        ArchivePath path = Captures.path(9);
        writer.write(path, Captures.content(9));
        assertEquals(Captures.content(9), reader.read(path).content()); // read and verified once: remembered
        String key = path.key("volumes.json");
        byte[] tampered = w.store.port("dc2").get(BUCKET, key).bytes();
        tampered[tampered.length / 2 + 1] ^= 1; // same size, a byte the memo's sampled hash may not read
        w.store.port("dc2").put(BUCKET, key, tampered);

        CorruptArchiveException e = assertThrows(CorruptArchiveException.class, () -> reader.read(path));

        assertEquals(key, e.key());
        assertEquals(sha256(tampered), e.actualSha256());
    }

    @Test
    void a_copy_into_another_bucket_holds_the_source_objects_byte_for_byte() {
        ArchivePath path = Captures.path(10);
        writer.write(path, Captures.content(10));
        w.store.port("dc2").createBucket("copies");

        Manifest copied = new ArchiveWriter(w.bucket(), "copies").copy(reader.read(path));

        assertEquals(reader.manifest(path), copied);
        for (String key : keysUnder(path.path() + "/")) {
            assertEquals(new String(w.store.port("dc2").get(BUCKET, key).bytes(), StandardCharsets.UTF_8),
                    new String(w.store.port("dc2").get("copies", key).bytes(), StandardCharsets.UTF_8), key);
        }
        assertEquals(Captures.content(10), new ArchiveReader(w.bucket(), "copies").read(path).content());
    }

    @Test
    void a_missing_object_of_a_committed_archive_is_reported_as_missing_not_returned() {
        ArchivePath path = Captures.path(4);
        writer.write(path, Captures.content(4));
        w.store.port("dc2").delete(BUCKET, path.key("volumes.json"));

        CorruptArchiveException e = assertThrows(CorruptArchiveException.class, () -> reader.read(path));

        assertEquals(path.key("volumes.json"), e.key());
        assertNull(e.actualSha256());
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
    }

    @Test
    void a_listing_of_10000_archives_pages_correctly() {
        int archives = 10_000;
        List<ArchivePath> expected = new ArrayList<>();
        for (int i = 0; i < archives; i++) {
            expected.add(Captures.path(i));
            writer.write(Captures.path(i), Captures.content(i));
        }
        // an unfinished archive in the middle and a folder that is not an archive: neither may show
        w.store.port("dc2").put(BUCKET, Captures.path(archives + 1).key("resources.json"), new byte[] {'[', ']'});
        w.store.port("dc2").put(BUCKET, ArchivePath.snapshotsPrefix(APP, APP_UID) + "README/manifest.json",
                new byte[0]);
        ObservedPort listing = new ObservedPort(w.bucket());

        List<ArchivePath> listed = new ArchiveReader(listing, BUCKET).list(APP, APP_UID);

        assertEquals(expected, listed);
        int keys = archives * OBJECTS_PER_ARCHIVE + 2;
        assertEquals((keys + ListRequest.MAX_KEYS - 1) / ListRequest.MAX_KEYS, listing.lists);
        assertEquals(expected.subList(0, 7), new ArchiveReader(w.bucket(), BUCKET, 7).list(APP, APP_UID)
                .subList(0, 7)); // a page boundary inside an archive's objects changes nothing
    }

    @Test
    void a_bucket_outage_during_a_write_leaves_no_visible_partial_archive_and_a_later_retry_succeeds() {
        for (int strikeAfter = 0; strikeAfter < OBJECTS_PER_ARCHIVE; strikeAfter++) {
            ArchivePath path = Captures.path(100 + strikeAfter);
            int[] puts = {0};
            int strike = strikeAfter;
            port.beforePut = key -> {
                if (puts[0]++ == strike) {
                    new S3Faults.BucketOutage(w.store, BUCKET).apply(w.world);
                    w.world.inject(Duration.ofMinutes(10), new S3Faults.BucketRestored(w.store, BUCKET));
                }
            };

            ObjectStoreException e = assertThrows(ObjectStoreException.class,
                    () -> writer.write(path, Captures.content(1)));
            assertEquals(S3Errors.SERVICE_UNAVAILABLE, e.code());
            ObjectStoreException listing = assertThrows(ObjectStoreException.class, () -> reader.list(APP, APP_UID));
            assertEquals(503, listing.httpStatus()); // during the outage readers fail, they see no partial data

            w.world.advance(Duration.ofMinutes(10));
            assertFalse(reader.list(APP, APP_UID).contains(path), "after an outage at put " + strike);
            assertThrows(ArchiveNotFoundException.class, () -> reader.read(path));

            port.beforePut = key -> { };
            writer.write(path, Captures.content(1));
            assertEquals(Captures.content(1), reader.read(path).content());
        }
        assertEquals(OBJECTS_PER_ARCHIVE, reader.list(APP, APP_UID).size());
    }

    @Test
    void lost_responses_during_a_write_are_survived_by_a_retry() {
        for (int lost = 1; lost <= OBJECTS_PER_ARCHIVE; lost++) {
            ArchivePath path = Captures.path(200 + lost);
            w.world.inject(Duration.ZERO, new S3Faults.LoseResponses(w.store, lost));
            w.world.advance(Duration.ZERO);
            int attempts = 0;
            Manifest manifest = null;
            while (manifest == null) {
                attempts++;
                try {
                    manifest = writer.write(path, Captures.content(lost));
                } catch (ResponseLostException e) {
                    assertTrue(attempts <= OBJECTS_PER_ARCHIVE, "a retry makes progress: " + e);
                }
            }
            assertEquals(lost + 1, attempts); // every lost response cost one attempt, each took one object further
            String stored = " s3:vault put " + BUCKET + "/" + path.path() + "/";
            assertEquals(OBJECTS_PER_ARCHIVE, w.trace.stream().filter(l -> l.contains(stored)).count(),
                    "every object stored once; retries found their own objects and stored nothing again");
            assertEquals(Captures.content(lost), reader.read(path).content());
        }
    }

    @Test
    void a_retry_after_the_manifest_response_was_lost_finds_the_archive_committed_and_writes_nothing() {
        ArchivePath path = Captures.path(300);
        w.store.loseResponsesOfNextWrites(OBJECTS_PER_ARCHIVE);
        List<String> beforeRetry = new ArrayList<>();
        for (int i = 0; i < OBJECTS_PER_ARCHIVE; i++) {
            assertThrows(ResponseLostException.class, () -> writer.write(path, Captures.content(300)));
        }
        assertEquals(List.of(path), reader.list(APP, APP_UID)); // the last lost response was the manifest's
        beforeRetry.addAll(port.puts);

        writer.write(path, Captures.content(300));

        assertEquals(beforeRetry, port.puts);
    }

    @Test
    void another_snapshot_written_under_the_same_path_is_a_conflict_and_overwrites_nothing() {
        ArchivePath path = Captures.path(5);
        writer.write(path, Captures.content(5));
        byte[] before = w.store.port("dc2").get(BUCKET, path.key("resources.json")).bytes();

        ArchiveConflictException e = assertThrows(ArchiveConflictException.class,
                () -> writer.write(path, Captures.content(6)));

        assertEquals(path.key(Manifest.OBJECT_NAME), e.key());
        assertEquals(new String(before, StandardCharsets.UTF_8), new String(w.store.port("dc2")
                .get(BUCKET, path.key("resources.json")).bytes(), StandardCharsets.UTF_8));
        assertEquals(Captures.content(5), reader.read(path).content());
    }

    @Test
    void an_unfinished_archive_with_other_parts_conflicts_on_the_first_differing_object() {
        ArchivePath path = Captures.path(7);
        port.beforePut = key -> {
            if (key.endsWith(Manifest.OBJECT_NAME)) {
                throw new ObservedPort.Crash(key);
            }
        };
        assertThrows(ObservedPort.Crash.class, () -> writer.write(path, Captures.content(7)));
        port.beforePut = key -> { };

        ArchiveConflictException e = assertThrows(ArchiveConflictException.class,
                () -> writer.write(path, Captures.content(8)));

        assertEquals(path.key("resources.json"), e.key()); // hooks and namespaces are the same in both captures
        assertThrows(ArchiveNotFoundException.class, () -> reader.read(path));
    }
}
