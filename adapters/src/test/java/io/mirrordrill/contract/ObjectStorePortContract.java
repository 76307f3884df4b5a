package io.mirrordrill.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.port.objectstore.BucketInfo;
import io.mirrordrill.port.objectstore.ByteRange;
import io.mirrordrill.port.objectstore.ListPage;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectContent;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.ObjectStorePort;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.port.objectstore.WriteCondition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The one contract of {@link ObjectStorePort}: every target (the in-memory emulator, the SDK adapter against the
 * emulator's S3 server, the SDK adapter against S3Proxy) runs these tests. A target that genuinely lacks a behaviour
 * says so by overriding {@link #gap(Capability)}; the test is then skipped with that reason, never passed silently.
 */
public abstract class ObjectStorePortContract {
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    /** Behaviours some S3 implementations lack. */
    protected enum Capability {
        /** {@code If-None-Match: *} on PutObject refuses to overwrite. */
        CONDITIONAL_CREATE,
        /** Paging with a delimiter counts common prefixes in max-keys and resumes after a rolled-up prefix. */
        DELIMITER_PAGING
    }

    protected String bucket;

    /** The port under test; the same instance for every test of a class is fine, buckets are fresh per test. */
    protected abstract ObjectStorePort port();

    /**
     * Stores {@code parts} as one object by a multipart upload (which the port has no operation for), the way the
     * target's S3 does it: the AWS SDK against a server, the store's own operations in memory.
     */
    protected abstract void uploadInParts(String bucket, String key, List<byte[]> parts);

    /** Why this target lacks {@code capability}, or null when it has it. */
    protected String gap(Capability capability) {
        return null;
    }

    private void requires(Capability capability) {
        String why = gap(capability);
        Assumptions.assumeTrue(why == null, () -> getClass().getSimpleName() + " lacks " + capability + ": " + why);
    }

    @BeforeEach
    void freshBucket() {
        bucket = "contract-" + BUCKETS.incrementAndGet();
        port().createBucket(bucket);
    }

    // ---- objects ------------------------------------------------------------------------------------------------

    @Test
    void an_object_put_reads_back_byte_for_byte() {
        port().put(bucket, "a/b.txt", bytes("hello vault"));

        ObjectContent got = port().get(bucket, "a/b.txt");

        assertArrayEquals(bytes("hello vault"), got.bytes());
        assertTrue(got.isWhole());
        assertEquals(11, got.info().size());
    }

    @Test
    void head_reports_the_size_etag_and_modification_time_of_the_put() {
        String etag = port().put(bucket, "k", bytes("12345"));

        ObjectInfo info = port().head(bucket, "k");

        assertEquals(new ObjectInfo("k", etag, 5, info.lastModified()), info);
        assertNotNull(info.lastModified());
        assertEquals(etag, port().get(bucket, "k").info().etag());
    }

    @Test
    void the_etag_of_a_single_put_is_the_hex_md5_of_its_content() {
        assertEquals(md5("archive manifest"), port().put(bucket, "m", bytes("archive manifest")));
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", port().put(bucket, "empty", new byte[0]));
    }

    @Test
    void the_etag_is_stable_for_the_same_content_and_changes_with_the_content() {
        String first = port().put(bucket, "k", bytes("v1"));
        assertEquals(first, port().head(bucket, "k").etag());
        assertEquals(first, port().put(bucket, "k", bytes("v1")));
        assertEquals(first, port().put(bucket, "other", bytes("v1")));

        String second = port().put(bucket, "k", bytes("v2"));

        assertNotEquals(first, second);
        assertEquals(second, port().head(bucket, "k").etag());
        assertArrayEquals(bytes("v2"), port().get(bucket, "k").bytes());
    }

    @Test
    void an_empty_object_round_trips() {
        port().put(bucket, "empty", new byte[0]);

        assertEquals(0, port().head(bucket, "empty").size());
        assertArrayEquals(new byte[0], port().get(bucket, "empty").bytes());
    }

    @Test
    void a_large_object_round_trips_intact() {
        byte[] data = new byte[1_500_000];
        new Random(42).nextBytes(data);

        String etag = port().put(bucket, "big.bin", data);

        assertEquals(md5(data), etag);
        assertArrayEquals(data, port().get(bucket, "big.bin").bytes());
    }

    @Test
    void keys_with_spaces_and_non_ascii_characters_round_trip_through_put_list_and_get() {
        String key = "archive 1/größe+plus=eq&amp;é.json";
        port().put(bucket, key, bytes("x"));

        assertArrayEquals(bytes("x"), port().get(bucket, key).bytes());
        assertEquals(List.of(key), keys(port().list(ListRequest.of(bucket))));
    }

    @Test
    void a_conditional_create_writes_when_the_key_is_absent() {
        requires(Capability.CONDITIONAL_CREATE);
        String etag = port().put(bucket, "manifest", bytes("v1"), WriteCondition.IF_NONE_MATCH);

        assertEquals(etag, port().head(bucket, "manifest").etag());
    }

    @Test
    void a_conditional_create_is_refused_with_precondition_failed_when_the_key_exists() {
        requires(Capability.CONDITIONAL_CREATE);
        port().put(bucket, "manifest", bytes("first"));

        ObjectStoreException e = expect(S3Errors.PRECONDITION_FAILED,
                () -> port().put(bucket, "manifest", bytes("second"), WriteCondition.IF_NONE_MATCH));

        assertEquals(412, e.httpStatus());
        assertArrayEquals(bytes("first"), port().get(bucket, "manifest").bytes());
    }

    @Test
    void a_conditional_create_succeeds_again_after_the_key_is_deleted() {
        requires(Capability.CONDITIONAL_CREATE);
        port().put(bucket, "lock", bytes("a"), WriteCondition.IF_NONE_MATCH);
        port().delete(bucket, "lock");

        port().put(bucket, "lock", bytes("b"), WriteCondition.IF_NONE_MATCH);

        assertArrayEquals(bytes("b"), port().get(bucket, "lock").bytes());
    }

    @Test
    void delete_removes_the_object() {
        port().put(bucket, "k", bytes("v"));

        port().delete(bucket, "k");

        expect(S3Errors.NO_SUCH_KEY, () -> port().get(bucket, "k"));
        assertEquals(List.of(), keys(port().list(ListRequest.of(bucket))));
    }

    @Test
    void deleting_a_missing_key_succeeds() {
        port().delete(bucket, "never-written");
        assertEquals(0, port().list(ListRequest.of(bucket)).keyCount());
    }

    @Test
    void an_object_uploaded_in_parts_reads_back_whole_and_by_range_with_its_multipart_etag_in_head_get_and_list() {
        byte[] first = new byte[5 * 1024 * 1024];
        new Random(5).nextBytes(first);
        byte[] second = bytes("the last part may be small");
        uploadInParts(bucket, "parts/obj", List.of(first, second));

        ObjectInfo info = port().head(bucket, "parts/obj");
        ObjectContent whole = port().get(bucket, "parts/obj");
        ObjectContent tail = port().get(bucket, "parts/obj", ByteRange.lastBytes(second.length));

        String md5s = md5(concat(HexFormat.of().parseHex(md5(first)), HexFormat.of().parseHex(md5(second))));
        assertEquals(md5s + "-2", info.etag());
        assertEquals(first.length + second.length, info.size());
        assertArrayEquals(concat(first, second), whole.bytes());
        assertEquals(info.etag(), whole.info().etag());
        assertArrayEquals(second, tail.bytes());
        assertEquals(List.of(info.etag()), port().list(ListRequest.of(bucket).withPrefix("parts/")).objects().stream()
                .map(ObjectInfo::etag).toList());
    }

    // ---- ranges -------------------------------------------------------------------------------------------------

    @Test
    void a_byte_range_returns_exactly_those_bytes_and_the_whole_size() {
        port().put(bucket, "r", bytes("0123456789"));

        ObjectContent got = port().get(bucket, "r", ByteRange.between(2, 5));

        assertArrayEquals(bytes("2345"), got.bytes());
        assertEquals(2, got.offset());
        assertEquals(10, got.info().size());
        assertFalse(got.isWhole());
    }

    @Test
    void an_open_ended_range_returns_the_rest_of_the_object() {
        port().put(bucket, "r", bytes("0123456789"));

        ObjectContent got = port().get(bucket, "r", ByteRange.from(7));

        assertArrayEquals(bytes("789"), got.bytes());
        assertEquals(7, got.offset());
    }

    @Test
    void a_suffix_range_returns_the_last_bytes() {
        port().put(bucket, "r", bytes("0123456789"));

        ObjectContent got = port().get(bucket, "r", ByteRange.lastBytes(3));

        assertArrayEquals(bytes("789"), got.bytes());
        assertEquals(7, got.offset());
    }

    @Test
    void a_range_ending_past_the_end_is_cut_at_the_end() {
        port().put(bucket, "r", bytes("0123456789"));

        assertArrayEquals(bytes("89"), port().get(bucket, "r", ByteRange.between(8, 100)).bytes());
    }

    @Test
    void a_range_starting_past_the_end_fails_with_invalid_range() {
        port().put(bucket, "r", bytes("0123456789"));

        ObjectStoreException e = expect(S3Errors.INVALID_RANGE, () -> port().get(bucket, "r", ByteRange.from(10)));

        assertEquals(416, e.httpStatus());
    }

    // ---- missing things -----------------------------------------------------------------------------------------

    @Test
    void get_and_head_of_a_missing_key_fail_with_no_such_key() {
        assertEquals(404, expect(S3Errors.NO_SUCH_KEY, () -> port().get(bucket, "nope")).httpStatus());
        assertEquals(404, expect(S3Errors.NO_SUCH_KEY, () -> port().head(bucket, "nope")).httpStatus());
    }

    @Test
    void every_object_operation_on_a_missing_bucket_fails_with_no_such_bucket() {
        String missing = bucket + "-missing";
        expect(S3Errors.NO_SUCH_BUCKET, () -> port().put(missing, "k", bytes("v")));
        expect(S3Errors.NO_SUCH_BUCKET, () -> port().get(missing, "k"));
        expect(S3Errors.NO_SUCH_BUCKET, () -> port().head(missing, "k"));
        expect(S3Errors.NO_SUCH_BUCKET, () -> port().delete(missing, "k"));
        ObjectStoreException e = expect(S3Errors.NO_SUCH_BUCKET, () -> port().list(ListRequest.of(missing)));
        assertEquals(404, e.httpStatus());
    }

    @Test
    void bucket_exists_tells_an_existing_bucket_from_a_missing_one_and_list_buckets_shows_it() {
        assertTrue(port().bucketExists(bucket));
        assertFalse(port().bucketExists(bucket + "-missing"));

        List<String> names = port().listBuckets().stream().map(BucketInfo::name).toList();

        assertTrue(names.contains(bucket), names::toString);
        assertEquals(names.stream().sorted().toList(), names);
    }

    // ---- listing ------------------------------------------------------------------------------------------------

    @Test
    void an_empty_bucket_lists_nothing_and_is_not_truncated() {
        ListPage page = port().list(ListRequest.of(bucket));

        assertEquals(0, page.keyCount());
        assertFalse(page.truncated());
        assertNull(page.nextContinuationToken());
    }

    @Test
    void a_listing_returns_keys_in_lexicographic_order_with_their_sizes_and_etags() {
        for (String key : List.of("b", "a/2", "a/10", "B", "a-1", "c")) {
            port().put(bucket, key, bytes(key));
        }

        ListPage page = port().list(ListRequest.of(bucket));

        assertEquals(List.of("B", "a-1", "a/10", "a/2", "b", "c"), keys(page));
        ObjectInfo a10 = page.objects().get(2);
        assertEquals(4, a10.size());
        assertEquals(md5("a/10"), a10.etag());
        assertEquals(port().head(bucket, "a/10").lastModified(), a10.lastModified());
    }

    @Test
    void a_prefix_limits_the_listing_to_matching_keys() {
        for (String key : List.of("snap/1", "snap/2", "snapshot", "other/1")) {
            port().put(bucket, key, bytes(key));
        }

        assertEquals(List.of("snap/1", "snap/2"), keys(port().list(ListRequest.of(bucket).withPrefix("snap/"))));
        assertEquals(List.of("snap/1", "snap/2", "snapshot"),
                keys(port().list(ListRequest.of(bucket).withPrefix("snap"))));
    }

    @Test
    void a_delimiter_rolls_deeper_keys_up_into_common_prefixes() {
        for (String key : List.of("top", "a/1", "a/2", "a/b/3", "b/1", "zz")) {
            port().put(bucket, key, bytes(key));
        }

        ListPage page = port().list(ListRequest.of(bucket).withDelimiter("/"));

        assertEquals(List.of("top", "zz"), keys(page));
        assertEquals(List.of("a/", "b/"), page.commonPrefixes());
        assertEquals(4, page.keyCount());
    }

    @Test
    void a_common_prefix_is_listed_once_whatever_characters_its_keys_go_on_with() {
        for (String key : List.of("a/1", "a/\uD83D\uDE00", "a/\uD83D\uDE00x", "a/z", "a0", "b/1", "c")) {
            port().put(bucket, key, bytes(key));
        }

        ListPage page = port().list(ListRequest.of(bucket).withDelimiter("/"));

        assertEquals(List.of("a0", "c"), keys(page));
        assertEquals(List.of("a/", "b/"), page.commonPrefixes());
    }

    @Test
    void a_prefix_with_a_delimiter_lists_one_level_of_a_directory() {
        for (String key : List.of("apps/x/manifest", "apps/x/data/1", "apps/x/data/2", "apps/y/manifest")) {
            port().put(bucket, key, bytes(key));
        }

        ListPage page = port().list(ListRequest.of(bucket).withPrefix("apps/x/").withDelimiter("/"));

        assertEquals(List.of("apps/x/manifest"), keys(page));
        assertEquals(List.of("apps/x/data/"), page.commonPrefixes());
    }

    @Test
    void continuation_tokens_page_through_2500_keys_1000_at_a_time_in_order_exactly_once() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            String key = String.format("obj/%05d", i);
            port().put(bucket, key, new byte[] {(byte) i});
            expected.add(key);
        }

        List<Integer> pageSizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        ListRequest request = ListRequest.of(bucket).withMaxKeys(1000);
        ListPage page;
        do {
            page = port().list(request);
            pageSizes.add(page.keyCount());
            seen.addAll(keys(page));
            request = request.withContinuationToken(page.nextContinuationToken());
        } while (page.truncated());

        assertEquals(List.of(1000, 1000, 500), pageSizes);
        assertEquals(expected, seen);
    }

    @Test
    void max_keys_counts_common_prefixes_and_a_resumed_listing_skips_the_rolled_up_keys() {
        requires(Capability.DELIMITER_PAGING);
        for (String key : List.of("a/1", "a/2", "a/3", "b", "c/1", "c/2", "d")) {
            port().put(bucket, key, bytes(key));
        }
        ListRequest request = ListRequest.of(bucket).withDelimiter("/").withMaxKeys(2);

        ListPage first = port().list(request);
        ListPage second = port().list(request.withContinuationToken(first.nextContinuationToken()));

        assertEquals(List.of("a/"), first.commonPrefixes());
        assertEquals(List.of("b"), keys(first));
        assertTrue(first.truncated());
        assertEquals(List.of("c/"), second.commonPrefixes());
        assertEquals(List.of("d"), keys(second));
        assertFalse(second.truncated());
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    protected static ObjectStoreException expect(String code, Executable call) {
        ObjectStoreException e = assertThrows(ObjectStoreException.class, call);
        assertEquals(code, e.code(), e::toString);
        return e;
    }

    protected static List<String> keys(ListPage page) {
        return page.objects().stream().map(ObjectInfo::key).toList();
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    protected static String md5(String s) {
        return md5(bytes(s));
    }

    protected static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
