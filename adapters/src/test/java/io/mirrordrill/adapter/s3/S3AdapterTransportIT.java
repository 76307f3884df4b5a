package io.mirrordrill.adapter.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.emulator.s3.S3Server;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.sim.World;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AppVault's transport fields: {@code secure}, {@code rootCA}, {@code skipCertValidation} against an HTTPS
 * server with a self-signed certificate made by the JDK's keytool, and {@code proxyURL}.
 */
class S3AdapterTransportIT {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static S3Store store;
    private static S3Server server;
    private static String certificatePem;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("s3.p12");
        keytool("-genkeypair", "-alias", "s3", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        certificatePem = keytool("-exportcert", "-rfc", "-alias", "s3", "-keystore", keystore.toString(),
                "-storepass", "changeit");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        World world = new World(13);
        world.network().site("dc1");
        store = new S3Store(world, "vault", "dc1");
        store.port("dc1").createBucket("bkt");
        server = S3Server.startTls(store, List.of(S3Credentials.of("ak", "sk")), tls);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void with_the_servers_certificate_as_root_ca_a_secure_endpoint_given_as_host_and_port_works() {
        String hostPort = server.endpoint().getAuthority();
        try (S3ObjectStore s3 = adapter(S3Config.builder().endpoint(hostPort).secure(true).rootCA(certificatePem))) {
            s3.put("bkt", "tls", "over tls".getBytes(StandardCharsets.UTF_8));

            assertArrayEquals("over tls".getBytes(StandardCharsets.UTF_8), s3.get("bkt", "tls").bytes());
        }
        S3Server.Received put = server.received().stream().filter(r -> r.method().equals("PUT")).reduce((a, b) -> b)
                .orElseThrow();
        // over TLS the SDK does not sign the chunks, only frames them and trails a checksum
        assertEquals("STREAMING-UNSIGNED-PAYLOAD-TRAILER", put.payloadMode());
    }

    @Test
    void by_default_an_untrusted_certificate_makes_the_endpoint_unreachable() {
        try (S3ObjectStore s3 = adapter(S3Config.builder().endpoint(server.endpoint().toString()).secure(true))) {
            UnreachableException e = assertThrows(UnreachableException.class, () -> s3.head("bkt", "tls"));

            assertTrue(e.getMessage().contains("TLS"), e.getMessage());
        }
    }

    @Test
    void skip_cert_validation_accepts_an_untrusted_certificate() {
        try (S3ObjectStore s3 = adapter(S3Config.builder().endpoint(server.endpoint().toString()).secure(true)
                .skipCertValidation(true))) {
            assertTrue(s3.bucketExists("bkt"));
        }
    }

    @Test
    void with_a_proxy_url_requests_travel_through_the_proxy() throws Exception {
        // Nothing listens at 127.0.0.2:9: the call succeeds only if it went through the proxy.
        try (OneShotProxy proxy = new OneShotProxy(server.httpEndpoint().getPort());
             S3ObjectStore s3 = adapter(S3Config.builder().endpoint("127.0.0.2:9").secure(false)
                     .proxyUrl("http://127.0.0.1:" + proxy.port()))) {
            assertTrue(s3.bucketExists("bkt"));
            assertEquals("HEAD http://127.0.0.2:9/bkt HTTP/1.1", proxy.requestLine());
        }
        try (S3ObjectStore direct = adapter(S3Config.builder().endpoint("127.0.0.2:9").secure(false))) {
            assertThrows(UnreachableException.class, () -> direct.bucketExists("bkt"));
        }
    }

    private static S3ObjectStore adapter(S3Config.Builder builder) {
        return new S3ObjectStore(builder.credentials("ak", "sk", null).maxAttempts(1).build());
    }

    private static String keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
