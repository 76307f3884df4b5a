package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Trident protect's CRDs as the project ships them ({@code deploy/crds}, what an operator applies), read as data:
 * the server's tests serve real CRDs without this module depending on the engine.
 */
final class ProtectCrds {
    private static final Path DIR = Path.of("..", "..", "deploy", "crds");

    private ProtectCrds() {
    }

    /** Every CRD as a tree, by file name. */
    static List<ObjectNode> trees() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(f -> {
                try {
                    return (ObjectNode) yaml.readTree(f.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the CRDs are read from " + DIR.toAbsolutePath(), e);
        }
    }
}
