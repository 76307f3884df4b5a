package io.mirrordrill.adapter.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Server;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.objectstore.ListRequest;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.objectstore.S3Errors;
import io.mirrordrill.sim.World;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The emulator's S3 server checks SigV4 like S3 and accepts what the AWS SDK 2.56 sends, unchanged. */
class S3ServerSigningIT {
    private World world;
    private S3Store store;
    private S3Server server;

    @BeforeEach
    void start() {
        world = new World(5);
        world.network().site("dc1");
        store = new S3Store(world, "vault", "dc1");
        server = S3Server.start(store, List.of(S3Credentials.of("good-key", "good-secret"),
                new S3Credentials("temp-key", "temp-secret", "temp-token")));
        store.port("dc1").createBucket("bkt");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_sdk_default_put_arrives_as_signed_aws_chunked_with_a_checksum_trailer_and_is_stored_intact() {
        byte[] data = randomBytes(300_000); // several 128 KiB chunks, so the chunk signatures must chain
        try (S3Client s3 = client("good-key", "good-secret", b -> { })) {
            s3.putObject(r -> r.bucket("bkt").key("k"), RequestBody.fromBytes(data));
        }

        S3Server.Received put = lastPut();
        assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", put.payloadMode());
        assertEquals("aws-chunked", put.contentEncoding());
        assertEquals(200, put.status());
        assertArrayEquals(data, store.port("dc1").get("bkt", "k").bytes());
    }

    @Test
    void a_signed_content_type_whose_case_a_header_cache_would_change_is_checked_as_sent() {
        // the SDK signs "text/plain; charset=UTF-8"; Jetty's default header cache would hand back another case
        try (S3Client s3 = client("good-key", "good-secret", b -> { })) {
            s3.putObject(r -> r.bucket("bkt").key("text"), RequestBody.fromString("héllo"));
            s3.putObject(r -> r.bucket("bkt").key("lower").contentType("text/plain; charset=utf-8"),
                    RequestBody.fromString("x"));
        }

        assertEquals("héllo", new String(store.port("dc1").get("bkt", "text").bytes(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {'x'}, store.port("dc1").get("bkt", "lower").bytes());
    }

    @Test
    void a_put_without_flexible_checksums_arrives_as_signed_aws_chunked_without_trailer_and_is_accepted() {
        byte[] data = randomBytes(200_000);
        try (S3Client s3 = client("good-key", "good-secret",
                b -> b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED))) {
            s3.putObject(r -> r.bucket("bkt").key("k"), RequestBody.fromBytes(data));
        }

        assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", lastPut().payloadMode());
        assertArrayEquals(data, store.port("dc1").get("bkt", "k").bytes());
    }

    @Test
    void a_put_with_chunked_encoding_off_is_signed_with_the_payload_sha256_and_accepted() {
        byte[] data = randomBytes(1000);
        try (S3Client s3 = client("good-key", "good-secret", b -> b
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .serviceConfiguration(c -> c.chunkedEncodingEnabled(false)))) {
            s3.putObject(r -> r.bucket("bkt").key("k"), RequestBody.fromBytes(data));
        }

        assertTrue(lastPut().payloadMode().matches("[0-9a-f]{64}"), lastPut().toString());
        assertArrayEquals(data, store.port("dc1").get("bkt", "k").bytes());
    }

    @Test
    void a_request_signed_with_the_wrong_secret_is_refused_with_signature_does_not_match_and_changes_nothing() {
        try (S3Client s3 = client("good-key", "wrong-secret", b -> { })) {
            S3Exception e = assertThrows(S3Exception.class,
                    () -> s3.putObject(r -> r.bucket("bkt").key("k"), RequestBody.fromString("v")));

            assertEquals(403, e.statusCode());
            assertEquals(S3Errors.SIGNATURE_DOES_NOT_MATCH, e.awsErrorDetails().errorCode());
        }
        assertEquals(0, store.port("dc1").list(
                ListRequest.of("bkt")).keyCount());
    }

    @Test
    void an_unknown_access_key_is_refused_with_invalid_access_key_id() {
        try (S3ObjectStore adapter = adapter("no-such-key", "good-secret", null)) {
            ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> adapter.get("bkt", "k"));

            assertEquals(S3Errors.INVALID_ACCESS_KEY_ID, e.code());
            assertEquals(403, e.httpStatus());
        }
    }

    @Test
    void temporary_credentials_need_their_session_token() {
        try (S3ObjectStore withToken = adapter("temp-key", "temp-secret", "temp-token");
             S3ObjectStore withoutToken = adapter("temp-key", "temp-secret", null)) {
            withToken.put("bkt", "k", new byte[] {1});

            ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> withoutToken.get("bkt", "k"));

            assertEquals(400, e.httpStatus());
            assertEquals(S3Errors.INVALID_TOKEN, e.code());
            assertArrayEquals(new byte[] {1}, withToken.get("bkt", "k").bytes());
        }
    }

    @Test
    void the_secret_appears_in_no_configuration_text_nor_error_message() {
        S3Config config = S3Config.builder().endpoint(server.endpoint().toString()).secure(false)
                .credentials("good-key", "wrong-secret-XYZ", "token-XYZ").proxyUrl("http://user:pw-XYZ@127.0.0.1:1")
                .build();
        assertFalse(config.toString().contains("XYZ"), config.toString());
        try (S3ObjectStore adapter = adapter("good-key", "wrong-secret-XYZ", null)) {
            ObjectStoreException e = assertThrows(ObjectStoreException.class, () -> adapter.get("bkt", "k"));
            assertEquals(S3Errors.SIGNATURE_DOES_NOT_MATCH, e.code());
            assertFalse(e.toString().contains("XYZ"), e.toString());
            assertFalse(adapter.toString().contains("XYZ"), adapter.toString());
        }
    }

    private S3Server.Received lastPut() {
        return server.received().stream().filter(r -> r.method().equals("PUT") && r.path().equals("/bkt/k"))
                .reduce((a, b) -> b).orElseThrow();
    }

    private S3ObjectStore adapter(String accessKey, String secret, String token) {
        return new S3ObjectStore(S3Config.builder().endpoint(server.endpoint().toString()).secure(false)
                .credentials(accessKey, secret, token).maxAttempts(1).build());
    }

    private S3Client client(String accessKey, String secret, Consumer<S3ClientBuilder> customise) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)));
        customise.accept(builder);
        return builder.build();
    }

    private static byte[] randomBytes(int n) {
        byte[] data = new byte[n];
        new Random(n).nextBytes(data);
        return data;
    }
}
