package io.mirrordrill.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The bad-input suite: every case of {@code scenarios/src/test/bad-input/*-cases.yaml} (what a user did, the
 * arguments, the exit code and output expected) run through {@link Main#run} on a fresh copy of that folder. Every
 * case, whatever it asserts, also fails on a stack trace in the output, on a hang, and on any file under the copy
 * created, changed or deleted that the case does not name under {@code writes}. A case with {@code stdin} or
 * {@code env} runs in a child JVM through {@link Main#main} (a process's environment cannot change in this one).
 */
class BadInputSuiteTest {
    /** What the tables hold together (drill files, mappings and the command line), as issue M9 asks. */
    static final int MINIMUM_CASES = 150;
    static final int MINIMUM_CLI_CASES = 45;

    private static final Path SUITE = Path.of("..", "scenarios", "src", "test", "bad-input");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");
    private static final Pattern EXCEPTION_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|io\\.mirrordrill|com\\.fasterxml|picocli|org)\\.[\\w.$]*(?:Exception|Error)\\b");
    private static final Set<String> KEYS = Set.of("id", "category", "issue", "command", "exit", "output", "absent",
            "stdin", "env", "timeoutSeconds", "writes");
    private static final Set<String> CATEGORIES = Set.of("secret", "crash", "accepted-silently", "vague",
            "reference", "unknown-field", "archive-path", "transformation", "mapping", "output-path", "bounds", "name",
            "command-line", "controller", "server");

    record Case(String table, String id, String category, String issue, List<String> command, int exit,
                List<String> output, List<String> absent, String stdin, Map<String, String> env, int timeoutSeconds, List<String> writes) {}

    record Ran(int code, String output) {}

    @TestFactory
    Stream<DynamicTest> everyCaseExitsAsExpectedSaysWhatItShouldAndChangesNothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.id() + ": " + c.issue(), () -> check(c)));
    }

    @Test
    void theTablesHoldEnoughCasesWithUniqueIds() {
        List<Case> all = cases();
        Set<String> ids = new HashSet<>();
        for (Case c : all) {
            assertTrue(ids.add(c.id()), "case id used twice: " + c.id());
        }
        long cli = all.stream().filter(c -> c.table().equals("cli-cases.yaml")).count();
        assertTrue(all.size() >= MINIMUM_CASES, "the tables hold " + all.size() + " cases, fewer than "
                + MINIMUM_CASES);
        assertTrue(cli >= MINIMUM_CLI_CASES, "cli-cases.yaml holds " + cli + " cases, fewer than "
                + MINIMUM_CLI_CASES);
    }

    // ---- running a case ----------------------------------------------------------------------------------------

    private static void check(Case c) throws Exception {
        Path dir = Files.createTempDirectory("bad-input-" + c.id() + "-");
        try {
            copy(SUITE, dir);
            Map<String, String> before = snapshot(dir);
            List<String> args = c.command().stream().map(a -> a.replace("${DIR}", dir.toString())).toList();
            Ran ran = c.stdin() != null || !c.env().isEmpty() ? inChildJvm(c, args, dir) : inProcess(c, args);
            String context = "\n$ mirrordrill " + String.join(" ", args) + "\n" + ran.output();

            assertEquals(c.exit(), ran.code(), "exit code" + context);
            for (String expected : c.output()) {
                assertTrue(ran.output().contains(expected.replace("${DIR}", dir.toString())),
                        "missing \"" + expected + "\"" + context);
            }
            for (String secret : c.absent()) {
                assertFalse(ran.output().contains(secret), "shows \"" + secret + "\"" + context);
            }
            assertTrue(!STACK_FRAME.matcher(ran.output()).find(), "a stack trace" + context);
            var name = EXCEPTION_NAME.matcher(ran.output());
            if (name.find()) {
                fail("a Java exception name (" + name.group() + ")" + context);
            }
            Map<String, String> after = snapshot(dir);
            for (String allowed : c.writes()) {
                before.remove(allowed);
                after.remove(allowed);
            }
            assertEquals(before, after, "files under ${DIR} changed" + context);
        } finally {
            delete(dir);
        }
    }

    private static Ran inProcess(Case c, List<String> args) throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter both = new PrintWriter(text, true);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bad-input-" + c.id());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Integer> code = thread.submit(() -> Main.run(args.toArray(String[]::new), both, both));
            try {
                return new Ran(code.get(c.timeoutSeconds(), TimeUnit.SECONDS), text.toString());
            } catch (TimeoutException e) {
                code.cancel(true);
                return fail("no answer in " + c.timeoutSeconds() + " s (a hang)\n" + text);
            } catch (ExecutionException e) {
                return fail("Main.run threw instead of returning an exit code", e.getCause());
            }
        } finally {
            thread.shutdownNow();
        }
    }

    private static Ran inChildJvm(Case c, List<String> args, Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true);
        c.env().forEach((k, v) -> pb.environment().put(k, v.replace("${DIR}", dir.toString())));
        Process p = pb.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(output);
            } catch (IOException ignored) {
                // the process was ended
            }
        });
        reader.start();
        try (var in = p.getOutputStream()) {
            if (c.stdin() != null) {
                new ByteArrayInputStream(c.stdin().getBytes(StandardCharsets.UTF_8)).transferTo(in);
            }
        } catch (IOException ignored) {
            // the command did not read its input
        }
        if (!p.waitFor(c.timeoutSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            reader.join(5000);
            return fail("no answer in " + c.timeoutSeconds() + " s (a hang)\n" + output);
        }
        reader.join(5000);
        return new Ran(p.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    // ---- the tables --------------------------------------------------------------------------------------------

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(SUITE)) {
            for (Path table : files.filter(f -> f.getFileName().toString().endsWith("-cases.yaml")).sorted().toList()) {
                JsonNode list = YAML.readTree(table.toFile());
                assertTrue(list != null && list.isArray(), table + " is not a YAML list of cases");
                for (JsonNode node : list) {
                    cases.add(parse(table.getFileName().toString(), node));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static Case parse(String table, JsonNode n) {
        String where = table + " case " + n.path("id").asText("?");
        n.fieldNames().forEachRemaining(k -> assertTrue(KEYS.contains(k), where + ": unknown key " + k));
        for (String required : List.of("id", "category", "issue", "command", "exit", "output")) {
            assertTrue(n.hasNonNull(required), where + ": no " + required);
        }
        String id = n.get("id").asText();
        assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), where + ": id is not kebab-case");
        assertTrue(CATEGORIES.contains(n.get("category").asText()), where + ": unknown category");
        Map<String, String> env = new TreeMap<>();
        n.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return new Case(table, id, n.get("category").asText(), n.get("issue").asText(), strings(n.get("command")),
                n.get("exit").asInt(), strings(n.get("output")), strings(n.path("absent")), n.hasNonNull("stdin") ? n.get("stdin").asText() : null,
                env, n.path("timeoutSeconds").asInt(20), strings(n.path("writes")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    // ---- the copy and what changed in it -----------------------------------------------------------------------

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path f : all.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** Every path under {@code dir} (relative) with its kind, size and content hash. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.toList()) {
                String name = dir.relativize(f).toString();
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                state.put(name, a.isDirectory() ? "dir" : a.isRegularFile() ? "file " + a.size() + " " + hash(f)
                        : "other");
            }
        }
        return state;
    }

    private static String hash(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                f.toFile().setWritable(true);
                Files.deleteIfExists(f);
            }
        }
    }
}
