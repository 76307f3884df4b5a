package io.mirrordrill.scenario.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code drill validate} cases of the bad-input table {@code src/test/bad-input/mapping-cases.yaml}, run through
 * the code the command calls ({@link DrillCatalog#resolve}, {@link DrillParser#parse}) with the suite's checks: the
 * exit code (2 when a drill has problems), every expected part of the output, no stack trace, nothing under the
 * copied folder changed. The cli's BadInputSuiteTest runs the same table through the command line itself.
 */
class BadInputMappingTest {
    private static final Path BAD_INPUT = Path.of("src/test/bad-input");
    private static final Path TABLE = BAD_INPUT.resolve("mapping-cases.yaml");
    private static final Set<String> CATEGORIES = Set.of("secret", "crash", "accepted-silently", "vague", "reference",
            "unknown-field", "archive-path", "transformation", "mapping", "output-path", "bounds", "name",
            "command-line", "controller", "server");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("(java\\.|io\\.mirrordrill\\.)[\\w.$]*(Exception|Error)");

    @TempDir
    Path temp;

    private static List<JsonNode> cases() {
        try {
            JsonNode table = new YAMLMapper().readTree(TABLE.toFile());
            List<JsonNode> cases = new ArrayList<>();
            table.forEach(cases::add);
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theTableHoldsAtLeastTwelveWellFormedCasesWithUniqueIds() {
        List<JsonNode> cases = cases();
        assertTrue(cases.size() >= 12, "mapping-cases.yaml holds " + cases.size() + " cases");
        Set<String> ids = new TreeSet<>();
        for (JsonNode c : cases) {
            String id = c.path("id").asText();
            assertTrue(KEBAB.matcher(id).matches(), "kebab-case id: " + id);
            assertTrue(ids.add(id), "unique id: " + id);
            assertTrue(CATEGORIES.contains(c.path("category").asText()), id + ": category " + c.path("category"));
            assertFalse(c.path("issue").asText().isBlank() || c.path("issue").asText().contains("\n"),
                    id + ": one-line issue");
            assertTrue(c.path("command").isArray() && c.path("exit").isInt() && c.path("output").isArray(),
                    id + ": command, exit and output");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyValidateCaseGivesItsFindingsAndExitCode() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.path("id").asText() + ": "
                + c.path("issue").asText(), () -> check(c)));
    }

    private void check(JsonNode c) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(c.path("id").asText()));
        copy(BAD_INPUT, dir);
        SortedMap<String, String> before = contents(dir);
        List<String> command = new ArrayList<>();
        c.path("command").forEach(a -> command.add(a.asText().replace("${DIR}", dir.toString())));
        assertEquals(List.of("drill", "validate"), command.subList(0, 2), "this table's cases are drill validate");

        StringBuilder output = new StringBuilder();
        int exit = validate(command.subList(2, command.size()), output);

        String out = output.toString();
        assertEquals(c.path("exit").asInt(), exit, out);
        for (JsonNode part : c.path("output")) {
            assertTrue(out.contains(part.asText()), () -> "expected \"" + part.asText() + "\" in:\n" + out);
        }
        assertFalse(STACK_FRAME.matcher(out).find(), () -> "a stack trace in:\n" + out);
        assertFalse(EXCEPTION_NAME.matcher(out).find(), () -> "an exception name in:\n" + out);
        assertEquals(before, contents(dir), "validation changes nothing under the folder");
    }

    /** What {@code drill validate} does with its targets: every drill parsed, every problem printed, exit 0 or 2. */
    private static int validate(List<String> targets, StringBuilder output) {
        List<Problem> problems = new ArrayList<>();
        for (String target : targets) {
            try {
                for (Path file : DrillCatalog.resolve(target, Path.of("drills"))) {
                    Drill d = DrillParser.parse(file);
                    output.append("valid: ").append(d.file()).append('\n');
                }
            } catch (DrillInputException e) {
                problems.addAll(e.problems());
            } catch (RuntimeException e) {
                fail("drill validate threw instead of reporting a finding", e);
            }
        }
        if (problems.isEmpty()) {
            return 0;
        }
        output.append(new DrillInputException(problems).getMessage()).append('\n');
        return 2;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static SortedMap<String, String> contents(Path dir) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p),
                        StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
