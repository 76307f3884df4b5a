package io.mirrordrill.emulator.k8s.server;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real kubectl (package {@code kubectl}) against a server, with a kubeconfig and a discovery/OpenAPI cache of its
 * own in {@code dir}. Missing kubectl fails the test naming the package to install.
 */
final class Kubectl {
    /** What a finished kubectl said. */
    record Result(int exit, String out, String err) {
        /** The lines of stdout. */
        List<String> lines() {
            return out.lines().toList();
        }

        /** This result, failing the test unless kubectl exited 0. */
        Result ok() {
            if (exit != 0) {
                fail("kubectl exited " + exit + ": " + err + out);
            }
            return this;
        }
    }

    private final Path kubeconfig;
    private final Path cache;

    Kubectl(java.net.URI server, Path dir) {
        this(dir, server.toString());
    }

    Kubectl(Path dir, String server) {
        this.kubeconfig = dir.resolve("kubeconfig");
        this.cache = dir.resolve("cache");
        try {
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: emulated
                      cluster: {server: "%s"}
                    users:
                    - name: nobody
                      user: {}
                    contexts:
                    - name: emulated
                      context: {cluster: emulated, user: nobody, namespace: default}
                    current-context: emulated
                    """.formatted(server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs kubectl to the end (at most a minute). */
    Result run(String... args) {
        try {
            Process p = launch(args);
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("kubectl " + String.join(" ", args) + " did not finish within a minute");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a long-running kubectl ({@code get -w}); its stdout lines arrive in {@code lines}. */
    Process stream(BlockingQueue<String> lines, String... args) {
        try {
            Process p = launch(args);
            p.getOutputStream().close();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "kubectl-stdout");
            reader.setDaemon(true);
            reader.start();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BlockingQueue<String> queue() {
        return new LinkedBlockingQueue<>();
    }

    /** Starts kubectl; the caller waits for it (while letting simulated time pass) and reads {@link #result}. */
    Process start(String... args) {
        try {
            return launch(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a started kubectl printed and how it ended, once it ends. */
    static Result result(Process p) {
        try {
            return new Result(p.waitFor(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file of the test's directory holding {@code text}, for {@code -f}. */
    static String file(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary());
        command.add("--kubeconfig=" + kubeconfig);
        command.add("--cache-dir=" + cache);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("KUBECONFIG");
        pb.environment().put("HOME", kubeconfig.getParent().toString());
        return pb.start();
    }

    /** kubectl on PATH, or the test fails naming the package. */
    static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("kubectl is not on PATH: install the package kubectl (1.32) to run this test");
    }
}
