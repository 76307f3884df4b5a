package io.mirrordrill.emulator.s3;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code aws} command (awscli) against one endpoint, with only the given credentials: a private config file
 * (path-style addressing), no shared credentials file, no instance metadata, no retries that would hide a failure.
 */
final class AwsCli {
    /** What a run printed and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private final URI endpoint;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final Path home;

    AwsCli(URI endpoint, String accessKeyId, String secretAccessKey, Path home) {
        this.endpoint = endpoint;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.home = home;
    }

    /** Fails the calling test, naming the package to install, when {@code aws} is not on the PATH. */
    static void require() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // not installed: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail("this test runs the real AWS CLI: install the Debian package `awscli` (apt-get install awscli) so that "
                + "`aws` is on the PATH");
    }

    AwsCli withSecret(String otherSecret) {
        return new AwsCli(endpoint, accessKeyId, otherSecret, home);
    }

    /** Runs {@code aws --endpoint-url <endpoint> <args>}. */
    Run run(String... args) {
        try {
            Path config = home.resolve("aws-config");
            if (!Files.exists(config)) {
                Files.writeString(config, "[default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n");
            }
            List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString()));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(name -> name.startsWith("AWS_"));
            env.put("AWS_ACCESS_KEY_ID", accessKeyId);
            env.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.put("AWS_CONFIG_FILE", config.toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_MAX_ATTEMPTS", "1");
            env.put("AWS_PAGER", "");
            Path out = Files.createTempFile(home, "aws-out", ".txt");
            Path err = Files.createTempFile(home, "aws-err", ".txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("aws " + String.join(" ", args) + " did not finish within 120 s");
            }
            Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new AssertionError("could not run aws", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running aws", e);
        }
    }

    /** Runs and fails the test with the whole output unless {@code aws} exits 0. */
    String ok(String... args) {
        Run run = run(args);
        if (run.exitCode() != 0) {
            fail("aws " + String.join(" ", args) + " failed: " + run);
        }
        return run.stdout();
    }
}
