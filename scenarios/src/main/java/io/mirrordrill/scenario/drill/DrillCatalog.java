package io.mirrordrill.scenario.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds drills: the built-in ones are the {@code *.yaml} files directly in a drills directory (their resource files
 * live in subdirectories); a name, a file or a directory on the command line resolves to drill files.
 */
public final class DrillCatalog {
    private DrillCatalog() {
    }

    /** The drill files directly in {@code dir}, sorted by name. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".yaml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list drills in " + dir, e);
        }
    }

    /** Every drill in {@code dir}, parsed (a broken one throws {@link DrillInputException}). */
    public static List<Drill> builtIn(Path dir) {
        return files(dir).stream().map(DrillParser::parse).toList();
    }

    /**
     * What the command line names: a drill file, a directory of drills, or the name of a drill in {@code builtIns}
     * ({@code failover-site-loss} for {@code failover-site-loss.yaml}).
     */
    public static List<Path> resolve(String argument, Path builtIns) {
        Path p = Path.of(argument);
        if (Files.isDirectory(p)) {
            List<Path> drills = files(p);
            if (drills.isEmpty()) {
                throw new DrillInputException(List.of(new Problem(argument, 0, "", "no drill found: the directory"
                        + " holds no *.yaml drill file (drills are the *.yaml files directly in it)",
                        "name a drill file, or a directory with drill files in it")));
            }
            return drills;
        }
        if (Files.isRegularFile(p)) {
            return List.of(p);
        }
        Optional<Path> named = builtIns == null ? Optional.empty()
                : Optional.of(builtIns.resolve(argument + ".yaml")).filter(Files::isRegularFile);
        if (named.isPresent()) {
            return List.of(named.get());
        }
        List<Problem> problems = new ArrayList<>();
        problems.add(new Problem(argument, 0, "", "no drill file, directory or built-in drill of that name",
                "give a path to a drill file or directory, or one of: " + names(builtIns)));
        throw new DrillInputException(problems);
    }

    private static String names(Path builtIns) {
        if (builtIns == null || !Files.isDirectory(builtIns)) {
            return "(no built-in drills found)";
        }
        return String.join(", ", files(builtIns).stream().map(f -> f.getFileName().toString()
                .replaceFirst("\\.yaml$", "")).toList());
    }
}
