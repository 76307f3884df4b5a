package io.mirrordrill.engine.model.validation;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.model.yaml.YamlException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads users' resource files all or nothing: any problem refuses the whole file, so nothing is half-applied. */
public final class ResourceFiles {
    private ResourceFiles() {
    }

    public static LoadedFile load(Path file) {
        return load(file.toString(), parse(() -> ProtectYaml.parse(file)));
    }

    public static LoadedFile load(String source, String text) {
        return load(source, parse(() -> ProtectYaml.parse(source, text)));
    }

    private static LoadedFile load(String source, List<Document> documents) {
        List<Problem> problems = Validator.validate(documents);
        if (!problems.isEmpty()) {
            throw new InvalidResourceException(problems);
        }
        List<GenericKubernetesResource> all = new ArrayList<>();
        List<ProtectResource<?, ?>> typed = new ArrayList<>();
        for (Document document : documents) {
            all.add(ProtectYaml.genericOf(document));
            if (ProtectYaml.isProtect(document)) {
                typed.add(ProtectYaml.bind(document));
            }
        }
        return new LoadedFile(source, all, typed);
    }

    private static List<Document> parse(java.util.function.Supplier<List<Document>> parser) {
        try {
            return parser.get();
        } catch (YamlException e) {
            throw new InvalidResourceException(List.of(Validator.problem(e)));
        }
    }
}
