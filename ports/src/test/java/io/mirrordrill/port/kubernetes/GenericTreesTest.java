package io.mirrordrill.port.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direct conversions give exactly what Jackson's data binding gives: same values, same types, same order. */
class GenericTreesTest {
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final List<String> OBJECTS = List.of(
            """
            {"apiVersion":"protect.trident.netapp.io/v1","kind":"AppMirrorRelationship",
             "metadata":{"name":"amr","namespace":"ns","uid":"u-1","resourceVersion":"42","generation":3,
               "creationTimestamp":"2026-01-01T00:00:00Z","labels":{"a":"b"},"annotations":{"x":"y"},
               "finalizers":["protect.trident.netapp.io/finalizer"],
               "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"o","uid":"u-2","controller":true}]},
             "spec":{"desiredState":"Established","namespaceMapping":[{"source":"a","destination":"b"}],
               "recurrenceRule":"DTSTART:20220101T000200Z\\nRRULE:FREQ=MINUTELY;INTERVAL=5","count":2,
               "big":9007199254740993,"ratio":0.25,"on":true,"nothing":null,"empty":{},"none":[]},
             "status":{"state":"Established","conditions":[{"type":"Ready","status":"True"}]}}
            """,
            """
            {"kind":"ConfigMap","data":{"k":"v"},"metadata":{"name":"c"}}
            """,
            """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"e","labels":{},"annotations":{},"finalizers":[],
             "selfLink":"/x","generateName":"e-"}}
            """,
            """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"odd","labels":null,"generation":"7",
             "somethingNew":{"a":1}}}
            """,
            """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":5,"annotations":{"n":3},"finalizers":[1]}}
            """,
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","deletionTimestamp":"2026-01-01T00:00:01Z",
             "deletionGracePeriodSeconds":30},"spec":{"containers":[{"name":"c","ports":[{"containerPort":80}]}]},
             "status":{"phase":"Running","podIP":null}}
            """,
            """
            {"apiVersion":"v1","kind":"Thing","metadata":null,"spec":[1,[2,[3.5,{"deep":[false]}]]]}
            """,
            """
            {"apiVersion":"v1","kind":"Thing","metadata":{"name":"n"},"spec":{"huge":123456789012345678901234567890,
             "exact":1.10000000000000000000000001}}
            """);

    @Test
    void treesBecomeWhatJacksonMakesOfThem() throws Exception {
        for (String json : OBJECTS) {
            ObjectNode tree = (ObjectNode) JACKSON.readTree(json);
            GenericKubernetesResource expected = JACKSON.treeToValue(tree, GenericKubernetesResource.class);
            GenericKubernetesResource actual = Resources.fromTree(tree);
            assertEquals(expected, actual, json);
            assertEquals(expected.getAdditionalProperties(), actual.getAdditionalProperties(), json);
            assertEquals(JACKSON.writeValueAsString(expected), JACKSON.writeValueAsString(actual), json);
        }
    }

    @Test
    void resourcesBecomeWhatJacksonMakesOfThemInTheSameOrder() throws Exception {
        for (String json : OBJECTS) {
            GenericKubernetesResource r = JACKSON.readValue(json, GenericKubernetesResource.class);
            ObjectNode expected = JACKSON.valueToTree(r);
            ObjectNode actual = Resources.toTree(r);
            assertEquals(expected, actual, json);
            assertEquals(expected.toString(), actual.toString(), json);
        }
    }

    @Test
    void aResourceWithoutHeaderOrWithOtherValueTypesStillConverts() throws Exception {
        GenericKubernetesResource bare = new GenericKubernetesResource();
        bare.setAdditionalProperty("spec", java.util.Map.of("f", 1.5f, "d", new java.math.BigDecimal("2.50")));
        assertEquals(JACKSON.valueToTree(bare).toString(), Resources.toTree(bare).toString());
        assertEquals(JACKSON.valueToTree(new GenericKubernetesResource()).toString(),
                Resources.toTree(new GenericKubernetesResource()).toString());
    }
}
