package io.mirrordrill.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The controller's probe and metrics port: {@code /healthz} (200 while the process serves), {@code /readyz} (200
 * only while leading with the engine's watches open, else 503) and {@code /metrics} (Prometheus text format 0.0.4).
 * The JDK's HttpServer on one daemon thread: probes and scrapes are a few requests a minute.
 */
final class HealthServer implements AutoCloseable {
    static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    HealthServer(String host, int port, BooleanSupplier ready, Supplier<String> metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext("/healthz", ex -> answer(ex, 200, "text/plain; charset=utf-8", "ok\n"));
        server.createContext("/readyz", ex -> {
            boolean ok = ready.getAsBoolean();
            answer(ex, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n"
                    : "not ready: not leading, or the watches are not open yet\n");
        });
        server.createContext("/metrics", ex -> answer(ex, 200, METRICS_TYPE, metrics.get()));
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "controller-health");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange ex, int code, String type, String body) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            // a context matches by prefix: /healthzzz is not /healthz
            if (!path.equals(ex.getHttpContext().getPath())) {
                code = 404;
                body = "not found\n";
                type = "text/plain; charset=utf-8";
            } else if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                code = 405;
                body = "method not allowed\n";
                type = "text/plain; charset=utf-8";
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(code, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
