package io.mirrordrill.engine.model.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.engine.model.ResourceKind;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The CustomResourceDefinitions of the nine kinds, shipped as YAML under {@code crds/}: for installing into a real
 * or emulated API server, and as the one source of field types that validation checks documents against.
 */
public final class Crds {
    private static final Map<ResourceKind, String> MANIFESTS = new EnumMap<>(ResourceKind.class);
    private static final Map<ResourceKind, ObjectNode> DEFINITIONS = new EnumMap<>(ResourceKind.class);

    static {
        for (ResourceKind kind : ResourceKind.values()) {
            String text = read(kind.crdResource());
            MANIFESTS.put(kind, text);
            DEFINITIONS.put(kind, ProtectYaml.parse(kind.crdResource(), text).get(0).tree());
        }
    }

    private Crds() {
    }

    /** The CRD as YAML text, ready for {@code kubectl apply -f -}. */
    public static String manifest(ResourceKind kind) {
        return MANIFESTS.get(kind);
    }

    /** All nine manifests in {@link ResourceKind} order. */
    public static List<String> manifests() {
        return new ArrayList<>(MANIFESTS.values());
    }

    /** Copies of all nine CRDs as trees, in {@link ResourceKind} order: what a cluster installs. */
    public static List<ObjectNode> definitions() {
        List<ObjectNode> all = new ArrayList<>();
        DEFINITIONS.values().forEach(d -> all.add(d.deepCopy()));
        return all;
    }

    /** A copy of the CRD as a tree. */
    public static ObjectNode definition(ResourceKind kind) {
        return DEFINITIONS.get(kind).deepCopy();
    }

    /** The openAPIV3Schema of the served version (read-only: shared). */
    public static JsonNode schema(ResourceKind kind) {
        return DEFINITIONS.get(kind).path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
    }

    private static String read(String resource) {
        try (InputStream in = Crds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
