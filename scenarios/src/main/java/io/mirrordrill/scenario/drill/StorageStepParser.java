package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.model.yaml.YamlException;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The storage administrator's steps: {@code ontap: {cluster: c2, run: "snapmirror break -destination-path svm_dr:"}}
 * and {@code tridentctl: {cluster: k8s, run: "update backend nas -f backend-dr.yaml -n trident"}}.
 */
final class StorageStepParser {
    static final Set<String> TRIDENTCTL = new TreeSet<>(Set.of("create backend", "update backend", "delete backend",
            "import volume"));
    /** Where Trident runs in every world's clusters (tridentctl's {@code -n}). */
    static final String TRIDENT_NAMESPACE = "trident";
    /** Backend fields read, and the common ones accepted and not modelled; a misspelt one is not silently ignored. */
    static final Set<String> BACKEND_FIELDS = new TreeSet<>(Set.of("version", "storageDriverName", "backendName",
            "managementLIF", "dataLIF", "svm", "username", "password", "storagePrefix", "defaults", "labels",
            "nfsMountOptions", "limitVolumeSize", "autoExportPolicy", "autoExportCIDRs"));
    static final Set<String> DRIVERS = new TreeSet<>(Set.of("ontap-nas", "ontap-san"));

    private StorageStepParser() {
    }

    static Step.Ontap ontap(At at, Node n) {
        n.requireObject("ontap").allowOnly(Set.of("cluster", "run"));
        String line = n.text("run");
        OntapCommand command = null;
        if (line != null) {
            OntapCommand.Result r = OntapCommand.parse(line);
            if (r.error() != null) {
                n.problem("run", r.error().reason(), r.error().fix());
            }
            command = r.command();
        }
        return new Step.Ontap(at, n.text("cluster"), command);
    }

    static Step.Tridentctl tridentctl(At at, Node n, Path base, DrillFiles files) {
        n.requireObject("tridentctl").allowOnly(Set.of("cluster", "run"));
        String line = n.text("run");
        String cluster = n.text("cluster");
        if (line == null) {
            return new Step.Tridentctl(at, cluster, null);
        }
        List<String> words;
        try {
            words = OntapCommand.words(line);
        } catch (IllegalArgumentException e) {
            n.problem("run", e.getMessage(), "close the quotes");
            return new Step.Tridentctl(at, cluster, null);
        }
        String verb = words.size() < 2 ? String.join(" ", words) : words.get(0) + " " + words.get(1);
        if (!TRIDENTCTL.contains(verb)) {
            n.problem("run", "\"" + Node.abbreviated(verb) + "\" is not a tridentctl command a drill can run",
                    "use one of " + TRIDENTCTL + ", e.g. update backend ontap-nas-dr -f backend.yaml -n trident");
            return new Step.Tridentctl(at, cluster, null);
        }
        String fileArg = null;
        String namespace = null;
        List<String> args = new java.util.ArrayList<>();
        for (int i = 2; i < words.size(); i++) {
            String w = words.get(i);
            if ((w.equals("-f") || w.equals("-n")) && i + 1 < words.size()) {
                if (w.equals("-f")) {
                    fileArg = words.get(++i);
                } else {
                    namespace = words.get(++i);
                }
            } else if (w.startsWith("-")) {
                n.problem("run", "tridentctl " + verb + " takes no option " + Node.abbreviated(w) + " here"
                        + (w.equals("-f") || w.equals("-n") ? " without a value" : ""),
                        "write " + usage(verb));
                return new Step.Tridentctl(at, cluster, null);
            } else {
                args.add(w);
            }
        }
        int wanted = verb.equals("create backend") ? 0 : verb.equals("import volume") ? 2 : 1;
        boolean needsFile = !verb.equals("delete backend");
        if (args.size() != wanted || needsFile != (fileArg != null)) {
            n.problem("run", "tridentctl " + verb + " takes " + usage(verb) + ", found \"" + Node.abbreviated(line)
                    + "\"", "write " + usage(verb));
            return new Step.Tridentctl(at, cluster, null);
        }
        if (namespace != null && !namespace.equals(TRIDENT_NAMESPACE)) {
            n.problem("run", "Trident runs in namespace " + TRIDENT_NAMESPACE + " in the world's clusters, not "
                    + Node.abbreviated(namespace), "write -n " + TRIDENT_NAMESPACE + " (or leave -n out)");
        }
        Path file = null;
        TridentctlCommand.BackendConfig backend = null;
        ObjectNode claim = null;
        if (fileArg != null) {
            Optional<Path> resolved = files.resolve(base, fileArg, n.get("run"));
            Optional<Document> doc = resolved.flatMap(p -> document(p, n));
            file = resolved.orElse(null);
            if (doc.isPresent() && verb.equals("import volume")) {
                claim = claim(n.rootOf(doc.get()));
            } else if (doc.isPresent()) {
                backend = backend(n.rootOf(doc.get()));
            }
        }
        String name = args.isEmpty() ? null : args.get(0);
        String volume = args.size() > 1 ? args.get(1) : null;
        return new Step.Tridentctl(at, cluster, new TridentctlCommand(verb, name, volume, file, namespace, backend,
                claim));
    }

    private static String usage(String verb) {
        return switch (verb) {
            case "create backend" -> "create backend -f backend.yaml -n trident";
            case "update backend" -> "update backend NAME -f backend.yaml -n trident";
            case "delete backend" -> "delete backend NAME -n trident";
            default -> "import volume BACKEND VOLUME -f pvc.yaml -n trident";
        };
    }

    private static Optional<Document> document(Path file, Node at) {
        if (!Files.isRegularFile(file)) {
            at.problem("run", "no such file " + file, "check the path (relative to this file)");
            return Optional.empty();
        }
        try {
            List<Document> docs = ProtectYaml.parse(file);
            if (docs.size() != 1) {
                at.problem("run", file + " holds " + docs.size() + " YAML documents", "keep one per file");
                return Optional.empty();
            }
            return Optional.of(docs.get(0));
        } catch (YamlException e) {
            at.problem("run", e.source() + ":" + e.line() + ": " + e.reason(), e.fix());
        } catch (UncheckedIOException e) {
            at.problem("run", "cannot read " + file + ": " + e.getCause().getMessage(), "check its permissions");
        }
        return Optional.empty();
    }

    /** A backend definition (JSON or YAML, as tridentctl takes both). */
    private static TridentctlCommand.BackendConfig backend(Node b) {
        b.requireObject("the backend definition").allowOnly(BACKEND_FIELDS);
        String driver = b.text("storageDriverName");
        if (driver != null && !DRIVERS.contains(driver)) {
            b.problem("storageDriverName", "storage driver \"" + Node.abbreviated(driver) + "\" is not one the world"
                    + " models", "use one of " + DRIVERS);
        }
        return new TridentctlCommand.BackendConfig(driver, b.text("backendName", null, false),
                b.text("managementLIF"), b.text("dataLIF", null, false), b.text("svm"), b.text("username"),
                b.text("password"));
    }

    /** The claim {@code import volume} creates; its namespace is the file's (default {@code default}). */
    private static ObjectNode claim(Node c) {
        c.requireObject("the PersistentVolumeClaim");
        if (!"PersistentVolumeClaim".equals(c.text("kind", null, false))) {
            c.problem("kind", "tridentctl import volume takes a PersistentVolumeClaim file",
                    "write kind: PersistentVolumeClaim with metadata.name and spec.storageClassName");
        }
        Node meta = c.get("metadata");
        if (!meta.isObject()) {
            c.problem("metadata", "the claim has no metadata", "add metadata: {name: data, namespace: shop}");
        } else {
            meta.text("name");
        }
        return c.json().isObject() ? (ObjectNode) c.json().deepCopy() : null;
    }
}
