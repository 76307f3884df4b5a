package io.mirrordrill.emulator.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.ExpiredException;
import io.mirrordrill.port.kubernetes.InvalidException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.UnknownKindException;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.port.kubernetes.WatchListener;
import io.mirrordrill.sim.Trace;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubernetesClusterTest {
    private static final Duration LATENCY = Duration.ofMillis(40);

    private final World world = new World(11);
    private final KubernetesCluster cluster;
    private final KubernetesPort local;
    private final KubernetesPort remote;

    KubernetesClusterTest() {
        world.network().site("dc").site("dr").link("dc", "dr", LATENCY, 1_000_000);
        cluster = new KubernetesCluster(world, "east", "dc");
        local = cluster.port();
        remote = cluster.port("dr");
    }

    @Test
    void aNewClusterHasTheStandardNamespacesWithTheirFinalizerPhaseAndNameLabel() {
        List<GenericKubernetesResource> namespaces = local.list("v1", "Namespace", null, null);
        assertEquals(KubernetesCluster.INITIAL_NAMESPACES, namespaces.stream().map(n -> n.getMetadata().getName())
                .toList());
        GenericKubernetesResource ns = namespaces.get(0);
        assertEquals(Map.of("finalizers", List.of("kubernetes")), ns.get("spec"));
        assertEquals(Map.of("phase", "Active"), ns.get("status"));
        assertEquals(Map.of("kubernetes.io/metadata.name", "default"), ns.getMetadata().getLabels());
    }

    @Test
    void theSameSeedGivesTheSameUidsNamesAndTrace() {
        List<String> first = script(new World(5));
        assertEquals(first, script(new World(5)));
        assertNotEquals(first.get(0), script(new World(6)).get(0));
    }

    private static List<String> script(World world) {
        world.network().site("dc");
        KubernetesPort port = new KubernetesCluster(world, "east", "dc").port();
        world.advance(Duration.ofMinutes(3));
        GenericKubernetesResource cm = Resources.generic("v1", "ConfigMap", "default", null);
        cm.getMetadata().setGenerateName("run-");
        GenericKubernetesResource created = port.create(cm);
        port.delete(created);
        return List.of(created.getMetadata().getUid(), created.getMetadata().getName(),
                created.getMetadata().getCreationTimestamp(), world.trace().hash());
    }

    @Test
    void timestampsComeFromTheWorldClockInWholeSeconds() {
        world.advance(Duration.ofMinutes(90).plusMillis(700));
        GenericKubernetesResource cm = configMap("cfg");
        cm.getMetadata().setFinalizers(List.of("mirrordrill.io/hold"));
        assertEquals("2026-01-01T01:30:00Z", local.create(cm).getMetadata().getCreationTimestamp());
        world.advance(Duration.ofSeconds(5));
        local.delete("v1", "ConfigMap", "default", "cfg");
        GenericKubernetesResource marked = local.get("v1", "ConfigMap", "default", "cfg").orElseThrow();
        assertEquals("2026-01-01T01:30:05Z", marked.getMetadata().getDeletionTimestamp());
        assertEquals(0L, marked.getMetadata().getDeletionGracePeriodSeconds());
        assertEquals(2L, marked.getMetadata().getGeneration(), "marking for deletion bumps generation");
    }

    @Test
    void anObjectBeingDeletedTakesNoNewFinalizers() {
        GenericKubernetesResource cm = configMap("cfg");
        cm.getMetadata().setFinalizers(List.of("mirrordrill.io/a"));
        local.create(cm);
        local.delete(cm);
        InvalidException e = assertThrows(InvalidException.class, () -> local.patch("v1", "ConfigMap", "default",
                "cfg", "{\"metadata\":{\"finalizers\":[\"mirrordrill.io/a\",\"mirrordrill.io/b\"]}}"));
        assertEquals("ConfigMap \"cfg\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if"
                + " the object is being deleted, found new finalizers []string{\"mirrordrill.io/b\"}", e.getMessage());
    }

    @Test
    void mutationsAreRecordedInTheWorldTrace() {
        List<Trace.Entry> entries = new ArrayList<>();
        world.trace().subscribe(entries::add);
        local.create(configMap("cfg"));
        local.patch("v1", "ConfigMap", "default", "cfg", "{\"data\":{\"k\":\"v\"}}");
        local.delete("v1", "ConfigMap", "default", "cfg");
        long rv = cluster.revision();
        assertEquals(List.of("create configmaps default/cfg rv=" + (rv - 2),
                "update configmaps default/cfg rv=" + (rv - 1), "remove configmaps default/cfg rv=" + rv),
                entries.stream().map(Trace.Entry::message).toList());
        assertTrue(entries.stream().allMatch(e -> e.source().equals("k8s/east")));
    }

    @Test
    void aWriteThatChangesNothingKeepsItsResourceVersionAndSendsNoEvent() {
        GenericKubernetesResource created = local.create(configMap("cfg"));
        Recorder events = watch(remote, "10");
        world.advance(Duration.ofSeconds(1));
        int before = events.events.size();
        GenericKubernetesResource same = local.update(Resources.toGeneric(created));
        assertEquals(created.getMetadata().getResourceVersion(), same.getMetadata().getResourceVersion());
        world.advance(Duration.ofSeconds(1));
        assertEquals(before, events.events.size());
    }

    @Test
    void watchEventsAreSimulatedEventsThatTravelWithTheLinkLatency() {
        Recorder events = watch(remote, Long.toString(cluster.revision()));
        Instant written = world.now();
        local.create(configMap("cfg"));
        assertEquals(List.of(), events.events, "nothing is delivered inside the write");
        world.advance(LATENCY.minusMillis(1));
        assertEquals(List.of(), events.events);
        world.advance(Duration.ofMillis(1));
        assertEquals(1, events.events.size());
        assertEquals(written.plus(LATENCY), events.arrivals.get(0));
    }

    @Test
    void aWatchWhoseLinkBreaksIsClosedWithUnreachable() {
        Recorder events = watch(remote, Long.toString(cluster.revision()));
        world.network().partition("dc", "dr");
        local.create(configMap("cfg"));
        world.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), events.events);
        assertInstanceOf(UnreachableException.class, events.closedBy);
        world.network().heal("dc", "dr");
        local.create(configMap("cfg-2"));
        world.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), events.events, "a closed watch stays closed");
    }

    @Test
    void aDownSiteMakesTheClusterUnreachableEvenLocally() {
        world.network().siteDown("dc");
        UnreachableException e = assertThrows(UnreachableException.class,
                () -> local.get("v1", "ConfigMap", "default", "x"));
        assertEquals("k8s/east", e.endpoint());
    }

    @Test
    void resumingAWatchFromAForgottenResourceVersionFailsWithExpired() {
        String old = local.create(configMap("cfg")).getMetadata().getResourceVersion();
        // one more change than the history holds, so the first change after `old` is forgotten
        for (int i = 0; i <= KubernetesCluster.WATCH_HISTORY; i++) {
            local.patch("v1", "ConfigMap", "default", "cfg", "{\"data\":{\"i\":\"" + i + "\"}}");
        }
        ExpiredException e = assertThrows(ExpiredException.class, () -> watch(remote, old));
        assertEquals(410, e.code());
        watch(remote, Long.toString(cluster.revision() - 5));
    }

    @Test
    void aCrdChangeTakesEffectAndDeletingItRemovesItsObjectsAndKind() {
        local.create(appVaultCrd(Map.of()));
        assertFalse(local.resolve("protect.trident.netapp.io/v1", "AppVault").statusSubresource());
        GenericKubernetesResource current = local.get("apiextensions.k8s.io/v1", "CustomResourceDefinition", null,
                "appvaults.protect.trident.netapp.io").orElseThrow();
        GenericKubernetesResource withStatus = appVaultCrd(Map.of("status", Map.of()));
        withStatus.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
        local.update(withStatus);
        assertTrue(local.resolve("protect.trident.netapp.io/v1", "AppVault").statusSubresource());
        local.create(Resources.generic("protect.trident.netapp.io/v1", "AppVault", "default", "vault"));
        local.delete(withStatus);
        assertThrows(UnknownKindException.class, () -> local.resolve("protect.trident.netapp.io/v1", "AppVault"));
        ResourceKind gone = new ResourceKind("protect.trident.netapp.io", "v1", "AppVault", "appvaults", true, true);
        cluster.kinds().register(gone);
        assertTrue(local.list("protect.trident.netapp.io/v1", "AppVault", null, null).isEmpty());
    }

    private static GenericKubernetesResource appVaultCrd(Map<String, Object> subresources) {
        GenericKubernetesResource crd = Resources.generic("apiextensions.k8s.io/v1", "CustomResourceDefinition", null,
                "appvaults.protect.trident.netapp.io");
        crd.setAdditionalProperty("spec", Map.of("group", "protect.trident.netapp.io", "scope", "Namespaced",
                "names", Map.of("kind", "AppVault", "plural", "appvaults"),
                "versions", List.of(Map.of("name", "v1", "served", true, "storage", true,
                        "subresources", subresources))));
        return crd;
    }

    @Test
    void aNamespaceHeldByItsOwnFinalizerOutlivesItsContents() {
        GenericKubernetesResource ns = Resources.generic("v1", "Namespace", null, "app");
        ns.getMetadata().setFinalizers(List.of("mirrordrill.io/hold"));
        local.create(ns);
        GenericKubernetesResource cm = configMap("cfg");
        cm.getMetadata().setNamespace("app");
        local.create(cm);
        local.delete("v1", "Namespace", null, "app");
        world.advance(Namespaces.SYNC_DELAY.multipliedBy(3));
        assertTrue(local.get("v1", "ConfigMap", "app", "cfg").isEmpty());
        GenericKubernetesResource terminating = local.get("v1", "Namespace", null, "app").orElseThrow();
        assertEquals(Map.of("finalizers", List.of()), terminating.get("spec"));
        local.patch("v1", "Namespace", null, "app", "{\"metadata\":{\"finalizers\":null}}");
        assertTrue(local.get("v1", "Namespace", null, "app").isEmpty());
    }

    private Recorder watch(KubernetesPort port, String resourceVersion) {
        Recorder recorder = new Recorder();
        port.watch("v1", "ConfigMap", "default", null, resourceVersion, recorder);
        return recorder;
    }

    private static GenericKubernetesResource configMap(String name) {
        return Resources.generic("v1", "ConfigMap", "default", name);
    }

    private final class Recorder implements WatchListener {
        final List<WatchEvent> events = new ArrayList<>();
        final List<Instant> arrivals = new ArrayList<>();
        MirrordrillException closedBy;

        @Override
        public void onEvent(WatchEvent event) {
            events.add(event);
            arrivals.add(world.now());
        }

        @Override
        public void onClose(MirrordrillException cause) {
            closedBy = cause;
        }
    }
}
