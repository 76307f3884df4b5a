package io.mirrordrill.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real {@code kubectl} binary, run as a person runs it: a kubeconfig, a context, a working directory with the
 * runbook's files. A test that needs it fails naming the package to install when it is missing (never skips).
 */
final class KubectlCli {
    private final String binary;
    private final Path kubeconfig;
    private final Path workDir;

    /** What one command did. */
    record Result(List<String> args, int exit, String out, String err) {
        String describe() {
            return String.join(" ", args) + " -> exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    KubectlCli(Path kubeconfig, Path workDir) {
        this.binary = locate();
        this.kubeconfig = kubeconfig;
        this.workDir = workDir;
    }

    /** {@code kubectl} on the PATH, or a failure that says which package brings it. */
    static String locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        fail("kubectl is not installed: install the package `kubectl` (apt-get install kubectl; .ci/run does this)");
        return null;
    }

    Path workDir() {
        return workDir;
    }

    /** Runs {@code kubectl ARGS} and returns what it did, whatever its exit code. */
    Result run(String... args) {
        return run(30, args);
    }

    Result run(int timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(List.of(args));
        return start(timeoutSeconds, command, List.of(args));
    }

    /**
     * A runbook's line as a person types it into a shell ({@code kubectl ...} with its quotes and pipes), run by
     * {@code /bin/sh -c} in the working directory with this kubeconfig.
     */
    Result sh(String commandLine) {
        return start(60, List.of("/bin/sh", "-c", commandLine), List.of(commandLine));
    }

    /** {@link #sh}, asserting exit 0; returns standard output. */
    String shOk(String commandLine) {
        Result r = sh(commandLine);
        assertEquals(0, r.exit(), r.describe());
        return r.out();
    }

    private Result start(int timeoutSeconds, List<String> command, List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("PATH", Path.of(binary).getParent() + File.pathSeparator
                + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", workDir.toString()); // kubectl's discovery cache stays in the test's folder
        try {
            // files, not pipes: nothing blocks however much kubectl prints on either stream
            Path out = Files.createTempFile(workDir, "kubectl", ".out");
            Path err = Files.createTempFile(workDir, "kubectl", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            p.getOutputStream().close();
            boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor();
            }
            Result r = new Result(args, finished ? p.exitValue() : -1, Files.readString(out),
                    Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            if (!finished) {
                fail("did not finish in " + timeoutSeconds + " s: kubectl " + r.describe());
            }
            return r;
        } catch (IOException e) {
            throw new AssertionError("could not start kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs {@code kubectl ARGS}, asserting exit 0, and returns its standard output. */
    String ok(String... args) {
        Result r = run(args);
        assertEquals(0, r.exit(), r.describe());
        return r.out();
    }
}
