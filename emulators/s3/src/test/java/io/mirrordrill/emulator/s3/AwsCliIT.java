package io.mirrordrill.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectInfo;
import io.mirrordrill.sim.World;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI (awscli v1, {@code aws s3 ...} and {@code aws s3api ...}) against the emulator's S3 server on
 * loopback, path-style, signed with SigV4: every command a user runs against S3 works, and no request of theirs is
 * answered 501 NotImplemented.
 */
class AwsCliIT {
    private static final int MIB = 1024 * 1024;
    /** Local files are older than anything the store holds, so {@code s3 sync} judges by size and time as on S3. */
    private static final FileTime LOCAL_MTIME = FileTime.from(Instant.parse("2025-06-01T00:00:00Z"));
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    /** What the store recorded, to see which operations a command used. */
    private static final List<String> STORE_LOG = Collections.synchronizedList(new ArrayList<>());

    private static S3Store store;
    private static S3Server server;
    @TempDir
    static Path home;
    private static AwsCli aws;

    private String bucket;

    @BeforeAll
    static void start() {
        AwsCli.require();
        World world = new World(17);
        world.network().site("dc1");
        store = new S3Store(world, "vault", "dc1");
        world.trace().subscribe(e -> STORE_LOG.add(e.message()));
        server = S3Server.start(store, List.of(S3Credentials.of("cli-key", "cli-secret")));
        aws = new AwsCli(server.endpoint(), "cli-key", "cli-secret", home);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshBucket() {
        bucket = "cli-" + BUCKETS.incrementAndGet();
        aws.ok("s3", "mb", "s3://" + bucket);
    }

    @Test
    void cp_uploads_and_downloads_a_1_kib_and_a_20_mib_file_byte_for_byte_the_large_one_in_parts() throws IOException {
        Path small = file("small.bin", 1024, 1);
        Path large = file("large.bin", 20 * MIB, 2);

        aws.ok("s3", "cp", small.toString(), "s3://" + bucket + "/in/small.bin");
        aws.ok("s3", "cp", large.toString(), "s3://" + bucket + "/in/large.bin");
        Path down = Files.createDirectories(home.resolve("down-" + bucket));
        aws.ok("s3", "cp", "s3://" + bucket + "/in/small.bin", down.resolve("small.bin").toString());
        aws.ok("s3", "cp", "s3://" + bucket + "/in/large.bin", down.resolve("large.bin").toString());

        assertArrayEquals(Files.readAllBytes(small), Files.readAllBytes(down.resolve("small.bin")));
        assertArrayEquals(Files.readAllBytes(large), Files.readAllBytes(down.resolve("large.bin")));
        // awscli uploads 8 MiB parts above its 8 MiB threshold: 8 + 8 + 4 MiB, an ETag of three parts
        String etag = head("in/large.bin").etag();
        assertTrue(etag.endsWith("-3"), etag);
        // and downloads such an object in ranges, each on condition that it is still the object it saw
        List<S3Server.Received> ranged = server.received().stream().filter(r -> r.method().equals("GET")
                && r.path().equals("/" + bucket + "/in/large.bin")).toList();
        assertTrue(ranged.size() >= 3, ranged::toString);
        assertTrue(ranged.stream().allMatch(r -> r.status() == 206 && r.range() != null
                && ("\"" + etag + "\"").equals(r.ifMatch())), ranged::toString);
        assertFalse(head("in/small.bin").etag().contains("-"));
        assertNoneUnhandled();
    }

    @Test
    void sync_uploads_a_directory_and_a_second_sync_copies_nothing() throws IOException {
        Path dir = Files.createDirectories(home.resolve("sync-" + bucket));
        for (int i = 0; i < 5; i++) {
            file(dir.resolve("sub" + (i % 2)).resolve("f" + i + ".txt"), 100 + i, i);
        }

        String first = aws.ok("s3", "sync", dir.toString(), "s3://" + bucket + "/tree");
        String second = aws.ok("s3", "sync", dir.toString(), "s3://" + bucket + "/tree");

        assertEquals(5, first.lines().filter(l -> l.startsWith("upload:")).count(), first);
        assertEquals("", second.strip(), "a second sync of unchanged files copies nothing");
        assertEquals(List.of("tree/sub0/f0.txt", "tree/sub0/f2.txt", "tree/sub0/f4.txt", "tree/sub1/f1.txt",
                "tree/sub1/f3.txt"), keys(""));
        assertNoneUnhandled();
    }

    @Test
    void rm_recursive_deletes_every_object_under_a_prefix_and_nothing_else() throws IOException {
        Path dir = Files.createDirectories(home.resolve("rm-" + bucket));
        for (int i = 0; i < 4; i++) {
            file(dir.resolve("f" + i), 10, i);
        }
        aws.ok("s3", "sync", dir.toString(), "s3://" + bucket + "/gone");
        aws.ok("s3", "cp", dir.resolve("f0").toString(), "s3://" + bucket + "/kept");

        String out = aws.ok("s3", "rm", "--recursive", "s3://" + bucket + "/gone");

        assertEquals(4, out.lines().filter(l -> l.startsWith("delete:")).count(), out);
        assertEquals(List.of("kept"), keys(""));
        assertNoneUnhandled();
    }

    @Test
    void mb_and_rb_create_and_remove_a_bucket_and_rb_of_a_non_empty_bucket_fails_with_bucket_not_empty()
            throws IOException {
        String other = bucket + "-rb";
        aws.ok("s3", "mb", "s3://" + other);
        assertTrue(store.port("dc1").bucketExists(other));
        aws.ok("s3", "cp", file("x", 10, 3).toString(), "s3://" + other + "/x");

        AwsCli.Run refused = aws.run("s3", "rb", "s3://" + other);

        assertNotEquals(0, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("BucketNotEmpty"), refused::toString);
        assertTrue(store.port("dc1").bucketExists(other));

        aws.ok("s3", "rm", "s3://" + other + "/x");
        aws.ok("s3", "rb", "s3://" + other);
        assertFalse(store.port("dc1").bucketExists(other));
        assertNoneUnhandled();
    }

    @Test
    void mv_moves_a_local_file_up_and_a_20_mib_object_between_keys_copying_it_in_parts() throws IOException {
        Path local = file("moved.bin", 2048, 4);
        byte[] big = Files.readAllBytes(file("big.bin", 20 * MIB, 5));
        aws.ok("s3", "cp", home.resolve("big.bin").toString(), "s3://" + bucket + "/a/big.bin");

        aws.ok("s3", "mv", local.toString(), "s3://" + bucket + "/a/moved.bin");
        aws.ok("s3", "mv", "s3://" + bucket + "/a/big.bin", "s3://" + bucket + "/b/big.bin");

        assertFalse(Files.exists(local));
        assertEquals(List.of("a/moved.bin", "b/big.bin"), keys(""));
        store.lock().lock();
        try {
            assertArrayEquals(big, store.port("dc1").get(bucket, "b/big.bin").bytes());
        } finally {
            store.lock().unlock();
        }
        assertEquals(2048, head("a/moved.bin").size());
        assertTrue(logged("complete upload " + bucket + "/b/big.bin"), "the copy went in parts (UploadPartCopy)");
        assertTrue(logged("delete " + bucket + "/a/big.bin"));
        assertNoneUnhandled();
    }

    @Test
    void ls_lists_the_buckets_a_directory_level_and_every_key_recursively() throws IOException {
        aws.ok("s3", "cp", file("l1", 11, 6).toString(), "s3://" + bucket + "/dir/one");
        aws.ok("s3", "cp", file("l2", 22, 7).toString(), "s3://" + bucket + "/top");

        String buckets = aws.ok("s3", "ls");
        String level = aws.ok("s3", "ls", "s3://" + bucket + "/");
        String all = aws.ok("s3", "ls", "--recursive", "s3://" + bucket);

        assertTrue(buckets.lines().anyMatch(l -> l.endsWith(" " + bucket)), buckets);
        assertTrue(level.lines().anyMatch(l -> l.strip().equals("PRE dir/")), level);
        assertTrue(level.lines().anyMatch(l -> l.matches(".*\\s22 top")), level);
        assertEquals(2, all.lines().count(), all);
        assertTrue(all.lines().anyMatch(l -> l.matches(".*\\s11 dir/one")), all);
        assertNoneUnhandled();
    }

    @Test
    void list_objects_v2_with_max_items_2_returns_two_keys_and_a_token_that_resumes_after_them() throws IOException {
        store.lock().lock();
        try {
            for (String key : List.of("k1", "k2", "k3", "k4", "k5")) {
                store.port("dc1").put(bucket, key, key.getBytes());
            }
        } finally {
            store.lock().unlock();
        }

        JsonNode first = json(aws.ok("s3api", "list-objects-v2", "--bucket", bucket, "--max-items", "2",
                "--output", "json"));
        String token = first.path("NextToken").asText();
        JsonNode second = json(aws.ok("s3api", "list-objects-v2", "--bucket", bucket, "--max-items", "2",
                "--starting-token", token, "--output", "json"));
        JsonNode last = json(aws.ok("s3api", "list-objects-v2", "--bucket", bucket, "--max-items", "2",
                "--starting-token", second.path("NextToken").asText(), "--output", "json"));

        assertEquals(List.of("k1", "k2"), jsonKeys(first));
        assertFalse(token.isEmpty(), first::toString);
        assertEquals(List.of("k3", "k4"), jsonKeys(second));
        assertEquals(List.of("k5"), jsonKeys(last));
        assertTrue(last.path("NextToken").isMissingNode(), last::toString);
        assertNoneUnhandled();
    }

    @Test
    void get_bucket_location_answers_a_null_location_constraint_for_us_east_1() {
        String out = aws.ok("s3api", "get-bucket-location", "--bucket", bucket, "--output", "json");

        assertTrue(out.replaceAll("\\s", "").equals("{\"LocationConstraint\":null}"), out);
        assertNoneUnhandled();
    }

    @Test
    void a_wrong_secret_key_exits_non_zero_with_403_signature_does_not_match_and_changes_nothing() throws IOException {
        AwsCli.Run run = aws.withSecret("not-the-secret").run("s3", "cp", file("w", 10, 8).toString(),
                "s3://" + bucket + "/w");

        assertNotEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("SignatureDoesNotMatch"), run::toString);
        assertTrue(server.received().stream().anyMatch(r -> r.method().equals("PUT")
                && r.path().equals("/" + bucket + "/w") && r.status() == 403), () -> server.received().toString());
        assertEquals(List.of(), keys(""));
    }

    @Test
    void a_single_put_over_the_servers_64_mib_limit_fails_at_once_with_413_entity_too_large_naming_the_limit()
            throws IOException {
        Path large = file("large.bin", 65 * MIB, 11);
        long readBefore = server.bodyBytesRead();

        AwsCli.Run run = aws.run("s3api", "put-object", "--bucket", bucket, "--key", "large.bin", "--body",
                large.toString());

        Files.delete(large);
        assertNotEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("EntityTooLarge") && run.stderr().contains("at most 67108864 bytes"),
                run::toString);
        assertEquals(readBefore, server.bodyBytesRead(), "the refused body was never read");
        assertEquals(List.of(), keys(""));
    }

    @Test
    void during_a_bucket_outage_a_cp_in_parts_fails_with_503_service_unavailable_and_stores_nothing()
            throws IOException {
        Path large = file("outage.bin", 20 * MIB, 9);
        locked(() -> store.bucketOutage(bucket));

        AwsCli.Run run = aws.run("s3", "cp", large.toString(), "s3://" + bucket + "/outage.bin");

        locked(() -> store.restoreBucket(bucket));
        assertNotEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stderr().contains("ServiceUnavailable"), run::toString);
        assertTrue(logged("unavailable CreateMultipartUpload " + bucket + "/outage.bin"));
        assertEquals(List.of(), keys(""));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void locked(Runnable change) {
        store.lock().lock();
        try {
            change.run();
        } finally {
            store.lock().unlock();
        }
    }

    private static Path file(String name, int size, long seed) throws IOException {
        return file(home.resolve(name), size, seed);
    }

    private static Path file(Path path, int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Files.createDirectories(path.getParent());
        Files.write(path, data);
        Files.setLastModifiedTime(path, LOCAL_MTIME);
        return path;
    }

    private static boolean logged(String prefix) {
        synchronized (STORE_LOG) {
            return STORE_LOG.stream().anyMatch(m -> m.startsWith(prefix));
        }
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("aws printed no JSON: " + text, e);
        }
    }

    private static List<String> jsonKeys(JsonNode listing) {
        List<String> out = new ArrayList<>();
        listing.path("Contents").forEach(c -> out.add(c.path("Key").asText()));
        return out;
    }

    private ObjectInfo head(String key) {
        store.lock().lock();
        try {
            return store.port("dc1").head(bucket, key);
        } finally {
            store.lock().unlock();
        }
    }

    private List<String> keys(String prefix) {
        store.lock().lock();
        try {
            return store.port("dc1").list(ListRequest.of(bucket).withPrefix(prefix)).objects().stream()
                    .map(ObjectInfo::key).toList();
        } finally {
            store.lock().unlock();
        }
    }

    /** No request of the CLI's got 501: every operation it used is served. */
    private static void assertNoneUnhandled() {
        List<S3Server.Received> unhandled = server.received().stream().filter(r -> r.status() == 501).toList();
        assertEquals(List.of(), unhandled);
    }
}
