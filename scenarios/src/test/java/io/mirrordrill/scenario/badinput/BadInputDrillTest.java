package io.mirrordrill.scenario.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mirrordrill.scenario.drill.DrillCatalog;
import io.mirrordrill.scenario.drill.DrillInputException;
import io.mirrordrill.scenario.drill.DrillParser;
import io.mirrordrill.scenario.drill.Problem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The drill half of the bad-input suite ({@code src/test/bad-input/drill-cases.yaml}): each {@code drill validate}
 * case run through the validation {@code drill validate} uses (resolve the targets, parse every drill, gather every
 * problem), its findings printed as the CLI prints them, and checked for the exit code, the output substrings and
 * the location: a case whose first output is {@code file:line} has one finding at that line naming the second.
 * The cli module's BadInputSuiteTest runs the same table through the real command line.
 */
class BadInputDrillTest {
    private static final Path DIR = Path.of("src/test/bad-input");
    private static final Pattern LOCATION = Pattern.compile(".+\\.yaml:\\d+");
    private static final Set<String> CATEGORIES = Set.of("secret", "crash", "accepted-silently", "vague",
            "reference", "unknown-field", "archive-path", "transformation", "mapping", "output-path", "bounds",
            "name", "command-line", "controller", "server");

    private static JsonNode table() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("drill-cases.yaml").toFile());
    }

    @Test
    void theTableHoldsAtLeast110CasesWithUniqueIdsAndKnownCategories() throws IOException {
        JsonNode cases = table();
        assertTrue(cases.size() >= 110, "drill-cases.yaml holds " + cases.size() + " cases");
        Set<String> ids = new HashSet<>();
        for (JsonNode c : cases) {
            String id = c.path("id").asText();
            assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "id " + id + " is kebab-case");
            assertTrue(ids.add(id), "id " + id + " is unique");
            assertTrue(CATEGORIES.contains(c.path("category").asText()), id + ": category " + c.path("category"));
            assertTrue(c.path("output").size() > 0, id + " names output substrings");
        }
    }

    @Test
    void theBaseDrillEveryCaseVariesIsValid() {
        assertDoesNotThrow(() -> DrillParser.parse(DIR.resolve("drills/base.yaml")));
    }

    @TestFactory
    Stream<DynamicTest> everyDrillValidateCaseGivesItsFindingWithFileLineFieldAndFix() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : table()) {
            List<String> command = new ArrayList<>();
            c.path("command").forEach(a -> command.add(a.asText().replace("${DIR}", DIR.toString())));
            if (command.size() < 3 || !command.get(0).equals("drill") || !command.get(1).equals("validate")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.path("id").asText() + ": " + c.path("issue").asText(),
                    () -> check(c, command.subList(2, command.size()))));
        }
        return tests.stream();
    }

    private static void check(JsonNode c, List<String> targets) {
        List<Problem> problems = validate(targets);
        String printed = problems.isEmpty() ? "" : new DrillInputException(problems).getMessage();
        assertEquals(c.path("exit").asInt(), problems.isEmpty() ? 0 : 2, "exit code; printed:\n" + printed);
        List<String> output = new ArrayList<>();
        c.path("output").forEach(o -> output.add(o.asText()));
        for (String expected : output) {
            if (!printed.contains(expected)) {
                fail("the output lacks \"" + expected + "\"; printed:\n" + printed);
            }
        }
        if (output.size() >= 2 && LOCATION.matcher(output.get(0)).matches()) {
            boolean located = problems.stream().anyMatch(p -> (p.source() + ":" + p.line()).endsWith(output.get(0))
                    && p.describe().contains(output.get(1)));
            assertTrue(located, "one finding is at " + output.get(0) + " and names " + output.get(1) + "; printed:\n"
                    + printed);
        }
    }

    /** What {@code drill validate} does with its targets: every drill parsed, every problem kept. */
    private static List<Problem> validate(List<String> targets) {
        List<Problem> problems = new ArrayList<>();
        for (String target : targets) {
            try {
                for (Path file : DrillCatalog.resolve(target, null)) {
                    DrillParser.parse(file);
                }
            } catch (DrillInputException e) {
                problems.addAll(e.problems());
            }
        }
        return problems;
    }
}
