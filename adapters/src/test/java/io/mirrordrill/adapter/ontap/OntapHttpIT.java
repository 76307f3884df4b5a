package io.mirrordrill.adapter.ontap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.emulator.ontap.rest.OntapRestServer;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.ontap.OntapErrors;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.SvmSubtype;
import io.mirrordrill.sim.World;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers a real ONTAP or a proxy in front of it may give, served by the JDK's HTTP server or by the emulator's ONTAP
 * REST server.
 */
class OntapHttpIT {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private OntapRestPort answering(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return new OntapRestPort(OntapRestConfig.builder().baseUrl("http://127.0.0.1:"
                + server.getAddress().getPort()).credentials("admin", "Pass-Word-1").build());
    }

    @Test
    void an_ontap_error_body_keeps_its_status_code_message_and_target() throws IOException {
        OntapRestPort port = answering(409, "application/hal+json",
                "{\"error\":{\"message\":\"Duplicate SVM name\",\"code\":\"1\",\"target\":\"name\"}}");

        OntapException e = assertThrows(OntapException.class, () -> port.createSvm("s", SvmSubtype.DEFAULT));

        assertEquals(409, e.httpStatus());
        assertEquals(OntapErrors.EXISTS, e.code());
        assertEquals("Duplicate SVM name", e.getMessage());
        assertEquals("name", e.target());
    }

    @Test
    void an_unexpected_argument_or_invalid_value_from_the_emulator_s_server_surfaces_with_its_code_and_target() {
        World world = new World(3);
        world.network().site("east");
        OntapEmulator ontap = new OntapEmulator(world);
        ontap.addCluster("c1", "east");
        try (OntapRestServer served = OntapRestServer.builder(ontap, "c1", "admin", "Pass-Word-1").start()) {
            OntapHttp http = new OntapHttp(OntapRestConfig.builder().baseUrl(served.endpoint().toString())
                    .credentials("admin", "Pass-Word-1").build());

            OntapException unexpected = assertThrows(OntapException.class, () -> http.send("POST", "/api/svm/svms",
                    OntapBodies.object().put("name", "svm1").put("colour", "blue")));
            OntapException invalid = assertThrows(OntapException.class, () -> http.records("/api/svm/svms",
                    Query.fields("name,colour")));

            assertEquals(List.of(400, "262179", "colour", "Unexpected argument \"colour\"."), List.of(
                    unexpected.httpStatus(), unexpected.code(), unexpected.target(), unexpected.getMessage()));
            assertEquals(List.of(400, "262197", "fields"), List.of(invalid.httpStatus(), invalid.code(),
                    invalid.target()));
        }
    }

    @Test
    void an_error_page_without_an_ontap_body_still_fails_with_the_status_and_a_generic_code() throws IOException {
        OntapRestPort port = answering(503, "text/html", "<html>maintenance</html>");

        OntapException e = assertThrows(OntapException.class, port::svms);

        assertEquals(503, e.httpStatus());
        assertEquals(OntapErrors.INVALID, e.code());
        assertTrue(e.getMessage().contains("503"), e.getMessage());
    }

    @Test
    void an_accepted_mutation_without_a_job_is_an_error_rather_than_a_silent_success() throws IOException {
        OntapRestPort port = answering(202, "application/hal+json", "{}");

        OntapException e = assertThrows(OntapException.class, () -> port.createSvm("s", SvmSubtype.DEFAULT));

        assertTrue(e.getMessage().contains("without a job"), e.getMessage());
    }

    @Test
    void a_server_that_never_answers_is_unreachable_after_the_request_timeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket accepted = silent.accept()) {
                    accepted.getInputStream().readNBytes(1); // the request arrives; no answer ever leaves
                    Thread.sleep(5_000);
                } catch (IOException | InterruptedException done) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            OntapRestPort port = new OntapRestPort(OntapRestConfig.builder()
                    .baseUrl("http://127.0.0.1:" + silent.getLocalPort()).credentials("admin", "Pass-Word-1")
                    .requestTimeout(Duration.ofMillis(300)).build());

            UnreachableException e = assertThrows(UnreachableException.class, port::svms);

            assertTrue(e.getMessage().contains("no answer within PT0.3S"), e.getMessage());
            acceptor.interrupt();
        }
    }
}
