package io.mirrordrill.scenario.runbook;

import io.mirrordrill.emulator.s3.S3Credentials;
import io.mirrordrill.scenario.secret.Redactor;
import io.mirrordrill.scenario.world.ServedWorld;
import io.mirrordrill.scenario.world.SimWorld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A drill's estate served on 127.0.0.1 for its runbook steps ({@link ServedWorld}: the servers of
 * {@code mirrordrill serve}), and what a command gets to reach it: a private home directory with a kubeconfig per
 * context, an AWS CLI config, the {@code k} shim, and the environment (docs/drills.md, "Runbook steps").
 *
 * <p>The drill's thread holds the world's lock from the start, and lets go of it only while a command runs
 * ({@link #whileUnlocked}): the servers then serve, simulated time stands still (nothing moves it), and no request
 * can touch the world while the drill's own steps run.
 */
public final class RunbookEstate implements AutoCloseable {
    static final String ONTAP_USER = "admin";
    private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
    /** kubectl's (klog's) line header: severity, the real date and time, the process id: {@code E1207 01:42:20.324388 8667 }. */
    private static final Pattern KLOG_HEADER = Pattern.compile("(?m)^([IWEF])\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\s+\\d+ ");

    private final SimWorld world;
    private final ServedWorld served;
    private final Path home;
    private final Map<String, String> ontapPasswords = new TreeMap<>();
    /** Port to the name of what listens there, for outputs that do not change with ephemeral ports. */
    private final Map<Integer, String> portNames = new TreeMap<>();
    /** A step's directory to its copy under {@code $HOME/work}. */
    private final Map<Path, Path> workdirs = new TreeMap<>();

    private RunbookEstate(SimWorld world, ServedWorld served, Path home) {
        this.world = world;
        this.served = served;
        this.home = home;
    }

    /** Starts the servers; every credential they take is told to {@code redactor} first. */
    public static RunbookEstate start(SimWorld world, Redactor redactor) {
        SecureRandom random = new SecureRandom();
        Map<String, String> passwords = new TreeMap<>();
        for (String cluster : world.ontap().clusterNames()) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            redactor.learnCredential(password);
            passwords.put(cluster, password);
        }
        Path home;
        try {
            home = Files.createTempDirectory("mirrordrill-sh-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a home directory for runbook steps", e);
        }
        ServedWorld served = ServedWorld.start(world, "127.0.0.1", 0, ONTAP_USER, passwords::get);
        RunbookEstate estate = new RunbookEstate(world, served, home);
        estate.ontapPasswords.putAll(passwords);
        served.kubernetes().forEach(k -> estate.portNames.put(k.url().getPort(), k.name()));
        served.ontap().forEach(o -> estate.portNames.put(o.url().getPort(), o.name()));
        served.s3().forEach(s -> estate.portNames.put(s.url().getPort(), s.host()));
        try {
            estate.writeHome();
        } catch (IOException | RuntimeException e) {
            estate.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        estate.lockForTheDrill();
        return estate;
    }

    /** The kubeconfig contexts: the Kubernetes clusters by name. */
    public List<String> contexts() {
        return served.kubernetes().stream().map(ServedWorld.Kube::name).toList();
    }

    public Path home() {
        return home;
    }

    private void writeHome() throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("kube"));
        Files.createDirectories(home.resolve("aws"));
        Files.createDirectories(home.resolve("run"));
        Path k = home.resolve("bin/k");
        Files.writeString(k, "#!/bin/sh\n# runbooks write k for kubectl\nexec kubectl \"$@\"\n");
        k.toFile().setExecutable(true, true);
        for (String context : contexts()) {
            Files.writeString(home.resolve("kube/" + context + ".yaml"), kubeconfig(context));
        }
        Files.writeString(home.resolve("aws/config"), "[default]\nregion = us-east-1\ns3 =\n"
                + "    addressing_style = path\n");
    }

    /**
     * Where a step whose files are in {@code dir} runs: a copy of {@code dir} made at its first step, which later
     * steps share, so a runbook edits its CR files and applies them again as the documentation says without touching
     * the drill's own files.
     */
    public Path workdir(Path dir) {
        Path source = dir.toAbsolutePath().normalize();
        Path copy = workdirs.get(source);
        if (copy != null) {
            return copy;
        }
        String name = source.getFileName() == null ? "root" : source.getFileName().toString();
        copy = home.resolve("work").resolve(name);
        for (int n = 2; Files.exists(copy); n++) {
            copy = home.resolve("work").resolve(name + "-" + n);
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.sorted().toList()) {
                Path to = copy.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (Files.isRegularFile(f)) {
                    Files.copy(f, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " for a runbook step", e);
        }
        workdirs.put(source, copy);
        return copy;
    }

    /** Plain HTTP and no user: a drill's servers live for its run only, on loopback (docs/drills.md). */
    private String kubeconfig(String current) {
        StringBuilder y = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
        served.kubernetes().forEach(k -> y.append("- name: ").append(k.name()).append("\n  cluster:\n    server: ")
                .append(k.url()).append('\n'));
        y.append("contexts:\n");
        served.kubernetes().forEach(k -> y.append("- name: ").append(k.name()).append("\n  context:\n    cluster: ")
                .append(k.name()).append("\n    user: mirrordrill\n"));
        return y.append("users:\n- name: mirrordrill\n  user: {}\ncurrent-context: ").append(current).append('\n')
                .toString();
    }

    /**
     * What a command of a step with {@code context} runs with: nothing from mirrordrill's own environment but
     * {@code PATH}, so a person's KUBECONFIG or AWS profile never reaches the served estate.
     */
    public Map<String, String> environment(String context, String path, String simulatedTime) {
        Map<String, String> env = new TreeMap<>();
        env.put("PATH", home.resolve("bin") + (path == null ? "" : ":" + path));
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("TZ", "UTC");
        env.put("KUBECONFIG", home.resolve("kube/" + context + ".yaml").toString());
        env.put("MIRRORDRILL_CONTEXT", context);
        env.put("MIRRORDRILL_TIME", simulatedTime);
        String site = world.cluster(context).site();
        env.put("AWS_CONFIG_FILE", home.resolve("aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("aws/no-credentials").toString());
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_PAGER", "");
        for (ServedWorld.S3 s : served.s3()) {
            S3Credentials key = world.accessKey(s.host());
            String prefix = "S3_" + variable(s.host()) + "_";
            env.put(prefix + "ENDPOINT", s.url().toString());
            env.put(prefix + "ACCESS_KEY_ID", key.accessKeyId());
            env.put(prefix + "SECRET_ACCESS_KEY", key.secretAccessKey());
        }
        nearest(served.s3(), ServedWorld.S3::site, site).ifPresent(s -> {
            S3Credentials key = world.accessKey(s.host());
            env.put("AWS_ENDPOINT_URL", s.url().toString());
            env.put("AWS_ACCESS_KEY_ID", key.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", key.secretAccessKey());
        });
        for (ServedWorld.Ontap o : served.ontap()) {
            String name = variable(o.name());
            String prefix = (name.startsWith("ONTAP") ? "" : "ONTAP_") + name + "_";
            env.put(prefix + "URL", o.url().toString());
            env.put(prefix + "USER", o.username());
            env.put(prefix + "PASSWORD", ontapPasswords.get(o.name()));
        }
        nearest(served.ontap(), ServedWorld.Ontap::site, site).ifPresent(o -> {
            env.put("ONTAP_URL", o.url().toString());
            env.put("ONTAP_USER", o.username());
            env.put("ONTAP_PASSWORD", ontapPasswords.get(o.name()));
        });
        return env;
    }

    /** The one at the site, else the first. */
    private static <T> Optional<T> nearest(List<T> all, java.util.function.Function<T, String> siteOf, String site) {
        return all.stream().filter(t -> siteOf.apply(t).equals(site)).findFirst().or(() -> all.stream().findFirst());
    }

    /** {@code s3.east.example} as {@code S3_EAST_EXAMPLE}. */
    static String variable(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Output as the report keeps it: the same from run to run although ports are ephemeral and the home directory
     * new, so {@code 127.0.0.1:41003} reads {@code <ontap-east>}, the home directory {@code $HOME}, and kubectl's
     * log lines keep their severity and source but not the real time and process id ({@code E memcache.go:265] ...}).
     */
    public String stable(String text) {
        String t = KLOG_HEADER.matcher(text.replace(home.toString(), "$HOME")).replaceAll("$1 ");
        Matcher m = LOOPBACK.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = portNames.get(Integer.parseInt(m.group(1)));
            m.appendReplacement(out, Matcher.quoteReplacement(name == null ? m.group() : "<" + name + ">"));
        }
        return m.appendTail(out).toString();
    }

    /** Runs {@code action} (a command) with the world's lock let go, so the servers can serve meanwhile. */
    public <T> T whileUnlocked(java.util.function.Supplier<T> action) {
        int holds = served.lock().getHoldCount();
        for (int i = 0; i < holds; i++) {
            served.lock().unlock();
        }
        try {
            return action.get();
        } finally {
            for (int i = 0; i < holds; i++) {
                served.lock().lock();
            }
        }
    }

    private void lockForTheDrill() {
        served.lock().lock();
    }

    /** Lets go of the lock, stops the servers and deletes the home directory. */
    @Override
    public void close() {
        while (served.lock().isHeldByCurrentThread()) {
            served.lock().unlock();
        }
        try {
            served.close();
        } finally {
            delete(home);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure of the drill
        }
    }
}
