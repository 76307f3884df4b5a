package io.mirrordrill.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The image the build wrote (target/mirrordrill-image.tar, an OCI image layout) starts: its layers are unpacked in
 * the manifest's order into a root file system, and its entrypoint runs there as a container runtime would run it
 * (new mount and PID namespaces, /proc and /dev mounted, chroot, the config's user, environment and working
 * directory), with nothing from the host but the kernel: the jlinked Java, the C runtime and the classpath are the
 * image's own. No container daemon is needed (none runs here); {@code unshare} and {@code chroot} (util-linux,
 * coreutils) are.
 */
class ImageEntrypointIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path root;
    static JsonNode config;
    static JsonNode index;

    @BeforeAll
    static void unpack() throws Exception {
        Path tar = Path.of(System.getProperty("mirrordrill.image", "target/mirrordrill-image.tar"));
        assertTrue(Files.isRegularFile(tar), "no image at " + tar + ": build it with mvn -pl image -am package");
        Path layout = Files.createDirectories(dir.resolve("layout"));
        run(List.of("tar", "-xf", tar.toString(), "-C", layout.toString()), 60);
        index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = JSON.readTree(blob(layout, index.path("manifests").get(0).path("digest").asText())
                .toFile());
        config = JSON.readTree(blob(layout, manifest.path("config").path("digest").asText()).toFile())
                .path("config");
        root = Files.createDirectories(dir.resolve("rootfs"));
        for (JsonNode layer : manifest.path("layers")) {
            assertEquals("application/vnd.oci.image.layer.v1.tar+gzip", layer.path("mediaType").asText());
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", blob(layout, layer.path("digest").asText())
                    .toString(), "-C", root.toString()), 120);
            applyWhiteouts(root);
        }
        // the mount points a runtime provides
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
    }

    @Test
    void theImageIsNamedRunsAsAnUnprivilegedUserAndStartsTheController() {
        assertEquals("mirrordrill/mirrordrill:" + System.getProperty("project.version", "0.1.0-SNAPSHOT"),
                index.path("manifests").get(0).path("annotations").path("org.opencontainers.image.ref.name")
                        .asText());
        assertEquals("65532:65532", config.path("User").asText());
        assertEquals("/opt/java/bin/java", config.path("Entrypoint").get(0).asText());
        assertEquals(List.of("controller"), texts(config.path("Cmd")));
    }

    @Test
    void theEntrypointStartsFromTheUnpackedLayersWithTheImagesOwnJava() throws Exception {
        Ran r = entrypoint(List.of("--version"));
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.startsWith("mirrordrill "), r.output);
        assertTrue(Files.isExecutable(root.resolve("opt/java/bin/java")), "the jlinked runtime is in the image");
    }

    @Test
    void aBuiltInDrillRunsInsideTheImage() throws Exception {
        Ran r = entrypoint(List.of("drill", "run", "setup-replication", "--no-progress"));
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("PASS setup-replication") && r.output.contains("1 drill: 1 passed, 0 failed"),
                r.output);
    }

    @Test
    void theControllersHelpNamesItsOptionsInUtf8() throws Exception {
        Ran r = entrypoint(List.of("controller", "--help"));
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("--leader-elect") && r.output.contains("--health-address"), r.output);
        Ran list = entrypoint(List.of("drill", "list"));
        assertEquals(0, list.exit, list.output);
        assertTrue(!list.output.contains("?\n") && list.output.contains("setup-replication"), list.output);
    }

    // ---- running the image --------------------------------------------------------------------------------------

    private record Ran(int exit, String output) {
    }

    /** The config's entrypoint with {@code args} in place of its Cmd, in namespaces and a chroot of the rootfs. */
    private static Ran entrypoint(List<String> args) throws Exception {
        List<String> argv = new ArrayList<>(texts(config.path("Entrypoint")));
        argv.addAll(args);
        boolean isRoot = "root".equals(System.getProperty("user.name"));
        // as root: the image's user; otherwise a user namespace maps us to root inside (its only mapped user)
        String chroot = tool("chroot") + (isRoot ? " --userspec=" + config.path("User").asText() : "") + " .";
        StringBuilder script = new StringBuilder("set -e; ").append(tool("mount")).append(" -t proc proc proc; ")
                .append(tool("mount")).append(" --rbind /dev dev; exec ").append(chroot);
        for (String a : argv) {
            script.append(' ').append(quote(a));
        }
        List<String> command = new ArrayList<>(List.of(tool("unshare")));
        if (!isRoot) {
            command.add("-r");
        }
        command.addAll(List.of("-m", "-p", "-f", tool("sh"), "-c", script.toString()));
        // the image's environment only (the host's tools are called by their paths)
        java.util.Map<String, String> env = new java.util.TreeMap<>();
        for (String e : texts(config.path("Env"))) {
            env.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        env.put("HOME", config.path("WorkingDir").asText());
        return run(command, 180, env);
    }

    /** A host tool's path (PATH, then the sbin directories where chroot lives). */
    private static String tool(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        return fail(name + " is not installed: the image is run with unshare and chroot (packages util-linux,"
                + " coreutils)");
    }

    private static Ran run(List<String> command, int seconds) throws Exception {
        return run(command, seconds, null);
    }

    private static Ran run(List<String> command, int seconds, java.util.Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (env != null) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        if (root != null) {
            pb.directory(root.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            fail(command.get(0) + " cannot run (" + e.getMessage() + "): install util-linux and coreutils");
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out after " + seconds + " s: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        boolean unshare = command.get(0).endsWith("unshare");
        if (unshare && text.contains("unshare failed")) {
            fail("the kernel refused new namespaces (" + text.strip() + "): run as root or allow unprivileged user"
                    + " namespaces (sysctl kernel.unprivileged_userns_clone=1)");
        }
        if (!unshare) {
            assertEquals(0, p.exitValue(), command + ": " + text);
        }
        return new Ran(p.exitValue(), text);
    }

    /** env's and the shell's view of a value: single-quoted. */
    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** OCI whiteouts: {@code .wh.NAME} deletes NAME from the layers below, {@code .wh..wh..opq} a whole directory's. */
    private static void applyWhiteouts(Path rootfs) throws IOException {
        List<Path> whiteouts;
        try (Stream<Path> s = Files.walk(rootfs)) {
            whiteouts = s.filter(p -> p.getFileName().toString().startsWith(".wh.")).toList();
        }
        for (Path w : whiteouts) {
            String name = w.getFileName().toString().substring(4);
            if (!name.equals(".wh..opq")) {
                deleteTree(w.resolveSibling(name));
            }
            Files.delete(w);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
