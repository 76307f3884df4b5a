package io.mirrordrill.bench;

import io.mirrordrill.emulator.ontap.OntapEmulator;
import io.mirrordrill.emulator.ontap.rest.OntapRestServer;
import io.mirrordrill.engine.port.ontap.SvmSubtype;
import io.mirrordrill.sim.World;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Small GET requests per second against the ONTAP REST server on loopback (DESIGN target: at least 5,000/s).
 * Each client thread holds one keep-alive HTTP/1.1 connection and sends authenticated
 * {@code GET /api/cluster?fields=version} and {@code GET /api/svm/svms?name=svm1} in turn, reading every answer
 * whole; the client is a minimal socket loop so that the figure is the server's, not an HTTP library's.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.mirrordrill.bench.OntapRestThroughput [threads]
 * [seconds]} (defaults: 4 threads, 10 s measured after 10 s of warm-up). It also prints the process's CPU time per
 * request (server, clients and their system calls), which a busy machine does not distort as it does requests/s.
 */
public final class OntapRestThroughput {
    private static final int TARGET = 5_000;
    /** Until the JIT has compiled Jetty's, Javalin's and the server's paths, a request costs about three times more. */
    private static final int WARM_UP_SECONDS = 10;

    private OntapRestThroughput() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        OntapEmulator ontap = new OntapEmulator(new World(1));
        ontap.addCluster("c1", "site1");
        ontap.addSvm("c1", "svm1", SvmSubtype.DEFAULT);
        ontap.addSvm("c1", "svm2", SvmSubtype.DEFAULT);
        try (OntapRestServer server = OntapRestServer.builder(ontap, "c1", "admin", "bench-Passw0rd").start()) {
            String auth = "Basic " + Base64.getEncoder().encodeToString("admin:bench-Passw0rd"
                    .getBytes(StandardCharsets.UTF_8));
            run(server.port(), auth, threads, WARM_UP_SECONDS);
            Result r = run(server.port(), auth, threads, seconds);
            System.out.printf(Locale.ROOT, "ONTAP REST server, small GETs on loopback: %,.0f requests/s with %d"
                    + " keep-alive connections over %d s (target %,d/s: %.2fx)%n", r.perSecond(), threads, seconds,
                    TARGET, r.perSecond() / TARGET);
            System.out.printf(Locale.ROOT, "  CPU of this process (server and clients): %.0f us per request, %,.0f"
                    + " requests per CPU-second; %d cores, system load %.1f (a busy machine lowers requests/s)%n",
                    r.cpuMicrosPerRequest(), 1e6 / r.cpuMicrosPerRequest(), Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private record Result(double perSecond, double cpuMicrosPerRequest) {}

    private static Result run(int port, String auth, int threads, int seconds) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    client(port, auth, stop, done);
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            }, "bench-client-" + i);
            clients.add(t);
        }
        long start = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        clients.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long elapsed = System.nanoTime() - start;
        for (Thread t : clients) {
            t.join();
        }
        long cpu = os.getProcessCpuTime() - cpuStart;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client failed", failures.get(0));
        }
        return new Result(done.sum() / (elapsed / 1e9), cpu / 1e3 / done.sum());
    }

    private static void client(int port, String auth, AtomicBoolean stop, LongAdder done) throws IOException {
        byte[][] requests = {request("/api/cluster?fields=version", auth), request("/api/svm/svms?name=svm1", auth)};
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            for (long n = 0; !stop.get(); n++) {
                out.write(requests[(int) (n & 1)]);
                out.flush();
                readAnswer(in);
                done.increment();
            }
        }
    }

    private static byte[] request(String pathAndQuery, String auth) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + auth
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one answer: the status line and headers, then Content-Length bytes; anything but 200 is a failure. */
    private static void readAnswer(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int contentLength = -1;
        boolean first = true;
        while (true) {
            line.setLength(0);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            if (line.length() == 0) {
                break;
            }
            String header = line.toString();
            if (first && !header.startsWith("HTTP/1.1 200")) {
                throw new IOException("unexpected answer: " + header);
            }
            first = false;
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                contentLength = Integer.parseInt(header.substring(15).trim());
            }
        }
        if (contentLength < 0) {
            throw new IOException("answer without Content-Length");
        }
        in.readNBytes(contentLength);
    }
}
