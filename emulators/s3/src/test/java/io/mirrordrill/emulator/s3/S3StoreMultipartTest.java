package io.mirrordrill.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ResponseLostException;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.sim.Fault;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Multipart uploads, copies, batch deletes and bucket deletion in the store, and the faults that apply to them. */
class S3StoreMultipartTest {
    private static final int MIB = 1024 * 1024;

    private final World world = new World(3);
    private final S3Store store;
    private final S3StoreHandle local;
    private final S3StoreHandle remote;

    S3StoreMultipartTest() {
        world.network().site("vault-dc").site("app-dc").link("vault-dc", "app-dc", Duration.ofMillis(20), 1_000_000);
        store = new S3Store(world, "vault", "vault-dc");
        local = store.port("vault-dc");
        remote = store.port("app-dc");
        local.createBucket("bkt");
    }

    @Test
    void upload_ids_come_from_the_worlds_seed_so_the_same_seed_hands_out_the_same_ids() {
        String first = local.createMultipartUpload("bkt", "k");
        String second = local.createMultipartUpload("bkt", "k");

        World again = new World(3);
        again.network().site("vault-dc");
        S3StoreHandle replay = new S3Store(again, "vault", "vault-dc").port("vault-dc");
        replay.createBucket("bkt");

        assertNotEquals(first, second);
        assertEquals(List.of(first, second), List.of(replay.createMultipartUpload("bkt", "k"),
                replay.createMultipartUpload("bkt", "k")));
    }

    @Test
    void a_completed_upload_becomes_one_object_with_the_multipart_etag_and_leaves_the_uploads_in_progress() {
        String id = local.createMultipartUpload("bkt", "big");
        String e1 = local.uploadPart("bkt", "big", id, 1, filled(5 * MIB, 1));
        String e2 = local.uploadPart("bkt", "big", id, 2, filled(10, 2));

        ObjectInfo info = local.completeMultipartUpload("bkt", "big", id,
                List.of(new S3Store.CompletedPart(1, "\"" + e1 + "\""), new S3Store.CompletedPart(2, e2)));

        assertTrue(info.etag().endsWith("-2"), info::toString);
        assertEquals(5 * MIB + 10, local.head("bkt", "big").size());
        assertEquals(info.etag(), local.head("bkt", "big").etag());
        assertEquals(List.of(), local.listMultipartUploads("bkt", null, null, null, null, 1000).uploads());
        expect(S3Errors.NO_SUCH_UPLOAD, () -> local.abortMultipartUpload("bkt", "big", id));
    }

    @Test
    void an_upload_id_is_valid_only_for_its_own_key() {
        String id = local.createMultipartUpload("bkt", "a");

        expect(S3Errors.NO_SUCH_UPLOAD, () -> local.uploadPart("bkt", "b", id, 1, filled(1, 1)));
        expect(S3Errors.NO_SUCH_UPLOAD, () -> local.uploadPart("bkt", "a", "no-such-id", 1, filled(1, 1)));
    }

    @Test
    void part_numbers_from_1_to_10000_are_accepted_and_others_refused_with_invalid_argument() {
        String id = local.createMultipartUpload("bkt", "k");

        local.uploadPart("bkt", "k", id, 1, filled(1, 1));
        local.uploadPart("bkt", "k", id, 10_000, filled(1, 1));
        expect(S3Errors.INVALID_ARGUMENT, () -> local.uploadPart("bkt", "k", id, 0, filled(1, 1)));
        expect(S3Errors.INVALID_ARGUMENT, () -> local.uploadPart("bkt", "k", id, 10_001, filled(1, 1)));
        assertEquals(List.of(1, 10_000), local.listParts("bkt", "k", id, 0, 1000).parts().stream()
                .map(MultipartUpload.Part::number).toList());
    }

    @Test
    void list_parts_pages_after_the_part_number_marker() {
        String id = local.createMultipartUpload("bkt", "k");
        for (int n = 1; n <= 5; n++) {
            local.uploadPart("bkt", "k", id, n, filled(1, n));
        }

        PartList first = local.listParts("bkt", "k", id, 0, 2);
        PartList second = local.listParts("bkt", "k", id, first.nextPartNumberMarker(), 3);

        assertTrue(first.truncated());
        assertEquals(2, first.nextPartNumberMarker());
        assertEquals(List.of(3, 4, 5), second.parts().stream().map(MultipartUpload.Part::number).toList());
        assertFalse(second.truncated());
    }

    @Test
    void list_multipart_uploads_orders_by_key_then_initiation_and_resumes_after_both_markers() {
        String b1 = local.createMultipartUpload("bkt", "b");
        String a1 = local.createMultipartUpload("bkt", "a");
        String b2 = local.createMultipartUpload("bkt", "b");

        UploadList first = local.listMultipartUploads("bkt", null, null, null, null, 2);
        UploadList rest = local.listMultipartUploads("bkt", null, null, first.nextKeyMarker(),
                first.nextUploadIdMarker(), 2);

        assertEquals(List.of(a1, b1), first.uploads().stream().map(UploadList.Upload::uploadId).toList());
        assertTrue(first.truncated());
        assertEquals(List.of(b2), rest.uploads().stream().map(UploadList.Upload::uploadId).toList());
        assertFalse(rest.truncated());
        assertEquals(List.of(b1, b2), local.listMultipartUploads("bkt", "b", null, null, null, 10).uploads().stream()
                .map(UploadList.Upload::uploadId).toList());
    }

    @Test
    void delete_bucket_refuses_objects_but_takes_uploads_in_progress_with_it() {
        local.put("bkt", "k", filled(1, 1));
        local.createMultipartUpload("bkt", "pending");

        expect(S3Errors.BUCKET_NOT_EMPTY, () -> local.deleteBucket("bkt"));
        local.delete("bkt", "k");
        local.deleteBucket("bkt");

        assertFalse(local.bucketExists("bkt"));
        expect(S3Errors.NO_SUCH_BUCKET, () -> local.deleteBucket("bkt"));
    }

    @Test
    void copy_keeps_the_bytes_and_etag_and_a_failing_source_precondition_copies_nothing() {
        String etag = local.put("bkt", "src", filled(100, 4));

        ObjectInfo copied = local.copy("bkt", "src", "bkt", "dst", info -> { });
        expect(S3Errors.PRECONDITION_FAILED, () -> local.copy("bkt", "src", "bkt", "dst2", info -> {
            throw S3Errors.preconditionFailed("bkt", info.key());
        }));

        assertEquals(etag, copied.etag());
        assertArrayEquals(filled(100, 4), local.get("bkt", "dst").bytes());
        expect(S3Errors.NO_SUCH_KEY, () -> local.head("bkt", "dst2"));
    }

    @Test
    void delete_objects_deletes_each_key_and_reports_an_empty_key_as_its_own_failure() {
        local.put("bkt", "a", filled(1, 1));
        local.put("bkt", "b", filled(1, 1));

        Map<String, ObjectStoreException> failed = local.deleteObjects("bkt", List.of("a", "", "missing"));

        assertEquals(List.of(""), List.copyOf(failed.keySet()));
        assertEquals(S3Errors.INVALID_ARGUMENT, failed.get("").code());
        expect(S3Errors.NO_SUCH_KEY, () -> local.head("bkt", "a"));
        assertEquals(1, local.head("bkt", "b").size());
    }

    // ---- faults and reachability apply to the new operations ----------------------------------------------------

    @Test
    void a_bucket_outage_answers_503_to_every_multipart_step_and_changes_nothing() {
        String id = local.createMultipartUpload("bkt", "k");
        String etag = local.uploadPart("bkt", "k", id, 1, filled(10, 1));
        store.bucketOutage("bkt");

        expect(S3Errors.SERVICE_UNAVAILABLE, () -> local.createMultipartUpload("bkt", "k2"));
        expect(S3Errors.SERVICE_UNAVAILABLE, () -> local.uploadPart("bkt", "k", id, 2, filled(10, 2)));
        expect(S3Errors.SERVICE_UNAVAILABLE, () -> local.completeMultipartUpload("bkt", "k", id,
                List.of(new S3Store.CompletedPart(1, etag))));
        expect(S3Errors.SERVICE_UNAVAILABLE, () -> local.deleteBucket("bkt"));
        store.restoreBucket("bkt");

        assertEquals(1, local.listParts("bkt", "k", id, 0, 1000).parts().size());
        assertEquals(1, local.listMultipartUploads("bkt", null, null, null, null, 1000).uploads().size());
    }

    @Test
    void a_copy_from_a_bucket_in_an_outage_answers_503_and_copies_nothing() {
        local.createBucket("src");
        local.put("src", "k", filled(10, 1));
        String id = local.createMultipartUpload("bkt", "part-copy");
        store.bucketOutage("src");

        expect(S3Errors.SERVICE_UNAVAILABLE, () -> local.copy("src", "k", "bkt", "k", info -> { }));
        expect(S3Errors.SERVICE_UNAVAILABLE, () -> local.uploadPartCopy("src", "k", null, info -> { }, "bkt",
                "part-copy", id, 1));

        expect(S3Errors.NO_SUCH_KEY, () -> local.head("bkt", "k"));
        assertEquals(List.of(), local.listParts("bkt", "part-copy", id, 0, 1000).parts());
    }

    @Test
    void a_caller_cut_off_by_a_partition_cannot_upload_parts_or_complete() {
        String id = remote.createMultipartUpload("bkt", "k");
        String etag = remote.uploadPart("bkt", "k", id, 1, filled(10, 1));
        world.inject(Duration.ZERO, new Fault.Partition("vault-dc", "app-dc"));
        world.advance(Duration.ofSeconds(1));

        assertThrows(UnreachableException.class, () -> remote.uploadPart("bkt", "k", id, 2, filled(1, 1)));
        assertThrows(UnreachableException.class, () -> remote.completeMultipartUpload("bkt", "k", id,
                List.of(new S3Store.CompletedPart(1, etag))));
        assertThrows(UnreachableException.class, () -> remote.deleteObjects("bkt", List.of("k")));
        assertEquals(1, local.listParts("bkt", "k", id, 0, 1000).parts().size());
    }

    @Test
    void a_lost_response_to_a_completion_still_creates_the_object() {
        String id = local.createMultipartUpload("bkt", "k");
        String etag = local.uploadPart("bkt", "k", id, 1, filled(10, 1));
        store.loseResponsesOfNextWrites(1);

        assertThrows(ResponseLostException.class, () -> local.completeMultipartUpload("bkt", "k", id,
                List.of(new S3Store.CompletedPart(1, etag))));

        assertEquals(10, local.head("bkt", "k").size());
    }

    @Test
    void a_part_upload_takes_its_transfer_time_over_the_link() {
        String id = remote.createMultipartUpload("bkt", "k");

        remote.uploadPart("bkt", "k", id, 1, filled(1_000_000, 1));

        assertTrue(remote.lastLatency().compareTo(Duration.ofSeconds(1)) >= 0, remote.lastLatency()::toString);
    }

    private static byte[] filled(int size, int value) {
        byte[] data = new byte[size];
        java.util.Arrays.fill(data, (byte) value);
        return data;
    }

    private static ObjectStoreException expect(String code, Executable call) {
        ObjectStoreException e = assertThrows(ObjectStoreException.class, call);
        assertEquals(code, e.code(), e::toString);
        return e;
    }
}
