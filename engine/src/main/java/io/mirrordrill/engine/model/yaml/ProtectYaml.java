package io.mirrordrill.engine.model.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.ResourceKind;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading and writing Trident protect resources: YAML files of one or many documents to typed records (dispatched
 * on apiVersion and kind), records back to YAML that re-reads to an equal record, and conversions to a Jackson tree
 * or a fabric8 {@link GenericKubernetesResource} for storing them through a Kubernetes port.
 */
public final class ProtectYaml {
    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .stringQuotingChecker(new Yaml11Quoting())
                    .build())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final ParsedTexts PARSED = new ParsedTexts();
    private static final BoundTrees BOUND = new BoundTrees();

    private ProtectYaml() {
    }

    /**
     * Every non-empty document of {@code text}; {@code source} names it in messages. Remembered by content
     * ({@link ParsedTexts}): drills and fuzzing apply the same files over and over.
     */
    public static List<Document> parse(String source, String text) {
        return parse(source, text, YamlLimits.DEFAULT);
    }

    public static List<Document> parse(String source, String text, YamlLimits limits) {
        return PARSED.get(source, text, limits, () -> parse(source, new StringReader(text), limits));
    }

    public static List<Document> parse(String source, Reader reader, YamlLimits limits) {
        return new YamlTreeReader(source, limits).read(reader);
    }

    public static List<Document> parse(Path file) {
        return parse(file, YamlLimits.DEFAULT);
    }

    /** The file's size is checked before it is read. */
    public static List<Document> parse(Path file, YamlLimits limits) {
        String source = file.toString();
        try {
            if (Files.size(file) > 4L * limits.maxChars()) { // UTF-8: at most 4 bytes a character
                throw new YamlException(source, 0, 0, "the file is larger than " + limits.maxChars() + " characters",
                        "split it into smaller files");
            }
            return parse(source, Files.readString(file, StandardCharsets.UTF_8), limits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Whether the document claims the Trident protect API group (any version). */
    public static boolean isProtect(Document document) {
        String apiVersion = document.apiVersion();
        return apiVersion != null && apiVersion.startsWith(ProtectApi.GROUP + "/");
    }

    /** The typed resource of a document, chosen by apiVersion and kind. */
    public static ProtectResource<?, ?> bind(Document document) {
        ResourceKind kind = kindOf(document);
        return bind(document, kind.type());
    }

    public static <R extends ProtectResource<?, ?>> R bind(Document document, Class<R> type) {
        try {
            return JSON.treeToValue(document.tree(), type);
        } catch (JsonProcessingException e) {
            String field = pathOf(e);
            throw new BindingException(document.source(), document.lineOf(field), field, describe(e),
                    "write a value of the expected type");
        }
    }

    /** Every document of {@code text} as a typed resource; a document of another API is refused. */
    public static List<ProtectResource<?, ?>> readAll(String source, String text) {
        List<ProtectResource<?, ?>> resources = new ArrayList<>();
        for (Document document : parse(source, text)) {
            resources.add(bind(document));
        }
        return resources;
    }

    /** One resource as YAML (no leading {@code ---}). */
    public static String write(Object resource) {
        try {
            return YAML.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + resource, e);
        }
    }

    /** Many resources as one multi-document YAML text, in the given order. */
    public static String writeAll(List<?> resources) {
        StringBuilder out = new StringBuilder();
        for (Object resource : resources) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            out.append(write(resource));
        }
        return out.toString();
    }

    public static ObjectNode toTree(Object resource) {
        return JSON.valueToTree(resource);
    }

    /** A tree of any protect kind, dispatched like a file's document. */
    public static ProtectResource<?, ?> fromTree(JsonNode tree) {
        if (!(tree instanceof ObjectNode object)) {
            throw new BindingException("<tree>", 0, "", "not a mapping", "pass a resource object");
        }
        return bind(new Document("<tree>", 0, 0, object, Map.of()));
    }

    public static <R extends ProtectResource<?, ?>> R fromTree(JsonNode tree, Class<R> type) {
        if (!(tree instanceof ObjectNode object)) {
            throw new BindingException("<tree>", 0, "", "not a mapping", "pass a resource object");
        }
        return bind(new Document("<tree>", 0, 0, object, Map.of()), type);
    }

    /** For a Kubernetes port: spec, status and unknown fields travel as generic maps. */
    public static GenericKubernetesResource toGeneric(ProtectResource<?, ?> resource) {
        return JSON.convertValue(resource, GenericKubernetesResource.class);
    }

    /** Remembered by content ({@link BoundTrees}): controllers read the same object version many times. */
    public static ProtectResource<?, ?> fromGeneric(GenericKubernetesResource resource) {
        ObjectNode tree = Resources.toTree(resource);
        return BOUND.get(tree, () -> fromTree(tree));
    }

    public static GenericKubernetesResource genericOf(Document document) {
        return JSON.convertValue(document.tree(), GenericKubernetesResource.class);
    }

    private static ResourceKind kindOf(Document document) {
        String apiVersion = document.apiVersion();
        String kind = document.kind();
        if (!ProtectApi.API_VERSION.equals(apiVersion)) {
            throw new BindingException(document.source(), document.lineOf("apiVersion"), "apiVersion",
                    "\"" + apiVersion + "\" is not " + ProtectApi.API_VERSION,
                    "write apiVersion: " + ProtectApi.API_VERSION);
        }
        return ResourceKind.byKind(kind).orElseThrow(() -> new BindingException(document.source(),
                document.lineOf("kind"), "kind", "unknown kind \"" + kind + "\"",
                "use one of " + ResourceKind.byKindIgnoringCase(kind).map(k -> k.kind() + " (kinds are case-sensitive)")
                        .orElse(ResourceKind.names())));
    }

    /** {@code spec.namespaceMapping[0].source} from Jackson's reference chain. */
    private static String pathOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof InvalidFormatException invalid) {
            return "cannot read \"" + invalid.getValue() + "\" as " + typeName(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + typeName(mismatched.getTargetType()) + " here";
        }
        return e.getOriginalMessage();
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        } else if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        } else if (type == String.class) {
            return "a string";
        } else if (List.class.isAssignableFrom(type)) {
            return "a list";
        } else if (type == Instant.class) {
            return "an RFC 3339 time such as 2024-01-01T00:00:00Z";
        }
        return "a mapping (" + type.getSimpleName() + ")";
    }
}
