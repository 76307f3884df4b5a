package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI documents, field validation and tables, from the definitions of a cluster's kinds. */
class SchemaServingTest {
    private static final String PROTECT = "protect.trident.netapp.io";

    private final World world = new World(3);
    private final KubernetesPort api;

    SchemaServingTest() {
        world.network().site("dc");
        api = new KubernetesCluster(world, "k", "dc").port();
        for (ObjectNode crd : ProtectCrds.trees()) {
            api.create(Resources.fromTree(crd));
        }
    }

    private KindDefinition definition(String apiVersion, String kind) {
        return KindDefinitions.of(api.kinds().stream().filter(k -> k.apiVersion().equals(apiVersion)
                && k.kind().equals(kind)).findFirst().orElseThrow(), api);
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return Resources.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theCoreDocumentNamesKindsAsTheApiServerAndCarriesWhatKubectlReads() {
        JsonNode doc = json(OpenApiV3.document(List.of(definition("v1", "Pod"), definition("v1", "ConfigMap")),
                true));

        JsonNode pod = doc.path("components").path("schemas").path("io.k8s.api.core.v1.Pod");
        assertEquals("[{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}]",
                pod.path("x-kubernetes-group-version-kind").toString());
        JsonNode containers = doc.path("components").path("schemas").path("io.k8s.api.core.v1.PodSpec")
                .path("properties").path("containers");
        assertEquals("name", containers.path("x-kubernetes-patch-merge-key").asText());
        assertEquals("merge", containers.path("x-kubernetes-patch-strategy").asText());
        assertTrue(doc.path("components").path("schemas").has("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
        JsonNode patch = doc.path("paths").path("/api/v1/namespaces/{namespace}/pods/{name}").path("patch");
        assertEquals("Pod", patch.path("x-kubernetes-group-version-kind").path("kind").asText());
        List<String> params = new ArrayList<>();
        patch.path("parameters").forEach(p -> params.add(p.path("name").asText()));
        assertTrue(params.contains("fieldValidation"), "what kubectl checks before sending fieldValidation=Strict");
        assertTrue(patch.path("requestBody").path("content").has("application/strategic-merge-patch+json"));
        assertTrue(doc.path("paths").has("/api/v1/namespaces/{namespace}/pods/{name}/exec"));
        assertTrue(doc.path("paths").has("/api/v1/configmaps"), "listing in all namespaces");
    }

    @Test
    void aCustomKindIsPublishedFromItsCrdWithObjectMetaAndWithoutStrategicMerge() {
        KindDefinition amr = definition(PROTECT + "/v1", "AppMirrorRelationship");
        JsonNode doc = json(OpenApiV3.document(List.of(amr), false));

        JsonNode schemas = doc.path("components").path("schemas");
        JsonNode schema = schemas.path("io.netapp.trident.protect.v1.AppMirrorRelationship");
        assertEquals("string", schema.path("properties").path("spec").path("properties").path("desiredState")
                .path("type").asText());
        assertEquals("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
                schema.path("properties").path("metadata").path("allOf").get(0).path("$ref").asText());
        assertTrue(schemas.has("io.netapp.trident.protect.v1.AppMirrorRelationshipList"));
        JsonNode patch = doc.path("paths")
                .path("/apis/" + PROTECT + "/v1/namespaces/{namespace}/appmirrorrelationships/{name}").path("patch");
        assertFalse(patch.path("requestBody").path("content").has("application/strategic-merge-patch+json"));
        assertEquals(List.of("amr"), amr.shortNames());
    }

    @Test
    void theIndexHashChangesWhenADocumentChanges() {
        byte[] before = OpenApiV3.document(List.of(definition("v1", "ConfigMap")), false);
        String a = OpenApiV3.index(Map.of("api/v1", before)).path("paths").path("api/v1").path("serverRelativeURL")
                .asText();
        String b = OpenApiV3.index(Map.of("api/v1", OpenApiV3.document(List.of(definition("v1", "ConfigMap"),
                definition("v1", "Secret")), false))).path("paths").path("api/v1").path("serverRelativeURL").asText();

        assertTrue(a.startsWith("/openapi/v3/api/v1?hash="), a);
        assertNotEquals(a, b);
    }

    @Test
    void strictValidationRefusesUnknownAndDuplicateFieldsWithTheApiServersMessage() {
        KubernetesException e = assertThrows(KubernetesException.class, () -> FieldValidation.check(
                definition("v1", "Pod"), bytes("{\"metadata\":{\"name\":\"p\",\"name\":\"q\"},\"spec\":{\"containers\":"
                        + "[{\"name\":\"a\",\"imagee\":\"x\"}],\"foo\":1}}"), FieldValidation.Directive.STRICT));

        assertEquals(400, e.code());
        assertEquals("Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: duplicate field "
                + "\"metadata.name\", unknown field \"spec.containers[0].imagee\", unknown field \"spec.foo\"",
                e.getMessage());
    }

    @Test
    void mapsPreservedFieldsAndPatchDirectivesAreNotUnknown() {
        FieldValidation.Checked pod = FieldValidation.check(definition("v1", "Pod"), bytes("{\"metadata\":{\"labels\":"
                + "{\"any\":\"thing\"}},\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"a\"}],\"containers\":"
                + "[{\"name\":\"a\",\"resources\":{\"requests\":{\"storage\":\"1Gi\"}}}]}}"),
                FieldValidation.Directive.STRICT);
        assertEquals(List.of(), pod.warnings());
        FieldValidation.Checked amr = FieldValidation.check(definition(PROTECT + "/v1", "AppMirrorRelationship"),
                bytes("{\"spec\":{\"desiredState\":\"Established\",\"notYetKnown\":true}}"),
                FieldValidation.Directive.STRICT);
        assertEquals(List.of(), amr.warnings(), "the CRD preserves unknown fields under spec");
    }

    @Test
    void warnDropsUnknownFieldsWithAWarningEachAndIgnoreDropsThemSilently() {
        byte[] body = bytes("{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"b\"},\"datax\":{}}");

        FieldValidation.Checked warned = FieldValidation.check(definition("v1", "ConfigMap"), body,
                FieldValidation.Directive.WARN);
        FieldValidation.Checked ignored = FieldValidation.check(definition("v1", "ConfigMap"), body,
                FieldValidation.Directive.IGNORE);

        assertEquals(List.of("unknown field \"datax\""), warned.warnings());
        assertEquals("{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"b\"}}", new String(warned.body(),
                StandardCharsets.UTF_8));
        assertEquals(List.of(), ignored.warnings());
        assertFalse(json(ignored.body()).has("datax"));
        assertEquals(422, assertThrows(KubernetesException.class,
                () -> FieldValidation.directive("Loose", "POST")).code());
    }

    @Test
    void tablesAreAskedForInTheAcceptHeaderInEitherVersion() {
        assertEquals("v1", Tables.requested("application/json;as=Table;v=v1;g=meta.k8s.io,application/json;"
                + "as=Table;v=v1beta1;g=meta.k8s.io,application/json").orElseThrow());
        assertEquals("v1beta1", Tables.requested("application/json;as=Table;v=v1beta1;g=meta.k8s.io").orElseThrow());
        assertTrue(Tables.requested("application/json").isEmpty());
        assertTrue(Tables.requested(null).isEmpty());
    }

    @Test
    void aCrdTableHasNameThenItsColumnsWithTypedCellsAndAgesAtNow() {
        JsonNode amr = json(bytes("{\"metadata\":{\"name\":\"m\",\"creationTimestamp\":\"2026-01-01T00:00:00Z\","
                + "\"resourceVersion\":\"7\"},\"spec\":{\"sourceApplicationName\":\"shop\",\"desiredState\":"
                + "\"Established\"},\"status\":{\"state\":\"Established\"}}"));
        Tables.Printer printer = Tables.printer(definition(PROTECT + "/v1", "AppMirrorRelationship"));

        JsonNode table = Tables.table("v1", printer, amr, null, Instant.parse("2026-01-01T02:00:00Z"), true);

        List<String> names = new ArrayList<>();
        table.path("columnDefinitions").forEach(c -> names.add(c.path("name").asText()));
        assertEquals(List.of("Name", "Desired State", "State", "Error", "Age"),
                names);
        assertEquals("[\"m\",\"Established\",\"Established\",null,\"120m\"]",
                table.path("rows").get(0).path("cells").toString());
        assertEquals("PartialObjectMetadata", table.path("rows").get(0).path("object").path("kind").asText());
        assertEquals("7", table.path("metadata").path("resourceVersion").asText());
        assertFalse(Tables.table("v1", printer, amr, "None", Instant.EPOCH, false).path("rows").get(0)
                .has("object"));
        assertEquals(0, Tables.table("v1", printer, amr, "Object", Instant.EPOCH, false).path("columnDefinitions")
                .size(), "a watch's later events leave the columns out");
    }

    @Test
    void crdJsonPathsFindFieldsIndexesAndFilteredElements() {
        JsonNode o = json(bytes("{\"status\":{\"conditions\":[{\"type\":\"A\",\"status\":\"False\"},"
                + "{\"type\":\"Ready\",\"status\":\"True\"}]}}"));

        assertEquals("True", CrdColumns.find(o, ".status.conditions[?(@.type==\"Ready\")].status").orElseThrow()
                .asText());
        assertEquals("A", CrdColumns.find(o, ".status.conditions[0].type").orElseThrow().asText());
        assertEquals("Ready", CrdColumns.find(o, ".status.conditions[-1].type").orElseThrow().asText());
        assertTrue(CrdColumns.find(o, ".spec.missing").isEmpty());
    }

    @Test
    void aPodRowCountsReadyContainersAndTakesTheStatusFromTheirStates() {
        JsonNode pod = json(bytes("{\"metadata\":{\"name\":\"p\",\"creationTimestamp\":\"2026-01-01T00:00:00Z\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"nodeName\":\"n1\"},\"status\":"
                + "{\"phase\":\"Running\",\"podIP\":\"10.0.0.5\",\"containerStatuses\":["
                + "{\"name\":\"a\",\"ready\":true,\"restartCount\":2,\"state\":{\"running\":{}}},"
                + "{\"name\":\"b\",\"ready\":false,\"restartCount\":1,\"state\":{\"waiting\":{\"reason\":"
                + "\"CrashLoopBackOff\"}}}]}}"));
        Tables.Printer printer = Tables.printer(definition("v1", "Pod"));

        JsonNode cells = Tables.table("v1", printer, pod, "None", Instant.parse("2026-01-01T00:05:00Z"), true)
                .path("rows").get(0).path("cells");

        assertEquals("[\"p\",\"1/2\",\"CrashLoopBackOff\",\"3\",\"5m\",\"10.0.0.5\",\"n1\",\"<none>\",\"<none>\"]",
                cells.toString());
    }

    @Test
    void everyBuiltInKindHasASchemaAndTheSnapshotKindsTheirCrdsColumns() {
        for (ResourceKind k : api.kinds()) {
            KindDefinition d = KindDefinitions.of(k, api);
            assertTrue(d.root().isPresent(), k.apiVersion() + " " + k.kind() + " has a schema");
        }
        KindDefinition vs = definition("snapshot.storage.k8s.io/v1", "VolumeSnapshot");
        assertEquals(List.of("vs"), vs.shortNames());
        assertEquals("ReadyToUse", vs.printerColumns().get(0).path("name").asText());
    }
}
