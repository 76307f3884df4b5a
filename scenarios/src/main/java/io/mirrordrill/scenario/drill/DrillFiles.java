package io.mirrordrill.scenario.drill;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the files a drill names (world, includes, applied and snapshot files) are: relative to the file naming them,
 * and YAML files ({@code .yaml}, {@code .yml}), so a drill from someone else cannot have {@code drill validate} read
 * {@code ../../../etc/passwd} or a key and quote it in a YAML error. Drills may share files in sibling folders (the
 * built-in examples use {@code ../seed/}), so a relative path may leave the drill's folder.
 */
final class DrillFiles {
    private final Path root;

    DrillFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** {@code name} relative to {@code base}; empty, with a problem at {@code at}, when it is not a YAML file. */
    Optional<Path> resolve(Path base, String name, Node at) {
        Path file;
        try {
            file = base.resolve(name).normalize();
        } catch (InvalidPathException e) {
            at.problem("\"" + Node.abbreviated(name) + "\" is not a file name: " + e.getReason(),
                    "name a YAML file relative to the file that names it, e.g. resources/app.yaml");
            return Optional.empty();
        }
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!fileName.endsWith(".yaml") && !fileName.endsWith(".yml")) {
            at.problem("\"" + Node.abbreviated(name) + "\" is not a YAML file (a drill names only .yaml or .yml"
                    + " files)", "name a YAML file relative to " + (base.toString().isEmpty() ? "this folder" : base)
                    + ", e.g. resources/app.yaml");
            return Optional.empty();
        }
        return Optional.of(file);
    }
}
