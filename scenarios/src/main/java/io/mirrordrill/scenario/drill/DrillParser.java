package io.mirrordrill.scenario.drill;

import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.model.yaml.YamlException;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a drill file: every field with its line, every problem at once, and then the cross-checks of
 * {@link DrillChecker} (names, files, variables). Nothing runs unless the whole drill is right.
 */
public final class DrillParser {
    private static final Set<String> INCLUDED_FIELDS = Set.of("procedures", "vars");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    /** A drill's name names its report files and JUnit test case: a Kubernetes label's length. */
    static final int MAX_NAME = 63;

    private DrillParser() {
    }

    /** The drill, checked; {@link DrillInputException} with every problem otherwise. */
    public static Drill parse(Path file) {
        List<Problem> problems = new ArrayList<>();
        Optional<Document> doc = document(file, problems);
        if (doc.isEmpty()) {
            throw new DrillInputException(problems);
        }
        Node root = Node.root(doc.get(), problems).allowOnly(Set.of("name", "description", "seed", "world", "vars",
                "include", "steps", "procedures", "expect"));
        String name = root.text("name", "?", true);
        if (name.length() > MAX_NAME) {
            root.problem("name", "the drill name is " + name.length() + " characters long, more than the maximum of "
                    + MAX_NAME, "use a short name of at most " + MAX_NAME + " lower-case letters, digits and '-'"
                    + " (it names the report's files); say more under description");
        } else if (!NAME.matcher(name).matches()) {
            root.problem("name", "\"" + name + "\" is not a drill name", "use lower-case letters, digits and '-'");
        }
        String description = root.text("description", "", true);
        long seed = root.number("seed", 1);
        Path base = file.getParent() == null ? Path.of("") : file.getParent();
        DrillFiles drillFiles = new DrillFiles(base);
        WorldSpec world = world(root, drillFiles, problems);
        Map<String, String> vars = new LinkedHashMap<>(root.textMap("vars"));
        Map<String, List<Step>> procedures = new LinkedHashMap<>();
        for (Node item : root.list("include")) {
            if (!item.isText()) {
                item.problem("expected a single value", "write each item of include as a file name");
            } else {
                drillFiles.resolve(base, item.json().asText(), item).ifPresent(included -> included(included, item,
                        procedures, vars, drillFiles, problems));
            }
        }
        procedures(root.get("procedures"), new StepParser(base, drillFiles), procedures);
        VariableCycles.check(root.get("vars"), vars);
        List<Step> steps = new StepParser(base, drillFiles).stepsOf(root, "steps");
        if (steps.isEmpty() && problems.isEmpty()) {
            root.problem("steps", "the drill has no steps", "add steps: [- advance: 1m, ...]");
        }
        List<Expectation> expectations = ExpectParser.parse(root.get("expect"));
        Drill drill = new Drill(file, name, description, seed, world, vars, steps, procedures, expectations);
        problems.addAll(crossChecks(drill, !problems.isEmpty()));
        if (!problems.isEmpty()) {
            // a file applied twice (on both clusters) has its problems found twice: each is said once
            throw new DrillInputException(List.copyOf(new LinkedHashSet<>(problems)));
        }
        return drill;
    }

    /**
     * The cross-checks run even when fields are wrong, so one pass shows every problem; on a drill that is already
     * wrong a check may meet a value it cannot judge, and only the problems found so far are kept.
     */
    private static List<Problem> crossChecks(Drill drill, boolean alreadyWrong) {
        DrillChecker checker = new DrillChecker(drill);
        try {
            return checker.check();
        } catch (RuntimeException unjudgeable) {
            if (!alreadyWrong) {
                throw unjudgeable;
            }
            return checker.found();
        }
    }

    private static Optional<Document> document(Path file, List<Problem> problems) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(source, 0, "", "no such file", "check the path"));
            return Optional.empty();
        }
        try {
            List<Document> docs = ProtectYaml.parse(file);
            if (docs.size() != 1) {
                problems.add(new Problem(source, docs.isEmpty() ? 0 : docs.get(1).line(), "",
                        "a drill file holds exactly one YAML document, found " + docs.size(),
                        "keep one drill per file; resource files are named by apply steps"));
                return Optional.empty();
            }
            return Optional.of(docs.get(0));
        } catch (YamlException e) {
            problems.add(new Problem(e.source(), e.line(), "", e.reason(), e.fix()));
        } catch (UncheckedIOException e) {
            problems.add(new Problem(source, 0, "", "cannot read the file: " + e.getCause().getMessage(),
                    "check the path and its permissions"));
        }
        return Optional.empty();
    }

    /** {@code world:} inline, or the name of a file holding the world mapping. */
    private static WorldSpec world(Node root, DrillFiles drillFiles, List<Problem> problems) {
        Node w = root.get("world");
        if (w.isMissing() || w.isObject()) {
            return WorldParser.parse(w);
        }
        Optional<Path> named = root.text("world") == null ? Optional.empty()
                : drillFiles.resolve(drillFiles.root(), root.text("world"), w);
        Optional<Document> doc = named.isEmpty() ? Optional.empty() : document(named.get(), problems);
        if (doc.isPresent() && !hasAny(doc.get(), WorldParser.FIELDS)) {
            // another file named by mistake (or on purpose: /etc/shadow): its keys are its content, never shown
            w.problem("the world file " + named.get() + " is not a world mapping (it has none of "
                    + new TreeSet<>(WorldParser.FIELDS) + ")", "name a YAML file with sites, ontap, objectStores"
                    + " and kubernetes");
            return new WorldSpec(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
        }
        if (doc.isEmpty()) {
            named.ifPresent(file -> w.problem("the world file " + file + " cannot be used (see above)", "name a YAML"
                    + " file with sites, ontap, objectStores and kubernetes"));
            return new WorldSpec(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
        }
        return WorldParser.parse(Node.root(doc.get(), problems));
    }

    /** Whether a file is at least meant to be what it is named as: one of the fields it may hold is there. */
    private static boolean hasAny(Document doc, Set<String> fields) {
        for (Iterator<String> keys = doc.tree().fieldNames(); keys.hasNext(); ) {
            if (fields.contains(keys.next())) {
                return true;
            }
        }
        return false;
    }

    /** A file of shared {@code procedures} and {@code vars}. */
    private static void included(Path file, Node at, Map<String, List<Step>> procedures, Map<String, String> vars,
                                 DrillFiles drillFiles, List<Problem> problems) {
        Optional<Document> doc = document(file, problems);
        if (doc.isEmpty()) {
            at.problem("the included file " + file + " cannot be used (see above)", "name a YAML file holding"
                    + " procedures");
            return;
        }
        if (!hasAny(doc.get(), INCLUDED_FIELDS)) {
            // as for world: another file's keys are its content, never shown
            at.problem("the included file " + file + " holds no procedures or vars", "name a YAML file holding"
                    + " procedures");
            return;
        }
        Node root = Node.root(doc.get(), problems).allowOnly(INCLUDED_FIELDS);
        vars.putAll(root.textMap("vars"));
        procedures(root.get("procedures"), new StepParser(file.getParent() == null ? Path.of("") : file.getParent(),
                drillFiles), procedures);
    }

    private static void procedures(Node node, StepParser parser, Map<String, List<Step>> into) {
        if (node.isMissing()) {
            return;
        }
        node.requireObject("procedures");
        for (String name : node.keys()) {
            if (into.containsKey(name)) {
                node.problem(name, "procedure \"" + name + "\" is defined twice", "rename one of them");
            }
            into.put(name, parser.stepsOf(node, name));
        }
    }
}
