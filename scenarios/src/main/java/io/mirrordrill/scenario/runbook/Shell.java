package io.mirrordrill.scenario.runbook;

import io.mirrordrill.scenario.ScenarioException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a runbook's command line or script with {@code bash -e -o pipefail -c}: as a person runs a runbook, the
 * script stops at the first command that fails, a pipeline included. Standard input is empty; standard output and
 * error go to files (no pipe a chatty command could fill up). After {@code timeout} of real time the command and
 * everything it started are killed.
 */
public final class Shell {
    /** The most of each stream a report keeps; what is beyond is cut with a note. */
    static final int MAX_OUTPUT = 64 * 1024;

    /** What a command did; {@code timedOut} when it was killed (exit code -1). */
    public record Outcome(int exitCode, String stdout, String stderr, boolean timedOut) {}

    private final Path scratch;

    /** {@code scratch}: a private directory for the output files. */
    public Shell(Path scratch) {
        this.scratch = scratch;
    }

    public Outcome run(String command, Path dir, Map<String, String> environment, Duration timeout) {
        Path out = scratch.resolve("stdout");
        Path err = scratch.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-e", "-o", "pipefail", "-c", command))
                .directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new ScenarioException("cannot start bash to run a runbook step (" + e.getMessage()
                    + "): install the package bash");
        }
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new ScenarioException("interrupted while a runbook step ran: " + command);
        }
        if (!finished) {
            kill(p);
        }
        return new Outcome(finished ? p.exitValue() : -1, read(out), read(err), !finished);
    }

    /** The command and whatever it started, so nothing outlives its step and reaches the servers later. */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length <= MAX_OUTPUT) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            return new String(bytes, 0, MAX_OUTPUT, StandardCharsets.UTF_8) + "\n[... " + (bytes.length - MAX_OUTPUT)
                    + " more bytes not kept]\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a runbook step's output " + file, e);
        }
    }
}
