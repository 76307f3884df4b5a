package io.mirrordrill.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop HTTP/1.1 load on a loopback server for the throughput benchmarks. Each client thread holds one
 * keep-alive connection and sends prepared requests in turn (thread i starts at request i, so the mix is spread),
 * reading every answer whole. The client is a minimal socket loop that only writes prepared bytes and skips
 * answers, so that the figure is the server's, not an HTTP library's.
 */
final class LoopbackLoad {
    /** The bytes of one request; a HEAD answer carries a Content-Length but no body. */
    record Request(byte[] bytes, boolean head) {}

    record Result(double perSecond, double cpuMicrosPerRequest) {}

    private LoopbackLoad() {}

    static Result run(int port, List<Request> requests, int threads, int seconds) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < threads; i++) {
            int first = i;
            clients.add(new Thread(() -> {
                try {
                    client(port, requests, first, stop, done);
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            }, "bench-client-" + i));
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

    /** Prints requests/s against the target, and the CPU per request, which a busy machine distorts less. */
    static void print(String what, Result r, int threads, int seconds, int target) {
        System.out.printf(Locale.ROOT, "%s: %,.0f requests/s with %d keep-alive connections over %d s (target %,d/s:"
                + " %.2fx)%n", what, r.perSecond(), threads, seconds, target, r.perSecond() / target);
        System.out.printf(Locale.ROOT, "  CPU of this process (server and clients): %.0f us per request, %,.0f"
                + " requests per CPU-second; %d cores, system load %.1f (a busy machine lowers requests/s)%n",
                r.cpuMicrosPerRequest(), 1e6 / r.cpuMicrosPerRequest(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void client(int port, List<Request> requests, int first, AtomicBoolean stop, LongAdder done)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            for (long n = first; !stop.get(); n++) {
                Request r = requests.get((int) (n % requests.size()));
                out.write(r.bytes());
                out.flush();
                readAnswer(in, r.head());
                done.increment();
            }
        }
    }

    /** Reads one answer: the status line and headers, then Content-Length bytes; anything but 200 is a failure. */
    private static void readAnswer(InputStream in, boolean head) throws IOException {
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
        if (!head) {
            in.readNBytes(contentLength);
        }
    }
}
