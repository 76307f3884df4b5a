package io.mirrordrill.emulator.k8s.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** The real kubectl against a served cluster, with a kubeconfig of its own; fails naming the package when absent. */
final class Kubectl {
    /** What one run printed and how it ended. */
    record Result(int exit, String out, String err) {
        Result ok() {
            if (exit != 0) {
                fail("kubectl exited " + exit + ": " + err + out);
            }
            return this;
        }
    }

    private final Path kubeconfig;

    Kubectl(URI server, Path dir) {
        if (!onPath()) {
            fail("kubectl is not on the PATH: install the package `kubectl` (Debian/Google Cloud) to run this test");
        }
        this.kubeconfig = dir.resolve("kubeconfig");
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

    /** Runs kubectl to its end (at most a minute). */
    Result run(String... args) {
        Process p = start(args);
        try {
            if (!p.waitFor(1, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("kubectl " + String.join(" ", args) + " did not end within a minute");
            }
            return result(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts kubectl; the caller waits for it (while letting simulated time pass). */
    Process start(String... args) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    private static boolean onPath() {
        String path = System.getenv("PATH");
        for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "kubectl"))) {
                return true;
            }
        }
        return false;
    }
}
