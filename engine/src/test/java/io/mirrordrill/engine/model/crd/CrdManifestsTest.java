package io.mirrordrill.engine.model.crd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceKind;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrdManifestsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> COLUMN_TYPES = Set.of("string", "integer", "number", "boolean", "date");

    private static CustomResourceDefinition crd(ResourceKind kind) throws Exception {
        return MAPPER.treeToValue(Crds.definition(kind), CustomResourceDefinition.class);
    }

    @ParameterizedTest
    @EnumSource(ResourceKind.class)
    void everyCrdIsANamespacedV1DefinitionOfItsKindWithAStatusSubresource(ResourceKind kind) throws Exception {
        CustomResourceDefinition crd = crd(kind);
        assertEquals("apiextensions.k8s.io/v1", crd.getApiVersion());
        assertEquals("CustomResourceDefinition", crd.getKind());
        assertEquals(kind.plural() + "." + ProtectApi.GROUP, crd.getMetadata().getName());
        assertEquals(ProtectApi.GROUP, crd.getSpec().getGroup());
        assertEquals("Namespaced", crd.getSpec().getScope());
        assertEquals(kind.kind(), crd.getSpec().getNames().getKind());
        assertEquals(kind.kind() + "List", crd.getSpec().getNames().getListKind());
        assertEquals(kind.plural(), crd.getSpec().getNames().getPlural());
        assertEquals(kind.kind().toLowerCase(Locale.ROOT), crd.getSpec().getNames().getSingular());
        assertEquals(kind.shortNames(), crd.getSpec().getNames().getShortNames());
        assertEquals(1, crd.getSpec().getVersions().size());
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        assertEquals(ProtectApi.VERSION, version.getName());
        assertTrue(version.getServed() && version.getStorage());
        assertNotNull(version.getSubresources().getStatus(), "status subresource");
        assertEquals("object", version.getSchema().getOpenAPIV3Schema().getType());
    }

    @Test
    void theAppMirrorRelationshipIsAmrAndPrintsTheColumnsOfKubectlGetAmrOnARealCluster() throws Exception {
        CustomResourceDefinition crd = crd(ResourceKind.APP_MIRROR_RELATIONSHIP);
        assertEquals(List.of("amr"), crd.getSpec().getNames().getShortNames());
        List<String> columns = new ArrayList<>();
        for (CustomResourceColumnDefinition column : crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns()) {
            columns.add(column.getName().toUpperCase(Locale.ROOT) + "=" + column.getJsonPath() + ":" + column.getType());
        }
        // kubectl always prints NAME first; the CRD declares the rest.
        assertEquals(List.of(
                "DESIRED STATE=.spec.desiredState:string",
                "STATE=.status.state:string",
                "ERROR=.status.error:string",
                "AGE=.metadata.creationTimestamp:date"), columns);
    }

    @Test
    void allEightManifestsAreShippedInKindOrder() {
        List<String> manifests = Crds.manifests();
        assertEquals(ResourceKind.values().length, manifests.size());
        for (int i = 0; i < manifests.size(); i++) {
            ResourceKind kind = ResourceKind.values()[i];
            assertTrue(manifests.get(i).contains("name: " + kind.crdName()), kind.crdName());
            assertEquals(Crds.definition(kind), ProtectYaml.parse("m", manifests.get(i)).get(0).tree());
        }
    }

    @ParameterizedTest
    @EnumSource(ResourceKind.class)
    void printerColumnsHaveValidTypesAndPointAtDeclaredFields(ResourceKind kind) throws Exception {
        JsonNode schema = Crds.schema(kind);
        for (CustomResourceColumnDefinition column : crd(kind).getSpec().getVersions().get(0)
                .getAdditionalPrinterColumns()) {
            assertTrue(COLUMN_TYPES.contains(column.getType()), column.getType());
            String path = column.getJsonPath();
            assertTrue(path.startsWith("."), path);
            if (path.equals(".metadata.creationTimestamp")) {
                continue;
            }
            JsonNode node = schema;
            for (String segment : path.substring(1).split("\\.")) {
                node = node.path("properties").path(segment);
            }
            assertTrue(node.isObject(), kind + " column " + column.getName() + " points at undeclared " + path);
        }
    }

    /**
     * The rules of a structural schema, which a real API server enforces on apiextensions.k8s.io/v1: every node has
     * a type unless it is int-or-string or preserves unknown fields; arrays have items; a node does not declare both
     * properties and additionalProperties; metadata is only {@code type: object}.
     */
    @ParameterizedTest
    @EnumSource(ResourceKind.class)
    void everySchemaIsStructural(ResourceKind kind) {
        JsonNode schema = Crds.schema(kind);
        assertEquals(Set.of("apiVersion", "kind", "metadata", "spec", "status"), names(schema.path("properties")));
        assertEquals(MAPPER.createObjectNode().put("type", "object"), schema.path("properties").path("metadata"));
        structural(schema, "openAPIV3Schema");
    }

    private static void structural(JsonNode node, String path) {
        boolean typeless = node.path("x-kubernetes-int-or-string").asBoolean(false)
                || node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        String type = node.path("type").asText("");
        assertTrue(!type.isEmpty() || typeless, path + " has no type");
        assertTrue(!(node.has("properties") && node.has("additionalProperties")), path + ": both properties kinds");
        if (type.equals("array")) {
            assertTrue(node.path("items").isObject(), path + " has no items");
            structural(node.path("items"), path + "[]");
        }
        if (!type.isEmpty() && !type.equals("object")) {
            assertTrue(!node.has("properties"), path + " is a " + type + " with properties");
        }
        for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
            structural(property.getValue(), path + "." + property.getKey());
        }
        if (node.path("additionalProperties").isObject()) {
            structural(node.path("additionalProperties"), path + ".*");
        }
    }

    /** Every field the model writes is declared with a matching type, so a real API server keeps and accepts it. */
    @ParameterizedTest
    @EnumSource(ResourceKind.class)
    void everyFieldOfTheModelIsDeclaredInTheSchemaWithAMatchingType(ResourceKind kind) {
        JsonNode properties = Crds.schema(kind).path("properties");
        JavaType type = MAPPER.constructType(kind.type());
        for (BeanPropertyDefinition property : properties(type)) {
            if (Set.of("apiVersion", "kind", "metadata").contains(property.getName())) {
                continue;
            }
            matches(property.getPrimaryType(), properties.path(property.getName()), kind.kind() + "."
                    + property.getName());
        }
    }

    private static List<BeanPropertyDefinition> properties(JavaType type) {
        List<BeanPropertyDefinition> result = new ArrayList<>();
        for (BeanPropertyDefinition property : MAPPER.getSerializationConfig().introspect(type).findProperties()) {
            if (!property.getName().equals("unknownFields")) {
                result.add(property);
            }
        }
        return result;
    }

    private static void matches(JavaType type, JsonNode schema, String path) {
        assertTrue(schema.isObject() && !schema.isEmpty(), path + " is not declared in the CRD");
        Class<?> raw = type.getRawClass();
        String declared = schema.path("type").asText("");
        boolean any = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && declared.isEmpty();
        if (raw == String.class) {
            assertTrue(declared.equals("string") || any, path + " should be a string, is " + declared);
        } else if (raw == Boolean.class) {
            assertEquals("boolean", declared, path);
        } else if (raw == Integer.class || raw == Long.class) {
            assertTrue(declared.equals("integer") || schema.path("x-kubernetes-int-or-string").asBoolean(false), path);
        } else if (raw == Instant.class) {
            assertEquals("string", declared, path);
            assertEquals("date-time", schema.path("format").asText(), path);
        } else if (JsonNode.class.isAssignableFrom(raw)) {
            assertTrue(any, path + " should accept any value");
        } else if (List.class.isAssignableFrom(raw)) {
            assertEquals("array", declared, path);
            matches(type.getContentType(), schema.path("items"), path + "[]");
        } else if (Map.class.isAssignableFrom(raw)) {
            assertEquals("object", declared, path);
            matches(type.getContentType(), schema.path("additionalProperties"), path + ".*");
        } else if (raw == LabelSelector.class) {
            assertEquals(Set.of("matchExpressions", "matchLabels"), names(schema.path("properties")), path);
        } else if (raw != ObjectMeta.class) {
            assertEquals("object", declared, path);
            assertTrue(schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false),
                    path + " must keep unknown fields as the model does");
            for (BeanPropertyDefinition property : properties(type)) {
                matches(property.getPrimaryType(), schema.path("properties").path(property.getName()),
                        path + "." + property.getName());
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
