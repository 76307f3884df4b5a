package io.mirrordrill.contract;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdException.Reason;
import io.mirrordrill.port.etcd.EtcdPort;
import io.mirrordrill.port.etcd.RestoreRequest;
import io.mirrordrill.port.etcd.RestoredMember;
import io.mirrordrill.port.etcd.SavedSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one contract of {@link EtcdPort}: the emulator (a Kubernetes API store as etcd) and the etcdctl adapter (a
 * real etcd 3.4) run these tests. Data is written through each system's own write path by {@link #put}, so the
 * contract speaks of keys and values: a ConfigMap per key for the emulator, an {@code etcdctl put} for etcd.
 * Key counts are compared between snapshots, because a real snapshot also holds etcd's own bookkeeping keys.
 */
public abstract class EtcdPortContract {
    /** What a member started over a restored data directory holds: its revision and the values {@link #put} wrote. */
    protected record Restored(long revision, Map<String, String> values) {
    }

    @TempDir
    protected Path files;
    protected EtcdPort port;

    /** A port to a fresh member holding nothing this contract wrote. */
    protected abstract EtcdPort openPort();

    /** Creates or replaces a key's value through the system's own write path; returns that write's revision. */
    protected abstract long put(String key, String value);

    /** A restore into a data directory that does not exist yet, distinct per {@code label}. */
    protected abstract RestoreRequest restoreRequest(String label);

    /** Starts a member over a restored data directory and reads back its revision and what {@link #put} wrote. */
    protected abstract Restored startRestored(RestoredMember member);

    /** Cuts the port off from its member. */
    protected abstract void makeUnreachable();

    @BeforeEach
    final void open() {
        port = openPort();
    }

    private byte[] save() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        port.save(out);
        return out.toByteArray();
    }

    private static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    // ---- save and status ------------------------------------------------------------------------------------------

    @Test
    void aSavedSnapshotHasTheRevisionOfTheLastWriteAndStatusReadsTheSameFromTheFile() throws IOException {
        put("alpha", "1");
        long last = put("bravo", "2");
        Path file = files.resolve("etcd-snapshot.db");
        SavedSnapshot saved = port.save(file);
        assertEquals(last, saved.revision());
        assertEquals(Files.size(file), saved.size());
        assertEquals(saved.status(), port.status(file));
        assertTrue(saved.status().totalSize() > 0 && saved.status().totalSize() < saved.size(),
                "the database, then its integrity hash: " + saved);
        assertFalse(Files.exists(files.resolve("etcd-snapshot.db.part")));
    }

    @Test
    void aSnapshotSavedToAStreamReadsBackWithTheStatusSaveReported() {
        put("alpha", "1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SavedSnapshot saved = port.save(out);
        assertEquals(out.size(), saved.size());
        assertEquals(saved.status(), port.status(stream(out.toByteArray())));
    }

    @Test
    void everyNewKeyAddsOneKeyAndOneRevisionAndChangesTheHash() {
        put("alpha", "1");
        SavedSnapshot before = port.save(new ByteArrayOutputStream());
        put("bravo", "2");
        long last = put("charlie", "3");
        SavedSnapshot after = port.save(new ByteArrayOutputStream());
        assertEquals(last, after.revision());
        assertEquals(before.revision() + 2, after.revision());
        assertEquals(before.status().totalKeys() + 2, after.status().totalKeys());
        assertNotEquals(before.hash(), after.hash());
    }

    @Test
    void savingAgainWithoutWritesReportsTheSameStatus() {
        put("alpha", "1");
        SavedSnapshot first = port.save(new ByteArrayOutputStream());
        assertEquals(first.status(), port.save(new ByteArrayOutputStream()).status());
    }

    // ---- restore --------------------------------------------------------------------------------------------------

    @Test
    void restoreBringsBackExactlyTheSavedKeysAtTheSavedRevisionAndNoLaterWrite() {
        put("alpha", "1");
        put("bravo", "2");
        Path file = files.resolve("etcd-snapshot.db");
        SavedSnapshot saved = port.save(file);
        put("charlie", "3");
        put("alpha", "overwritten");

        RestoreRequest request = restoreRequest("restored");
        RestoredMember member = port.restore(file, request);
        assertEquals(request.dataDir(), member.dataDir());
        assertEquals(request.name(), member.name());
        assertEquals(saved.status(), member.snapshot());
        assertEquals(new Restored(saved.revision(), Map.of("alpha", "1", "bravo", "2")), startRestored(member));
    }

    @Test
    void restoreRefusesAnExistingDataDirectoryAndLeavesItAsItWas() {
        put("alpha", "1");
        byte[] snapshot = save();
        RestoreRequest request = restoreRequest("twice");
        RestoredMember first = port.restore(stream(snapshot), request);
        put("alpha", "2");
        byte[] later = save();
        EtcdException e = assertThrows(EtcdException.class, () -> port.restore(stream(later), request));
        assertEquals(Reason.DATA_DIR_EXISTS, e.reason());
        assertTrue(e.getMessage().contains(request.dataDir()), e.getMessage());
        assertEquals(Map.of("alpha", "1"), startRestored(first).values());
    }

    // ---- corrupt and missing snapshots ----------------------------------------------------------------------------

    @Test
    void aTruncatedSnapshotIsRefusedByRestoreAndLeavesNoDataDirectoryBehind() {
        put("alpha", "1");
        byte[] snapshot = save();
        RestoreRequest request = restoreRequest("truncated");
        byte[] half = Arrays.copyOf(snapshot, snapshot.length / 2);
        EtcdException e = assertThrows(EtcdException.class, () -> port.restore(stream(half), request));
        assertEquals(Reason.CORRUPT_SNAPSHOT, e.reason(), e::toString);
        assertEquals(Map.of("alpha", "1"), startRestored(port.restore(stream(snapshot), request)).values(),
                "the refused restore left nothing in the way");
    }

    @Test
    void aSnapshotWithOneAlteredByteIsRefusedByRestore() {
        put("alpha", "1");
        byte[] snapshot = save();
        snapshot[snapshot.length / 2] ^= 0x5a;
        RestoreRequest request = restoreRequest("altered");
        EtcdException e = assertThrows(EtcdException.class, () -> port.restore(stream(snapshot), request));
        assertEquals(Reason.CORRUPT_SNAPSHOT, e.reason(), e::toString);
    }

    @Test
    void aFileThatIsNotASnapshotIsRefusedByStatusAndRestore() {
        byte[] noise = new byte[20_000];
        new Random(2379).nextBytes(noise);
        EtcdException status = assertThrows(EtcdException.class, () -> port.status(stream(noise)));
        assertEquals(Reason.CORRUPT_SNAPSHOT, status.reason(), status::toString);
        EtcdException restore = assertThrows(EtcdException.class,
                () -> port.restore(stream(noise), restoreRequest("noise")));
        assertEquals(Reason.CORRUPT_SNAPSHOT, restore.reason(), restore::toString);
    }

    @Test
    void aMissingSnapshotFileIsReportedAsNotFound() {
        Path missing = files.resolve("missing.db");
        assertEquals(Reason.SNAPSHOT_NOT_FOUND, assertThrows(EtcdException.class, () -> port.status(missing))
                .reason());
        EtcdException e = assertThrows(EtcdException.class, () -> port.restore(missing, restoreRequest("missing")));
        assertEquals(Reason.SNAPSHOT_NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    // ---- reachability -----------------------------------------------------------------------------------------------

    @Test
    void savingFromAMemberThatCannotBeReachedFailsWithUnreachableAndWritesNoFile() {
        put("alpha", "1");
        byte[] snapshot = save();
        makeUnreachable();
        Path file = files.resolve("etcd-snapshot.db");
        assertThrows(UnreachableException.class, () -> port.save(file));
        assertFalse(Files.exists(file));
        assertEquals(Map.of("alpha", "1"), startRestored(port.restore(stream(snapshot), restoreRequest("offline")))
                .values(), "status and restore need no member");
    }
}
