package io.mirrordrill.adapter.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real single-member etcd for tests: {@code etcd} on 127.0.0.1 with ephemeral client and peer ports (the client
 * port is read from etcd's log), a data directory of the test's, and etcdctl for the writes and reads a test makes
 * besides the adapter's.
 */
public final class LocalEtcd implements AutoCloseable {
    /** What .ci/run installs when the binaries are absent. */
    public static final String INSTALL_HINT = "install Debian's etcd-server and etcd-client packages (.ci/run does: "
            + "apt-get update && apt-get install -y etcd-server etcd-client)";
    private static final Pattern CLIENT_PORT =
            Pattern.compile("serving (?:insecure )?client requests on 127\\.0\\.0\\.1:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Set<String> NOTICED = ConcurrentHashMap.newKeySet();

    private final Process process;
    private final Path log;
    private final String endpoint;

    private LocalEtcd(Process process, Path log, String endpoint) {
        this.process = process;
        this.log = log;
        this.endpoint = endpoint;
    }

    /**
     * Skips the calling test, by an assumption each test reports, when etcd or etcdctl is missing; the reason names
     * the binary and how to install it, and is printed once to the build log as well.
     */
    public static void assumeInstalled(String what) {
        Optional<String> missing = missingBinary();
        String reason = missing.map(b -> what + " not run: '" + b + "' is not on PATH; " + INSTALL_HINT).orElse("");
        if (missing.isPresent() && NOTICED.add(what)) {
            System.err.println("[WARNING] " + reason);
        }
        assumeTrue(missing.isEmpty(), reason);
    }

    /** The first of etcd and etcdctl not found on PATH, if any. */
    public static Optional<String> missingBinary() {
        for (String binary : List.of("etcd", "etcdctl")) {
            boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                    .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, binary)));
            if (!found) {
                return Optional.of(binary);
            }
        }
        return Optional.empty();
    }

    /** Starts a member named {@code name} over {@code dataDir}: a new one, or one a restore created. */
    public static LocalEtcd start(String name, Path dataDir, Path logDir) throws IOException {
        Path log = Files.createTempFile(logDir, "etcd-" + name + "-", ".log");
        String any = "http://127.0.0.1:0";
        Process process = new ProcessBuilder("etcd", "--name", name, "--data-dir", dataDir.toString(),
                "--listen-client-urls", any, "--advertise-client-urls", any, "--listen-peer-urls", any,
                "--initial-advertise-peer-urls", any, "--initial-cluster", name + "=" + any)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String[] port = new String[1];
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("etcd exited: " + Files.readString(log));
                }
                Matcher m = CLIENT_PORT.matcher(Files.readString(log));
                port[0] = m.find() ? m.group(1) : null;
                return port[0] != null;
            });
            return new LocalEtcd(process, log, "http://127.0.0.1:" + port[0]);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    public String endpoint() {
        return endpoint;
    }

    /** {@code etcdctl put}; the revision of the write. */
    public long put(String key, String value) {
        return etcdctl("put", key, value, "-w", "json").path("header").path("revision").asLong();
    }

    /** {@code etcdctl get --prefix}: keys and values as text. */
    public Map<String, String> get(String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode kv : etcdctl("get", "--prefix", prefix, "-w", "json").path("kvs")) {
            out.put(decode(kv.path("key").asText()), decode(kv.path("value").asText()));
        }
        return out;
    }

    /** The member's current revision. */
    public long revision() {
        return etcdctl("get", "--prefix", "", "--keys-only", "--limit=1", "-w", "json").path("header")
                .path("revision").asLong();
    }

    /** Runs etcdctl against this member with extra environment (e.g. ETCDCTL_USER); its output as JSON. */
    public JsonNode etcdctl(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("etcdctl", "--endpoints=" + endpoint));
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile(log.getParent(), "etcdctl-", ".err");   // a file: no pipe to fill up
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
            builder.environment().put("ETCDCTL_API", "3");
            builder.environment().putAll(env);
            Process p = builder.start();
            p.getOutputStream().close();
            byte[] stdout = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("etcdctl " + String.join(" ", args) + " failed: "
                        + Files.readString(err));
            }
            String text = new String(stdout, StandardCharsets.UTF_8).strip();
            return text.startsWith("{") ? JSON.readTree(text) : JSON.createObjectNode().put("text", text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run etcdctl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode etcdctl(String... args) {
        return etcdctl(Map.of(), args);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** Stops the member and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LocalEtcd[" + endpoint + ", log " + log + "]";
    }
}
