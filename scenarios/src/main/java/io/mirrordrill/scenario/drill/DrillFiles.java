package io.mirrordrill.scenario.drill;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The drill's folder: every file a drill names (world, includes, applied files) is inside it, so a drill copied
 * elsewhere takes its files along and a drill from someone else cannot read {@code ../../../etc/passwd}.
 */
final class Folder {
    private final Path root;
    private final Path absolute;

    Folder(Path root) {
        this.root = root;
        this.absolute = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** {@code name} relative to {@code base}; empty, with a problem at {@code at}, when it leaves the folder. */
    Optional<Path> resolve(Path base, String name, Node at) {
        Path file = base.resolve(name).normalize();
        if (!file.toAbsolutePath().normalize().startsWith(absolute)) {
            at.problem("\"" + Node.abbreviated(name) + "\" is outside the drill's folder " + absolute,
                    "keep the drill's files in its folder or a subfolder of it, and name them relative to the file"
                            + " that names them");
            return Optional.empty();
        }
        return Optional.of(file);
    }
}
