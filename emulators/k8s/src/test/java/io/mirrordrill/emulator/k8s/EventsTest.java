package io.mirrordrill.emulator.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventsTest {
    private final World world = new World(3);
    private final KubernetesCluster cluster;
    private final KubernetesPort api;
    private final EventRecorder recorder;
    private final EventRecorder.Involved pod = new EventRecorder.Involved("v1", "Pod", "default", "db-0", "uid-1",
            "7");

    EventsTest() {
        world.network().site("dc");
        cluster = new KubernetesCluster(world, "east", "dc");
        api = cluster.port();
        recorder = new EventRecorder(api, world, "kubelet", "east-node");
    }

    private List<GenericKubernetesResource> events() {
        return api.list("v1", "Event", "default", null);
    }

    @Test
    void aRepeatedEventCountsUpOnOneObjectWithItsFirstAndLastTimestamps() {
        recorder.warning(pod, "FailedMount", "volume is read-only");
        world.advance(Duration.ofSeconds(30));
        recorder.warning(pod, "FailedMount", "volume is read-only");
        recorder.warning(pod, "FailedMount", "volume is read-only");
        recorder.normal(pod, "Started", "Started container db");

        List<GenericKubernetesResource> events = events();
        assertEquals(2, events.size(), "a different reason is another Event");
        GenericKubernetesResource failed = events.stream().filter(e -> "FailedMount".equals(e.get("reason")))
                .findFirst().orElseThrow();
        assertEquals(Integer.valueOf(3), failed.<Integer>get("count"));
        assertEquals("Warning", failed.get("type"));
        assertEquals(world.now().minusSeconds(30).toString(), failed.get("firstTimestamp"));
        assertEquals(world.now().toString(), failed.get("lastTimestamp"));
        assertTrue(failed.getMetadata().getName().startsWith("db-0."), failed.getMetadata().getName());
        assertEquals(Map.of("apiVersion", "v1", "kind", "Pod", "name", "db-0", "namespace", "default",
                "resourceVersion", "7", "uid", "uid-1"), failed.get("involvedObject"));
        assertEquals(Map.of("component", "kubelet", "host", "east-node"), failed.get("source"));
        assertEquals("kubelet", failed.get("reportingComponent"));
    }

    @Test
    void anEventGoesAnHourAfterItsLastWriteWithADeletedWatchEvent() {
        recorder.normal(pod, "Started", "Started container db");
        List<WatchEvent> seen = new ArrayList<>();
        api.watch("v1", "Event", "default", null, Long.toString(cluster.revision()), seen::add);
        world.advance(Duration.ofMinutes(59));
        recorder.normal(pod, "Started", "Started container db"); // renews the hour
        recorder.normal(pod, "Pulled", "Container image \"db:1\" already present on machine");
        world.advance(Duration.ofMinutes(59));
        assertEquals(2, events().size(), "written again 59 minutes ago: still there");

        world.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), events(), "an hour after the last write, listing finds it gone");
        world.advance(Duration.ofSeconds(1));
        assertEquals(List.of(WatchEvent.Type.MODIFIED, WatchEvent.Type.ADDED, WatchEvent.Type.DELETED,
                WatchEvent.Type.DELETED), seen.stream().map(WatchEvent::type).toList());
    }

    @Test
    void anExpiredEventThatHappensAgainIsWrittenAgainUnderItsNameWithItsCount() {
        recorder.normal(pod, "Started", "Started container db");
        String name = events().get(0).getMetadata().getName();
        world.advance(Duration.ofMinutes(61));
        recorder.normal(pod, "Started", "Started container db");
        List<GenericKubernetesResource> events = events();
        assertEquals(1, events.size());
        assertEquals(name, events.get(0).getMetadata().getName());
        assertEquals(Integer.valueOf(2), events.get(0).<Integer>get("count"));
    }

    @Test
    void eventsK8sIoV1ServesTheSameObjectsInItsOwnSchema() {
        recorder.warning(pod, "FailedMount", "volume is read-only");
        GenericKubernetesResource core = events().get(0);
        List<GenericKubernetesResource> v1 = api.list("events.k8s.io/v1", "Event", "default", null);
        assertEquals(1, v1.size());
        GenericKubernetesResource e = v1.get(0);
        assertEquals("events.k8s.io/v1", e.getApiVersion());
        assertEquals(core.getMetadata().getName(), e.getMetadata().getName());
        assertEquals(core.getMetadata().getResourceVersion(), e.getMetadata().getResourceVersion());
        assertEquals("volume is read-only", e.get("note"));
        assertEquals("kubelet", e.get("reportingController"));
        assertEquals(Integer.valueOf(1), e.<Integer>get("deprecatedCount"));
        assertEquals(core.<Object>get("involvedObject"), e.get("regarding"));
        assertNull(e.get("message"));

        GenericKubernetesResource created = new GenericKubernetesResource();
        created.setApiVersion("events.k8s.io/v1");
        created.setKind("Event");
        created.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("x.1")
                .withNamespace("default").build());
        created.setAdditionalProperty("note", "written through events.k8s.io");
        created.setAdditionalProperty("reason", "Tested");
        api.create(created);
        GenericKubernetesResource asCore = api.get("v1", "Event", "default", "x.1").orElseThrow();
        assertEquals("written through events.k8s.io", asCore.get("message"));
        assertEquals("v1", Resources.toTree(asCore).path("apiVersion").asText());
    }

    @Test
    void anEventIntoAMissingNamespaceIsDroppedWithoutFailingTheCaller() {
        recorder.normal(new EventRecorder.Involved("v1", "Pod", "nowhere", "p", "u", null), "Started", "x");
        assertEquals(1, recorder.dropped());
    }

    @Test
    void aClusterScopedObjectsEventsGoToTheDefaultNamespace() {
        recorder.normal(new EventRecorder.Involved("v1", "Node", null, "east-node", "n-1", null), "Ready", "ok");
        assertEquals("Node", ((Map<?, ?>) events().get(0).get("involvedObject")).get("kind"));
    }

    @Test
    void aMessageLongerThanTheApiAllowsIsCutTo1024Characters() {
        recorder.normal(pod, "Long", "y".repeat(5000));
        String message = events().get(0).get("message");
        assertEquals(1024, message.length());
        assertTrue(message.endsWith("..."));
    }
}
