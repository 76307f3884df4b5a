package io.mirrordrill.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mirrordrill.sim.World;
import io.mirrordrill.testkit.http.HeadersFirst;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The S3 server judges a request by its headers before it reads a byte of the body. */
class S3ServerBodyLimitIT {
    private static final long SIXTY_MB = 60L * 1000 * 1000;
    private S3Server server;

    @BeforeEach
    void start() {
        World world = new World(2);
        world.network().site("dc1");
        S3Store store = new S3Store(world, "vault", "dc1");
        store.port("dc1").createBucket("bkt");
        server = S3Server.start(store, List.of(S3Credentials.of("ak", "sk")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eight_parallel_unsigned_60_mb_puts_are_refused_403_before_their_bodies_are_sent_and_nothing_is_read()
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HeadersFirst.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "/bkt/big-" + i;
                answers.add(pool.submit(() -> HeadersFirst.send(server.endpoint(), "PUT", key,
                        Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), SIXTY_MB, 4096)));
            }
            for (Future<HeadersFirst.Answer> answer : answers) {
                HeadersFirst.Answer a = answer.get();
                assertEquals(403, a.status(), a.body());
                assertTrue(a.body().contains("<Code>AccessDenied</Code>"), a.body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, server.bodyBytesRead(), "bytes of the refused bodies the server read");
    }

    /**
     * Clients that send their whole 60 MB bodies regardless: the server answers and closes without reading them, so
     * the heap stays flat (sampled during the run; reading the eight bodies would take 480 MB).
     */
    @Test
    void eight_parallel_unsigned_60_mb_puts_sent_in_full_leave_the_heap_flat() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<?> sampler = pool.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    LockSupport.parkNanos(2_000_000);
                }
            });
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "/bkt/full-" + i;
                statuses.add(pool.submit(() -> putWholeBody(key)));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(403, status.get());
            }
            sampler.cancel(true);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, server.bodyBytesRead(), "bytes of the refused bodies the server read");
        long grew = peak.get() - before;
        assertTrue(grew < 100L * 1024 * 1024, "the heap grew by " + grew / (1024 * 1024) + " MiB");
    }

    /** An unsigned PUT that streams its whole 60 MB body (64 KiB at a time) unless the server closes first. */
    private int putWholeBody(String key) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.endpoint().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + key + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\n"
                    + "Content-Length: " + SIXTY_MB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            try {
                for (long sent = 0; sent < SIXTY_MB; sent += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, SIXTY_MB - sent));
                }
                out.flush();
            } catch (IOException closedByTheServer) {
                // the answer came and the connection closed while the body was still being sent: expected
            }
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void a_declared_1_gib_body_is_answered_413_entity_too_large_before_it_is_sent() throws Exception {
        HeadersFirst.Answer a = HeadersFirst.send(server.endpoint(), "PUT", "/bkt/huge",
                Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD", "Expect", "100-continue"), 1L << 30, 0);

        assertEquals(413, a.status(), a.body());
        assertTrue(a.body().contains("<Code>EntityTooLarge</Code>"), a.body());
        assertTrue(a.body().contains("at most 67108864 bytes"), a.body());
        assertEquals(0, server.bodyBytesRead());
    }

    @Test
    void a_short_refused_body_is_drained_so_the_connection_answers_and_stays_usable() throws Exception {
        HeadersFirst.Answer a = HeadersFirst.send(server.endpoint(), "PUT", "/bkt/small",
                Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), 1000, 1000);

        assertEquals(403, a.status(), a.body());
        assertEquals(1000, server.bodyBytesRead(), "the short body was read and dropped");
        assertTrue(!"close".equalsIgnoreCase(a.headers().get("connection")), a.headers().toString());
    }
}
