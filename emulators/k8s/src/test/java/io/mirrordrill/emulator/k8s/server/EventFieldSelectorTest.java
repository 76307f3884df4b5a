package io.mirrordrill.emulator.k8s.server;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field labels the API server adds for Events and Pods, and the kubelet's log timestamps. */
class EventFieldSelectorTest {
    private static final ResourceKind EVENT = new ResourceKind("", "v1", "Event", "events", true, false);
    private static final ResourceKind EVENT_V1 = new ResourceKind("events.k8s.io", "v1", "Event", "events", true,
            false);
    private static final ResourceKind POD = new ResourceKind("", "v1", "Pod", "pods", true, true);

    private static GenericKubernetesResource event(String involvedField) {
        GenericKubernetesResource e = Resources.generic("v1", "Event", "app", "db-0.18a2");
        e.setAdditionalProperty(involvedField, Map.of("kind", "Pod", "name", "db-0", "namespace", "app", "uid", "u-1"));
        e.setAdditionalProperty("reason", "Started");
        e.setAdditionalProperty("type", "Normal");
        e.setAdditionalProperty("source", Map.of("component", "kubelet"));
        return e;
    }

    @Test
    void kubectlDescribesSelectorFindsAnObjectsEventsByInvolvedObject() {
        GenericKubernetesResource e = event("involvedObject");
        assertTrue(FieldSelector.parse("involvedObject.name=db-0,involvedObject.namespace=app,"
                + "involvedObject.kind=Pod,involvedObject.uid=u-1", EVENT).matches(e));
        assertFalse(FieldSelector.parse("involvedObject.name=db-1", EVENT).matches(e));
        assertTrue(FieldSelector.parse("type!=Warning,reason=Started,source=kubelet", EVENT).matches(e));
        assertFalse(FieldSelector.parse("involvedObject.fieldPath=spec", EVENT).matches(e), "absent is empty");
    }

    @Test
    void theEventsK8sIoViewAnswersTheSameLabelsOnItsRegardingField() {
        assertTrue(FieldSelector.parse("involvedObject.name=db-0", EVENT_V1).matches(event("regarding")));
    }

    @Test
    void podsHaveTheirPhaseLabelAndOtherKindsStillRefuseUnknownFields() {
        GenericKubernetesResource pod = Resources.generic("v1", "Pod", "app", "db-0");
        pod.setAdditionalProperty("status", Map.of("phase", "Running"));
        assertTrue(FieldSelector.parse("status.phase=Running", POD).matches(pod));
        assertEquals("field label not supported: reason", assertThrows(KubernetesException.class,
                () -> FieldSelector.parse("reason=Started", POD)).getMessage());
    }

    @Test
    void logTimestampsAreGosRfc3339NanoWithoutTrailingZeros() {
        assertEquals("2026-01-01T00:30:24Z", PodLogRequests.rfc3339Nano(Instant.parse("2026-01-01T00:30:24Z")));
        assertEquals("2026-01-01T00:30:24.0004Z",
                PodLogRequests.rfc3339Nano(Instant.parse("2026-01-01T00:30:24.000400Z")));
        assertEquals("2026-01-01T00:30:24.123456789Z",
                PodLogRequests.rfc3339Nano(Instant.parse("2026-01-01T00:30:24.123456789Z")));
    }
}
