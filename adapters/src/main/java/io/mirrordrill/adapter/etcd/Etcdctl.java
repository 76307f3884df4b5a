package io.mirrordrill.adapter.etcd;

import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.EtcdException.Reason;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the etcdctl binary directly (no shell), with {@code ETCDCTL_API=3}, no inherited {@code ETCDCTL_*} settings,
 * the credentials in {@code ETCDCTL_USER}, and a time limit after which the process and its children are killed.
 * Output goes to temporary files, so a chatty etcdctl cannot block on a full pipe; the password is blanked out of it.
 */
final class Etcdctl {
    /** What one run printed. */
    record Result(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final EtcdctlConfig config;

    Etcdctl(EtcdctlConfig config) {
        this.config = config;
    }

    EtcdctlConfig config() {
        return config;
    }

    /** {@code --endpoints} and the TLS flags, for the subcommands that talk to a member. */
    List<String> connectionFlags() {
        List<String> flags = new ArrayList<>();
        flags.add("--endpoints=" + String.join(",", config.endpoints()));
        flags.add("--dial-timeout=" + config.dialTimeout().toMillis() + "ms");
        flags.add("--command-timeout=" + config.commandTimeout().toMillis() + "ms");
        config.cacert().ifPresent(p -> flags.add("--cacert=" + p));
        config.cert().ifPresent(p -> flags.add("--cert=" + p));
        config.key().ifPresent(p -> flags.add("--key=" + p));
        return flags;
    }

    Result run(String operation, List<String> args) {
        List<String> command = new ArrayList<>(List.of(config.executable()));
        command.addAll(args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("etcdctl-", ".out");
            err = Files.createTempFile("etcdctl-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            environment(builder.environment());
            int exit = await(operation, start(builder));
            return new Result(exit, redact(Files.readString(out, StandardCharsets.UTF_8)),
                    redact(Files.readString(err, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new EtcdException(Reason.IO, "etcdctl " + operation + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private void environment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("ETCDCTL_"));
        env.put("ETCDCTL_API", "3");
        config.user().ifPresent(u -> env.put("ETCDCTL_USER", u + config.password().map(p -> ":" + p).orElse("")));
    }

    private Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new EtcdException(Reason.TOOL_MISSING, "cannot run " + config.executable() + ": " + e.getMessage()
                    + " (install etcdctl, e.g. Debian's etcd-client package)", e);
        }
    }

    private int await(String operation, Process process) {
        try {
            if (process.waitFor(config.processTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            kill(process);
            throw new EtcdException(Reason.TIMEOUT, "etcdctl " + operation + " did not finish within "
                    + config.processTimeout().toSeconds() + "s and was stopped");
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new EtcdException(Reason.FAILED, "etcdctl " + operation + " interrupted", e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String redact(String text) {
        return config.password().filter(p -> !p.isEmpty()).map(p -> text.replace(p, "***")).orElse(text);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the file holds etcdctl's own output, which never carries the password it was given
        }
    }
}
