package io.mirrordrill.cli;

import io.mirrordrill.scenario.ScenarioException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the built-in drills are: {@code -Dmirrordrill.drills} or {@code MIRRORDRILL_DRILLS} when set (the launcher
 * points at the working tree's {@code scenarios/drills}), else the copy inside the jar.
 */
final class BuiltInDrills {
    private BuiltInDrills() {
    }

    static Path directory() {
        String configured = System.getProperty("mirrordrill.drills", System.getenv("MIRRORDRILL_DRILLS"));
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        URL url = BuiltInDrills.class.getResource("/drills/setup-replication.yaml");
        if (url == null) {
            throw new ScenarioException("the built-in drills are not on the class path");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException open) {
                    // opened before in this process
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new ScenarioException("cannot open the built-in drills at " + url, e);
        }
    }
}
