package io.mirrordrill.adapter.ontap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.emulator.ontap.rest.OntapRestServer;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.SvmRecord;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.World;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the adapter reaches a cluster: HTTPS with a self-signed certificate made by the JDK's keytool (verified by
 * default, trusted through {@code rootCA}, or not checked with {@code skipCertValidation}), credentials, collections
 * spread over pages.
 */
class OntapRestTransportIT {
    private static final String PASSWORD = "Tls-Server-Pass1";
    private static OntapRestServer https;
    private static OntapRestServer paged;
    private static String certificatePem;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("ontap.p12");
        keytool("-genkeypair", "-alias", "ontap", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        certificatePem = keytool("-exportcert", "-rfc", "-alias", "ontap", "-keystore", keystore.toString(),
                "-storepass", "changeit");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        OntapEmulator ontap = new OntapEmulator(new World(23));
        ontap.addCluster("c1", "east");
        for (int i = 1; i <= 5; i++) {
            ontap.addSvm("c1", "svm" + i, SvmSubtype.DEFAULT);
        }
        https = OntapRestServer.builder(ontap, "c1", "admin", PASSWORD).tls(tls).start();
        paged = OntapRestServer.builder(ontap, "c1", "admin", PASSWORD).pageSize(2).start();
    }

    @AfterAll
    static void stop() {
        https.close();
        paged.close();
    }

    private static OntapRestPort port(String url, OntapRestConfig.Builder builder) {
        return new OntapRestPort(builder.baseUrl(url).credentials("admin", PASSWORD).build());
    }

    @Test
    void with_the_servers_certificate_as_root_ca_an_https_lif_given_as_host_and_port_works() {
        OntapRestPort port = port(https.endpoint().getAuthority(), OntapRestConfig.builder().rootCA(certificatePem));

        assertEquals("c1", port.cluster().name());
        assertTrue(https.endpoint().toString().startsWith("https://"));
    }

    @Test
    void by_default_an_untrusted_certificate_makes_the_cluster_unreachable() {
        OntapRestPort port = port(https.endpoint().toString(), OntapRestConfig.builder());

        UnreachableException e = assertThrows(UnreachableException.class, port::cluster);

        assertTrue(e.getMessage().contains("TLS"), e.getMessage());
    }

    @Test
    void a_trusted_certificate_for_another_host_name_is_still_refused() {
        OntapRestPort port = port("https://localhost:" + https.port(), OntapRestConfig.builder().rootCA(certificatePem));

        assertThrows(UnreachableException.class, port::cluster);
    }

    @Test
    void skip_cert_validation_accepts_an_untrusted_certificate_and_host_name() {
        OntapRestPort port = port("https://localhost:" + https.port(), OntapRestConfig.builder()
                .skipCertValidation(true));

        assertEquals("c1", port.cluster().name());
    }

    @Test
    void wrong_credentials_are_an_ontap_error_401_that_never_shows_a_password() {
        OntapRestPort port = new OntapRestPort(OntapRestConfig.builder().baseUrl(paged.endpoint().toString())
                .credentials("admin", "Wrong-Pass-77").build());

        OntapException e = assertThrows(OntapException.class, port::svms);

        assertEquals(401, e.httpStatus());
        assertEquals(OntapErrors.PERMISSION_DENIED, e.code());
        assertFalse(e.toString().contains("Wrong-Pass-77") || e.toString().contains(PASSWORD), e.toString());
    }

    @Test
    void a_port_where_nothing_listens_is_unreachable_naming_the_endpoint_only() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        OntapRestPort port = port("http://127.0.0.1:" + closed, OntapRestConfig.builder());

        UnreachableException e = assertThrows(UnreachableException.class, port::svms);

        assertEquals("ONTAP http://127.0.0.1:" + closed, e.endpoint());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    @Test
    void a_collection_spread_over_pages_is_read_whole() {
        OntapRestPort port = port(paged.endpoint().toString(), OntapRestConfig.builder());

        List<String> names = new ArrayList<>(port.svms().stream().map(SvmRecord::name).toList());

        assertEquals(List.of("svm1", "svm2", "svm3", "svm4", "svm5"), names);
        assertEquals("svm5", port.svm("svm5").orElseThrow().name());
    }

    private static String keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
