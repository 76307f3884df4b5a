package io.mirrordrill.contract;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.AlreadyExistsException;
import io.mirrordrill.port.kubernetes.ConflictException;
import io.mirrordrill.port.kubernetes.InvalidException;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.UnknownKindException;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.port.kubernetes.WatchListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one contract of {@link KubernetesPort}: every implementation (the emulator, the fabric8 adapter against a
 * server) runs these tests. A server that lacks a behaviour says so by answering false in {@link #supports}; the
 * tests of that behaviour are then skipped by an assumption whose message names what is missing.
 */
public abstract class KubernetesPortContract {
    protected static final String NS = "app";
    protected static final String DRILL_API = "test.mirrordrill.io/v1";

    /** Behaviours of a real API server that a test server may lack. */
    protected enum Capability {
        NAMESPACE_ADMISSION("NamespaceLifecycle admission: creating in a missing namespace fails with 404"),
        NAMESPACE_FINALIZATION("namespace deletion: phase Terminating, contents deleted, refusal of new content"),
        NAME_VALIDATION("object names validated as RFC 1123 names (422 Invalid)"),
        SET_BASED_SELECTORS("set-based label selectors (in, notin)"),
        WATCH_RESUME("watch from a resourceVersion replays only the changes after it"),
        API_SERVER_CONFLICT_MESSAGE("409 Conflict message naming the resource as the API server does "
                + "(Operation cannot be fulfilled on configmaps \"x\": ...)"),
        BUILTIN_STATUS_SUBRESOURCE("status subresource of built-in kinds (PersistentVolumeClaim, Deployment): "
                + "updates ignore status, status updates ignore the rest"),
        MERGE_PATCH_RFC7386("JSON merge patch per RFC 7386: null removes a member, an array replaces the array"),
        GRACEFUL_POD_DELETION("graceful deletion of scheduled pods: deletionTimestamp and deletionGracePeriodSeconds "
                + "from DeleteOptions' gracePeriodSeconds, removal at 0");

        private final String behaviour;

        Capability(String behaviour) {
            this.behaviour = behaviour;
        }
    }

    protected KubernetesPort port;

    /** A fresh, empty cluster's port for one test. */
    protected abstract KubernetesPort openPort();

    /** Runs {@code assertion} until it passes, letting the cluster (simulated or real) make progress meanwhile. */
    protected abstract void eventually(Runnable assertion);

    /** Cuts the caller off from the cluster. */
    protected abstract void makeUnreachable();

    /** Whether the server under test has the behaviour; true unless overridden. */
    protected boolean supports(Capability capability) {
        return true;
    }

    private void assumeSupported(Capability capability) {
        assumeTrue(supports(capability), () -> "server under test lacks: " + capability.behaviour);
    }

    @BeforeEach
    final void openPortAndNamespace() {
        port = openPort();
        port.create(namespace(NS, Map.of(), Map.of()));
    }

    // ---- CRUD -------------------------------------------------------------------------------------------------

    @Test
    void aScheduledPodDeletedWithAGracePeriodStaysTerminatingUntilDeletedWithGraceZero() {
        assumeSupported(Capability.GRACEFUL_POD_DELETION);
        GenericKubernetesResource pod = new GenericKubernetesResource();
        pod.setApiVersion("v1");
        pod.setKind("Pod");
        pod.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("web").withNamespace(NS)
                .build());
        // scheduled: a pod without a node is deleted at once
        pod.setAdditionalProperty("spec", Map.of("nodeName", "node-1", "containers",
                List.of(Map.of("name", "app", "image", "shop:1"))));
        port.create(pod);

        port.delete("v1", "Pod", NS, "web", 45);

        GenericKubernetesResource terminating = port.get("v1", "Pod", NS, "web").orElseThrow();
        assertEquals(45L, terminating.getMetadata().getDeletionGracePeriodSeconds());
        assertNotNull(terminating.getMetadata().getDeletionTimestamp());
        port.delete("v1", "Pod", NS, "web", 0);
        assertTrue(port.get("v1", "Pod", NS, "web").isEmpty());
    }

    @Test
    void createdObjectGetsUidCreationTimestampResourceVersionAndGenerationOne() {
        GenericKubernetesResource created = port.create(configMap("cfg", Map.of(), Map.of("k", "v")));
        assertFalse(created.getMetadata().getUid().isEmpty());
        assertNotNull(Instant.parse(created.getMetadata().getCreationTimestamp()));
        assertFalse(created.getMetadata().getResourceVersion().isEmpty());
        assertEquals(1L, created.getMetadata().getGeneration());
        assertEquals(NS, created.getMetadata().getNamespace());
    }

    @Test
    void getReturnsTheStoredObjectAndNothingForAMissingOne() {
        GenericKubernetesResource created = port.create(configMap("cfg", Map.of(), Map.of("k", "v")));
        GenericKubernetesResource read = port.get("v1", "ConfigMap", NS, "cfg").orElseThrow();
        assertEquals(created.getMetadata().getUid(), read.getMetadata().getUid());
        assertEquals(Map.of("k", "v"), read.get("data"));
        assertTrue(port.get("v1", "ConfigMap", NS, "missing").isEmpty());
    }

    @Test
    void creatingAnExistingNameFailsWithAlreadyExistsNamingTheObject() {
        port.create(configMap("cfg", Map.of(), Map.of()));
        AlreadyExistsException e = assertThrows(AlreadyExistsException.class,
                () -> port.create(configMap("cfg", Map.of(), Map.of())));
        assertEquals(409, e.code());
        assertObject(e, "ConfigMap", NS, "cfg");
    }

    @Test
    void creatingWithoutNameOrGenerateNameIsInvalid() {
        InvalidException e = assertThrows(InvalidException.class, () -> port.create(configMap(null, Map.of(),
                Map.of())));
        assertEquals(422, e.code());
        assertEquals("ConfigMap", e.kind());
    }

    @Test
    void creatingWithAMalformedNameIsInvalid() {
        assumeSupported(Capability.NAME_VALIDATION);
        InvalidException e = assertThrows(InvalidException.class,
                () -> port.create(configMap("Bad_Name", Map.of(), Map.of())));
        assertTrue(e.getMessage().contains("metadata.name: Invalid value: \"Bad_Name\""), e.getMessage());
    }

    @Test
    void updateReplacesTheContentAndKeepsIdentity() {
        GenericKubernetesResource created = port.create(configMap("cfg", Map.of(), Map.of("a", "1")));
        GenericKubernetesResource change = copy(created);
        change.setAdditionalProperty("data", Map.of("b", "2"));
        GenericKubernetesResource updated = port.update(change);
        assertEquals(Map.of("b", "2"), updated.get("data"));
        assertNotEquals(created.getMetadata().getResourceVersion(), updated.getMetadata().getResourceVersion());
        assertEquals(created.getMetadata().getUid(), updated.getMetadata().getUid());
        assertEquals(created.getMetadata().getCreationTimestamp(), updated.getMetadata().getCreationTimestamp());
        assertEquals(Map.of("b", "2"), port.get("v1", "ConfigMap", NS, "cfg").orElseThrow().get("data"));
    }

    @Test
    void updateWithoutResourceVersionIsUnconditional() {
        port.create(configMap("cfg", Map.of(), Map.of("a", "1")));
        port.patch("v1", "ConfigMap", NS, "cfg", "{\"data\":{\"a\":\"2\"}}");
        GenericKubernetesResource blind = configMap("cfg", Map.of(), Map.of("a", "3"));
        assertEquals(Map.of("a", "3"), port.update(blind).get("data"));
    }

    @Test
    void updatingAMissingObjectFailsWithNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> port.update(configMap("missing", Map.of(), Map.of())));
        assertEquals(404, e.code());
        assertObject(e, "ConfigMap", NS, "missing");
    }

    @Test
    void deleteRemovesTheObjectAndDeletingAgainFailsWithNotFound() {
        port.create(configMap("cfg", Map.of(), Map.of()));
        port.delete("v1", "ConfigMap", NS, "cfg");
        assertTrue(port.get("v1", "ConfigMap", NS, "cfg").isEmpty());
        NotFoundException e = assertThrows(NotFoundException.class, () -> port.delete("v1", "ConfigMap", NS, "cfg"));
        assertObject(e, "ConfigMap", NS, "cfg");
    }

    @Test
    void resourceVersionGrowsWithEveryWriteAcrossKinds() {
        long first = rv(port.create(configMap("cfg", Map.of(), Map.of())));
        GenericKubernetesResource secret = Resources.generic("v1", "Secret", NS, "s");
        secret.setAdditionalProperty("stringData", Map.of("k", "v"));
        long second = rv(port.create(secret));
        long third = rv(port.patch("v1", "ConfigMap", NS, "cfg", "{\"data\":{\"x\":\"y\"}}"));
        assertTrue(first < second && second < third, first + " < " + second + " < " + third);
    }

    @Test
    void clusterScopedObjectsLiveOutsideNamespaces() {
        GenericKubernetesResource sc = Resources.generic("storage.k8s.io/v1", "StorageClass", null, "ontap-gold");
        sc.setAdditionalProperty("provisioner", "csi.trident.netapp.io");
        GenericKubernetesResource created = port.create(sc);
        assertNull(created.getMetadata().getNamespace());
        assertEquals("csi.trident.netapp.io",
                port.get("storage.k8s.io/v1", "StorageClass", null, "ontap-gold").orElseThrow().get("provisioner"));
        assertEquals(List.of("ontap-gold"), names(port.list("storage.k8s.io/v1", "StorageClass", null, null)));
        assertFalse(port.resolve("storage.k8s.io/v1", "StorageClass").namespaced());
    }

    @Test
    void typedResourcesRoundTripThroughThePort() {
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("typed").withNamespace(NS).endMetadata()
                .withData(Map.of("k", "v")).build();
        ConfigMap created = port.create(cm);
        assertEquals(Map.of("k", "v"), created.getData());
        assertEquals(created, port.get(ConfigMap.class, NS, "typed").orElseThrow());
        assertEquals(List.of("typed"), port.list(ConfigMap.class, NS, null).stream()
                .map(c -> c.getMetadata().getName()).toList());
    }

    @Test
    void aCustomKindIsServedOnceItsDefinitionIsCreated() {
        assertThrows(UnknownKindException.class, () -> port.resolve(DRILL_API, "Drill"));
        createDrillDefinition();
        assertEquals("drills.test.mirrordrill.io", port.resolve(DRILL_API, "Drill").resource());
        port.create(drill("d1", Map.of("replicas", 1)));
        assertEquals(List.of("d1"), names(port.list(DRILL_API, "Drill", NS, null)));
    }

    @Test
    void kindsListsTheBuiltInsAndACustomKindOnceItsDefinitionIsCreated() {
        List<String> before = port.kinds().stream().map(k -> k.apiVersion() + " " + k.kind()).toList();
        assertTrue(before.contains("v1 ConfigMap"), () -> "built-ins listed: " + before);
        assertTrue(before.contains("apps/v1 Deployment"));
        assertFalse(before.contains(DRILL_API + " Drill"));
        assertEquals(before.stream().sorted().toList(), before, "sorted by apiVersion and kind");
        createDrillDefinition();
        var drill = port.kinds().stream().filter(k -> k.kind().equals("Drill")).toList();
        assertEquals(1, drill.size());
        assertEquals(DRILL_API, drill.get(0).apiVersion());
        assertTrue(drill.get(0).namespaced());
        assertEquals("drills", drill.get(0).plural());
    }

    @Test
    void anUnreachableClusterFailsWithUnreachable() {
        makeUnreachable();
        assertThrows(UnreachableException.class, () -> port.kinds());
        assertThrows(UnreachableException.class, () -> port.get("v1", "ConfigMap", NS, "cfg"));
        assertThrows(UnreachableException.class, () -> port.create(configMap("cfg", Map.of(), Map.of())));
    }

    // ---- label selectors ----------------------------------------------------------------------------------------

    @Test
    void listSelectsByEqualityAndInequality() {
        createLabelled();
        assertEquals(List.of("db-prod"), names(list("tier=db,env==prod")));
        assertEquals(List.of("plain", "web-dev"), names(list("tier!=db")));
    }

    @Test
    void listSelectsByPresenceAndAbsenceOfAKey() {
        createLabelled();
        assertEquals(List.of("db-dev", "db-prod", "web-dev"), names(list("env")));
        assertEquals(List.of("plain"), names(list("!env")));
    }

    @Test
    void listSelectsBySetMembership() {
        assumeSupported(Capability.SET_BASED_SELECTORS);
        createLabelled();
        assertEquals(List.of("db-prod"), names(list("tier in (db,web),env notin (dev)")));
        assertEquals(List.of("db-dev", "plain", "web-dev"), names(list("env notin (prod)")));
        assertEquals(List.of("web-dev"), names(list("tier in (web,cache)")));
    }

    @Test
    void listWithoutANamespaceSpansAllNamespacesInOrder() {
        port.create(namespace("other", Map.of(), Map.of()));
        port.create(configMap("b", Map.of("x", "1"), Map.of()));
        port.create(configMap("a", Map.of("x", "1"), Map.of()));
        GenericKubernetesResource elsewhere = configMap("c", Map.of("x", "1"), Map.of());
        elsewhere.getMetadata().setNamespace("other");
        port.create(elsewhere);
        List<GenericKubernetesResource> all = port.list("v1", "ConfigMap", null, LabelSelector.parse("x=1"));
        assertEquals(List.of("app/a", "app/b", "other/c"), all.stream().map(Resources::describe).toList());
        assertEquals(List.of("a", "b"), names(port.list("v1", "ConfigMap", NS, LabelSelector.parse("x=1"))));
    }

    // ---- optimistic concurrency ---------------------------------------------------------------------------------

    @Test
    void updateWithAStaleResourceVersionFailsWithConflictNamingTheObject() {
        GenericKubernetesResource created = port.create(configMap("cfg", Map.of(), Map.of("a", "1")));
        port.update(withData(copy(created), "a", "2"));
        ConflictException e = assertThrows(ConflictException.class, () -> port.update(withData(copy(created), "a",
                "3")));
        assertEquals(409, e.code());
        assertObject(e, "ConfigMap", NS, "cfg");
        assertEquals(Map.of("a", "2"), port.get("v1", "ConfigMap", NS, "cfg").orElseThrow().get("data"));
    }

    @Test
    void conflictCarriesTheApiServersMessage() {
        assumeSupported(Capability.API_SERVER_CONFLICT_MESSAGE);
        GenericKubernetesResource created = port.create(configMap("cfg", Map.of(), Map.of("a", "1")));
        port.update(withData(copy(created), "a", "2"));
        ConflictException e = assertThrows(ConflictException.class, () -> port.update(withData(copy(created), "a",
                "3")));
        assertEquals("Operation cannot be fulfilled on configmaps \"cfg\": the object has been modified; please apply"
                + " your changes to the latest version and try again", e.getMessage());
    }

    @Test
    void mergePatchCarryingAStaleResourceVersionFailsWithConflict() {
        GenericKubernetesResource created = port.create(configMap("cfg", Map.of(), Map.of("a", "1")));
        port.patch("v1", "ConfigMap", NS, "cfg", "{\"data\":{\"a\":\"2\"}}");
        String stale = "{\"metadata\":{\"resourceVersion\":\"" + created.getMetadata().getResourceVersion()
                + "\"},\"data\":{\"a\":\"3\"}}";
        assertThrows(ConflictException.class, () -> port.patch("v1", "ConfigMap", NS, "cfg", stale));
    }

    // ---- finalizers ---------------------------------------------------------------------------------------------

    @Test
    void deletingAnObjectWithFinalizersOnlyMarksItWithADeletionTimestamp() {
        port.create(withFinalizers(configMap("cfg", Map.of(), Map.of()), "mirrordrill.io/a"));
        port.delete("v1", "ConfigMap", NS, "cfg");
        GenericKubernetesResource marked = port.get("v1", "ConfigMap", NS, "cfg").orElseThrow();
        assertNotNull(Instant.parse(marked.getMetadata().getDeletionTimestamp()));
        assertEquals(List.of("mirrordrill.io/a"), marked.getMetadata().getFinalizers());
    }

    @Test
    void removingTheLastFinalizerOfAnObjectBeingDeletedRemovesIt() {
        port.create(withFinalizers(configMap("cfg", Map.of(), Map.of()), "mirrordrill.io/a", "mirrordrill.io/b"));
        port.delete("v1", "ConfigMap", NS, "cfg");
        GenericKubernetesResource marked = port.get("v1", "ConfigMap", NS, "cfg").orElseThrow();
        port.update(withFinalizers(copy(marked), "mirrordrill.io/b"));
        assertTrue(port.get("v1", "ConfigMap", NS, "cfg").isPresent(), "one finalizer still holds it");
        port.patch("v1", "ConfigMap", NS, "cfg", "{\"metadata\":{\"finalizers\":null}}");
        assertTrue(port.get("v1", "ConfigMap", NS, "cfg").isEmpty());
    }

    @Test
    void deletingAnObjectAlreadyBeingDeletedChangesNothing() {
        port.create(withFinalizers(configMap("cfg", Map.of(), Map.of()), "mirrordrill.io/a"));
        port.delete("v1", "ConfigMap", NS, "cfg");
        GenericKubernetesResource marked = port.get("v1", "ConfigMap", NS, "cfg").orElseThrow();
        port.delete("v1", "ConfigMap", NS, "cfg");
        assertEquals(marked, port.get("v1", "ConfigMap", NS, "cfg").orElseThrow());
    }

    // ---- status subresource and generation ------------------------------------------------------------------------

    @Test
    void updateStatusChangesOnlyTheStatus() {
        createDrillDefinition();
        GenericKubernetesResource created = port.create(drill("d1", Map.of("replicas", 1)));
        GenericKubernetesResource change = copy(created);
        change.setAdditionalProperty("spec", Map.of("replicas", 5));
        change.setAdditionalProperty("status", Map.of("state", "Established"));
        GenericKubernetesResource updated = port.updateStatus(change);
        assertEquals(Map.of("state", "Established"), updated.get("status"));
        assertEquals(Map.of("replicas", 1), updated.get("spec"));
        assertEquals(1L, updated.getMetadata().getGeneration());
        assertNotEquals(created.getMetadata().getResourceVersion(), updated.getMetadata().getResourceVersion());
    }

    @Test
    void updateIgnoresTheStatusOfAKindWithAStatusSubresource() {
        createDrillDefinition();
        GenericKubernetesResource created = port.create(drill("d1", Map.of("replicas", 1)));
        port.patchStatus(DRILL_API, "Drill", NS, "d1", "{\"status\":{\"state\":\"Establishing\"}}");
        GenericKubernetesResource current = port.get(DRILL_API, "Drill", NS, "d1").orElseThrow();
        GenericKubernetesResource change = copy(current);
        change.setAdditionalProperty("spec", Map.of("replicas", 2));
        change.setAdditionalProperty("status", Map.of("state", "Forged"));
        GenericKubernetesResource updated = port.update(change);
        assertEquals(Map.of("replicas", 2), updated.get("spec"));
        assertEquals(Map.of("state", "Establishing"), updated.get("status"));
        assertEquals(created.getMetadata().getUid(), updated.getMetadata().getUid());
    }

    @Test
    void updateIgnoresTheStatusOfABuiltInKindWithAStatusSubresource() {
        assumeSupported(Capability.BUILTIN_STATUS_SUBRESOURCE);
        GenericKubernetesResource pvc = Resources.generic("v1", "PersistentVolumeClaim", NS, "data");
        pvc.setAdditionalProperty("spec", Map.of("accessModes", List.of("ReadWriteOnce"),
                "resources", Map.of("requests", Map.of("storage", "1Gi"))));
        port.create(pvc);
        GenericKubernetesResource bound = port.patchStatus("v1", "PersistentVolumeClaim", NS, "data",
                "{\"status\":{\"phase\":\"Bound\"}}");
        GenericKubernetesResource change = copy(bound);
        change.setAdditionalProperty("status", Map.of("phase", "Lost"));
        assertEquals(Map.of("phase", "Bound"), port.update(change).get("status"));
        GenericKubernetesResource statusOnly = copy(port.get("v1", "PersistentVolumeClaim", NS, "data").orElseThrow());
        statusOnly.setAdditionalProperty("spec", Map.of("accessModes", List.of("ReadWriteMany")));
        Map<String, Object> boundSpec = bound.get("spec");
        assertEquals(boundSpec, port.updateStatus(statusOnly).get("spec"));
    }

    @Test
    void createDropsTheStatusOfAKindWithAStatusSubresource() {
        createDrillDefinition();
        GenericKubernetesResource d = drill("d1", Map.of("replicas", 1));
        d.setAdditionalProperty("status", Map.of("state", "Forged"));
        assertNull(port.create(d).get("status"));
    }

    @Test
    void generationGrowsWithSpecChangesOnly() {
        createDrillDefinition();
        port.create(drill("d1", Map.of("replicas", 1)));
        GenericKubernetesResource specChanged = port.patch(DRILL_API, "Drill", NS, "d1",
                "{\"spec\":{\"replicas\":2}}");
        assertEquals(2L, specChanged.getMetadata().getGeneration());
        GenericKubernetesResource labelled = port.patch(DRILL_API, "Drill", NS, "d1",
                "{\"metadata\":{\"labels\":{\"team\":\"dr\"}}}");
        assertEquals(2L, labelled.getMetadata().getGeneration());
        GenericKubernetesResource statused = port.patchStatus(DRILL_API, "Drill", NS, "d1",
                "{\"status\":{\"state\":\"Promoted\"}}");
        assertEquals(2L, statused.getMetadata().getGeneration());
        assertEquals(Map.of("state", "Promoted"), statused.get("status"));
    }

    @Test
    void patchStatusMergesIntoTheStatusOnly() {
        createDrillDefinition();
        port.create(drill("d1", Map.of("replicas", 1)));
        port.patchStatus(DRILL_API, "Drill", NS, "d1",
                "{\"status\":{\"state\":\"Establishing\",\"lastTransfer\":{\"bytes\":4096}}}");
        GenericKubernetesResource patched = port.patchStatus(DRILL_API, "Drill", NS, "d1",
                "{\"spec\":{\"replicas\":9},\"status\":{\"state\":\"Established\"}}");
        assertEquals(Map.of("state", "Established", "lastTransfer", Map.of("bytes", 4096)), patched.get("status"));
        assertEquals(Map.of("replicas", 1), patched.get("spec"));
    }

    // ---- merge patch ----------------------------------------------------------------------------------------------

    @Test
    void mergePatchMergesNestedObjectsAndReplacesScalars() {
        createDrillDefinition();
        port.create(drill("d1", Map.of("policy", Map.of("keep", 2, "mode", "async"))));
        GenericKubernetesResource patched = port.patch(DRILL_API, "Drill", NS, "d1",
                "{\"spec\":{\"policy\":{\"keep\":7,\"label\":\"daily\"},\"enabled\":true}}");
        assertEquals(Map.of("policy", Map.of("keep", 7, "mode", "async", "label", "daily"), "enabled", true),
                patched.get("spec"));
        assertEquals(patched, port.get(DRILL_API, "Drill", NS, "d1").orElseThrow());
    }

    @Test
    void mergePatchRemovesNullMembersAndReplacesArrays() {
        assumeSupported(Capability.MERGE_PATCH_RFC7386);
        createDrillDefinition();
        port.create(drill("d1", Map.of("targets", List.of("a", "b"), "policy", Map.of("keep", 2, "mode", "async"))));
        GenericKubernetesResource patched = port.patch(DRILL_API, "Drill", NS, "d1",
                "{\"spec\":{\"targets\":[\"c\"],\"policy\":{\"mode\":null}}}");
        assertEquals(Map.of("targets", List.of("c"), "policy", Map.of("keep", 2)), patched.get("spec"));
        port.patch("v1", "Namespace", null, NS, "{\"metadata\":{\"labels\":{\"gone\":\"soon\"}}}");
        port.patch("v1", "Namespace", null, NS, "{\"metadata\":{\"labels\":{\"gone\":null}}}");
        assertFalse(port.get("v1", "Namespace", null, NS).orElseThrow().getMetadata().getLabels().containsKey("gone"));
    }

    @Test
    void mergePatchOfAMissingObjectFailsWithNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> port.patch("v1", "ConfigMap", NS, "missing", "{\"data\":{\"a\":\"1\"}}"));
        assertObject(e, "ConfigMap", NS, "missing");
    }

    // ---- generateName ---------------------------------------------------------------------------------------------

    @Test
    void generateNameGivesEachObjectAUniqueNameWithThePrefix() {
        GenericKubernetesResource template = configMap(null, Map.of(), Map.of());
        template.getMetadata().setGenerateName("snap-");
        String first = port.create(copy(template)).getMetadata().getName();
        String second = port.create(copy(template)).getMetadata().getName();
        assertNotEquals(first, second);
        for (String name : List.of(first, second)) {
            assertTrue(name.startsWith("snap-") && name.length() > "snap-".length(), name);
            assertTrue(port.get("v1", "ConfigMap", NS, name).isPresent());
        }
    }

    // ---- namespaces ---------------------------------------------------------------------------------------------

    @Test
    void namespaceKeepsItsLabelsAndAnnotationsAndTakesMergePatches() {
        port.create(namespace("ns-1", Map.of("compliance", "hipaa", "name", "ns-1"),
                Map.of("annotation.one/key", "value")));
        GenericKubernetesResource patched = port.patch("v1", "Namespace", null, "ns-1",
                "{\"metadata\":{\"labels\":{\"role\":\"database\"},"
                        + "\"annotations\":{\"annotation.one/key\":\"updatedvalue\"}}}");
        Map<String, String> labels = port.get("v1", "Namespace", null, "ns-1").orElseThrow().getMetadata()
                .getLabels();
        assertEquals("database", labels.get("role"));
        assertEquals("hipaa", labels.get("compliance"));
        assertEquals("ns-1", labels.get("name"));
        assertEquals(Map.of("annotation.one/key", "updatedvalue"), patched.getMetadata().getAnnotations());
    }

    @Test
    void creatingInAMissingNamespaceFailsWithNotFoundForTheNamespace() {
        assumeSupported(Capability.NAMESPACE_ADMISSION);
        GenericKubernetesResource cm = configMap("cfg", Map.of(), Map.of());
        cm.getMetadata().setNamespace("nowhere");
        NotFoundException e = assertThrows(NotFoundException.class, () -> port.create(cm));
        assertEquals("namespaces \"nowhere\" not found", e.getMessage());
        assertObject(e, "Namespace", null, "nowhere");
    }

    @Test
    void deletingANamespaceRemovesItsContentsThenItself() {
        assumeSupported(Capability.NAMESPACE_FINALIZATION);
        port.create(configMap("cfg", Map.of(), Map.of()));
        port.delete("v1", "Namespace", null, NS);
        eventually(() -> {
            assertTrue(port.get("v1", "ConfigMap", NS, "cfg").isEmpty());
            assertTrue(port.get("v1", "Namespace", null, NS).isEmpty());
        });
    }

    @Test
    void aTerminatingNamespaceRefusesNewContentAndWaitsForFinalizers() {
        assumeSupported(Capability.NAMESPACE_FINALIZATION);
        port.create(withFinalizers(configMap("held", Map.of(), Map.of()), "mirrordrill.io/a"));
        port.delete("v1", "Namespace", null, NS);
        eventually(() -> assertNotNull(port.get("v1", "ConfigMap", NS, "held").orElseThrow().getMetadata()
                .getDeletionTimestamp()));
        GenericKubernetesResource ns = port.get("v1", "Namespace", null, NS).orElseThrow();
        assertEquals(Map.of("phase", "Terminating"), ns.get("status"));
        KubernetesException refused = assertThrows(KubernetesException.class,
                () -> port.create(configMap("late", Map.of(), Map.of())));
        assertEquals(403, refused.code());
        port.patch("v1", "ConfigMap", NS, "held", "{\"metadata\":{\"finalizers\":null}}");
        eventually(() -> assertTrue(port.get("v1", "Namespace", null, NS).isEmpty()));
    }

    // ---- watch ----------------------------------------------------------------------------------------------------

    @Test
    void watchReportsAddedModifiedAndDeletedInCommitOrder() {
        Recorder events = new Recorder();
        port.watch("v1", "ConfigMap", NS, null, null, events);
        GenericKubernetesResource created = port.create(configMap("cfg", Map.of(), Map.of("a", "1")));
        GenericKubernetesResource updated = port.update(withData(copy(created), "a", "2"));
        port.delete("v1", "ConfigMap", NS, "cfg");
        eventually(() -> assertEquals(List.of("ADDED cfg", "MODIFIED cfg", "DELETED cfg"), events.seen()));
        assertEquals(created.getMetadata().getResourceVersion(), events.events.get(0).resourceVersion());
        assertEquals(updated.getMetadata().getResourceVersion(), events.events.get(1).resourceVersion());
        assertEquals(Map.of("a", "2"), events.events.get(1).object().get("data"));
    }

    @Test
    void watchWithoutResourceVersionStartsWithTheExistingObjects() {
        port.create(configMap("one", Map.of(), Map.of()));
        port.create(configMap("two", Map.of(), Map.of()));
        Recorder events = new Recorder();
        port.watch("v1", "ConfigMap", NS, null, null, events);
        eventually(() -> assertEquals(List.of("ADDED one", "ADDED two"), events.sortedSeen()));
    }

    @Test
    void watchFromAResourceVersionReplaysOnlyLaterChanges() {
        assumeSupported(Capability.WATCH_RESUME);
        GenericKubernetesResource created = port.create(configMap("cfg", Map.of(), Map.of("a", "1")));
        port.patch("v1", "ConfigMap", NS, "cfg", "{\"data\":{\"a\":\"2\"}}");
        port.create(configMap("later", Map.of(), Map.of()));
        Recorder events = new Recorder();
        port.watch("v1", "ConfigMap", NS, null, created.getMetadata().getResourceVersion(), events);
        eventually(() -> assertEquals(List.of("MODIFIED cfg", "ADDED later"), events.seen()));
    }

    @Test
    void watchWithASelectorSeesObjectsEnterAndLeaveTheSelection() {
        Recorder events = new Recorder();
        port.watch("v1", "ConfigMap", NS, LabelSelector.parse("tier=db"), null, events);
        port.create(configMap("web", Map.of("tier", "web"), Map.of()));
        port.patch("v1", "ConfigMap", NS, "web", "{\"metadata\":{\"labels\":{\"tier\":\"db\"}}}");
        port.patch("v1", "ConfigMap", NS, "web", "{\"data\":{\"k\":\"v\"}}");
        port.patch("v1", "ConfigMap", NS, "web", "{\"metadata\":{\"labels\":{\"tier\":\"cache\"}}}");
        eventually(() -> assertEquals(List.of("ADDED web", "MODIFIED web", "DELETED web"), events.seen()));
    }

    @Test
    void watchReportsDeletedWhenTheLastFinalizerIsRemoved() {
        port.create(withFinalizers(configMap("cfg", Map.of(), Map.of()), "mirrordrill.io/a"));
        Recorder events = new Recorder();
        port.watch("v1", "ConfigMap", NS, null, null, events);
        eventually(() -> assertEquals(List.of("ADDED cfg"), events.seen()));
        port.delete("v1", "ConfigMap", NS, "cfg");
        port.patch("v1", "ConfigMap", NS, "cfg", "{\"metadata\":{\"finalizers\":null}}");
        eventually(() -> assertEquals(List.of("ADDED cfg", "MODIFIED cfg", "DELETED cfg"), events.seen()));
        assertNotNull(events.events.get(1).object().getMetadata().getDeletionTimestamp());
    }

    @Test
    void aClosedWatchReceivesNothingMore() {
        Recorder closed = new Recorder();
        port.watch("v1", "ConfigMap", NS, null, null, closed).close();
        Recorder open = new Recorder();
        port.watch("v1", "ConfigMap", NS, null, null, open);
        port.create(configMap("after-close", Map.of(), Map.of()));
        eventually(() -> assertEquals(List.of("ADDED after-close"), open.seen()));
        assertEquals(List.of(), closed.seen());
    }

    // ---- fixtures ---------------------------------------------------------------------------------------------

    /** Collects watch events; thread-safe because real-time watches deliver on the client's threads. */
    protected static final class Recorder implements WatchListener {
        final List<WatchEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(WatchEvent event) {
            events.add(event);
        }

        List<String> seen() {
            return events.stream().map(e -> e.type() + " " + e.object().getMetadata().getName()).toList();
        }

        List<String> sortedSeen() {
            return seen().stream().sorted().toList();
        }
    }

    private void createLabelled() {
        port.create(configMap("db-prod", Map.of("tier", "db", "env", "prod"), Map.of()));
        port.create(configMap("db-dev", Map.of("tier", "db", "env", "dev"), Map.of()));
        port.create(configMap("web-dev", Map.of("tier", "web", "env", "dev"), Map.of()));
        port.create(configMap("plain", Map.of(), Map.of()));
    }

    private List<GenericKubernetesResource> list(String selector) {
        return port.list("v1", "ConfigMap", NS, LabelSelector.parse(selector));
    }

    private void createDrillDefinition() {
        GenericKubernetesResource crd = Resources.generic("apiextensions.k8s.io/v1", "CustomResourceDefinition", null,
                "drills.test.mirrordrill.io");
        crd.setAdditionalProperty("spec", Map.of(
                "group", "test.mirrordrill.io",
                "scope", "Namespaced",
                "names", Map.of("kind", "Drill", "plural", "drills", "singular", "drill", "listKind", "DrillList"),
                "versions", List.of(Map.of("name", "v1", "served", true, "storage", true,
                        "schema", Map.of("openAPIV3Schema", Map.of("type", "object",
                                "x-kubernetes-preserve-unknown-fields", true)),
                        "subresources", Map.of("status", Map.of())))));
        port.create(crd);
    }

    protected static GenericKubernetesResource drill(String name, Map<String, Object> spec) {
        GenericKubernetesResource d = Resources.generic(DRILL_API, "Drill", NS, name);
        d.setAdditionalProperty("spec", spec);
        return d;
    }

    protected static GenericKubernetesResource configMap(String name, Map<String, String> labels,
                                                         Map<String, String> data) {
        GenericKubernetesResource cm = Resources.generic("v1", "ConfigMap", NS, name);
        if (!labels.isEmpty()) {
            cm.getMetadata().setLabels(labels);
        }
        cm.setAdditionalProperty("data", data);
        return cm;
    }

    protected static GenericKubernetesResource namespace(String name, Map<String, String> labels,
                                                         Map<String, String> annotations) {
        GenericKubernetesResource ns = Resources.generic("v1", "Namespace", null, name);
        if (!labels.isEmpty()) {
            ns.getMetadata().setLabels(labels);
        }
        if (!annotations.isEmpty()) {
            ns.getMetadata().setAnnotations(annotations);
        }
        return ns;
    }

    private static GenericKubernetesResource withData(GenericKubernetesResource r, String key, String value) {
        r.setAdditionalProperty("data", Map.of(key, value));
        return r;
    }

    private static GenericKubernetesResource withFinalizers(GenericKubernetesResource r, String... finalizers) {
        r.getMetadata().setFinalizers(new ArrayList<>(List.of(finalizers)));
        return r;
    }

    private static GenericKubernetesResource copy(GenericKubernetesResource r) {
        return Resources.toGeneric(r);
    }

    private static long rv(GenericKubernetesResource r) {
        return Long.parseLong(r.getMetadata().getResourceVersion());
    }

    private static List<String> names(List<GenericKubernetesResource> items) {
        return items.stream().map(r -> r.getMetadata().getName()).toList();
    }

    private static void assertObject(KubernetesException e, String kind, String namespace, String name) {
        assertEquals(kind, e.kind(), "kind");
        assertEquals(namespace, e.namespace(), "namespace");
        assertEquals(name, e.name(), "name");
    }
}
