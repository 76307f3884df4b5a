package io.mirrordrill.engine.controller;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.engine.amr.AmrException;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceKind;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.engine.model.crd.Crds;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.sim.World;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The controller runtime on the Kubernetes emulator, with a reconciler whose decisions the test chooses. */
class ProtectControllerTest {
    private static final String NS = "apps";
    private static final String FINALIZER = "protect.trident.netapp.io/test";
    private static final ResourceKey KEY = new ResourceKey(Application.KIND, NS, "app");

    private final World world = world();
    private final KubernetesPort kube = new KubernetesCluster(world, "k", "dc1").port();
    private final List<String> calls = new ArrayList<>();
    private Function<Application, Decision<ResourceStatus>> decide = a -> Decision.done();
    private Function<Application, Decision<ResourceStatus>> clean = a -> Decision.done();

    private static World world() {
        World w = new World(7);
        w.network().site("dc1");
        return w;
    }

    ProtectControllerTest() {
        kube.create(Resources.fromTree(Crds.definition(ResourceKind.APPLICATION)));
        kube.create(Resources.generic("v1", "Namespace", null, NS));
        GenericKubernetesResource app = Resources.generic(ProtectApi.API_VERSION, Application.KIND, NS, "app");
        app.getAdditionalProperties().put("spec", Map.of("includedNamespaces", List.of(Map.of("namespace", NS))));
        kube.create(app);
    }

    private final ProtectReconciler<Application, ResourceStatus> reconciler = new ProtectReconciler<>() {
        @Override
        public String kind() {
            return Application.KIND;
        }

        @Override
        public ResourceStatus emptyStatus() {
            return new ResourceStatus(null, null, List.of());
        }

        @Override
        public String finalizer() {
            return FINALIZER;
        }

        @Override
        public Decision<ResourceStatus> reconcile(Application resource) {
            calls.add("reconcile");
            return decide.apply(resource);
        }

        @Override
        public Decision<ResourceStatus> cleanup(Application resource) {
            calls.add("cleanup");
            return clean.apply(resource);
        }
    };

    private final ProtectController<Application, ResourceStatus> controller =
            new ProtectController<>(kube, world, reconciler);

    private GenericKubernetesResource stored() {
        return kube.get(ProtectApi.API_VERSION, Application.KIND, NS, "app").orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status() {
        return (Map<String, Object>) stored().getAdditionalProperties().get("status");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ready() {
        return ((List<Map<String, Object>>) status().get("conditions")).stream()
                .filter(c -> "Ready".equals(c.get("type"))).findFirst().orElseThrow();
    }

    private static ResourceStatus state(String state, String error) {
        return new ResourceStatus(state, error, null);
    }

    @Test
    void theFinalizerIsAddedBeforeTheReconcilerDecidesAnything() {
        assertEquals(Outcome.requeueAfter(Duration.ZERO), controller.reconcile(KEY));
        assertEquals(List.of(), calls);
        assertEquals(List.of(FINALIZER), stored().getMetadata().getFinalizers());
        controller.reconcile(KEY);
        assertEquals(List.of("reconcile"), calls);
    }

    @Test
    void theDecidedStatusIsWrittenWithReadyStampedByTheGenerationAndTheSecond() {
        decide = a -> Decision.requeue(state("Ready", null), Ready.isTrue("Resolved", "fine"), Duration.ofMinutes(5));
        controller.reconcile(KEY);
        world.advance(Duration.ofMillis(1500));
        assertEquals(Outcome.requeueAfter(Duration.ofMinutes(5)), controller.reconcile(KEY));
        assertEquals("Ready", status().get("state"));
        assertEquals("True", ready().get("status"));
        assertEquals("Resolved", ready().get("reason"));
        assertEquals(((Number) stored().getMetadata().getGeneration()).intValue(),
                ((Number) ready().get("observedGeneration")).intValue());
        assertEquals("2026-01-01T00:00:01Z", ready().get("lastTransitionTime"));
    }

    @Test
    void aDecisionThatChangesNothingWritesNothing() {
        decide = a -> Decision.done(state("Ready", null), Ready.isTrue("Resolved", "fine"));
        controller.reconcile(KEY);
        controller.reconcile(KEY);
        String version = stored().getMetadata().getResourceVersion();
        world.advance(Duration.ofMinutes(1));
        controller.reconcile(KEY);
        assertEquals(version, stored().getMetadata().getResourceVersion());
    }

    @Test
    void aRestartedReadyMovesItsTimeWithoutAFlip() {
        decide = a -> Decision.done(state("Establishing", null), Ready.isFalse("Establishing", "setting up"));
        controller.reconcile(KEY);
        controller.reconcile(KEY);
        world.advance(Duration.ofMinutes(1));
        decide = a -> Decision.done(state("Failed", "gone"), Ready.isFalse("Gone", "gone").restarted());
        controller.reconcile(KEY);
        assertEquals("2026-01-01T00:01:00Z", ready().get("lastTransitionTime"));
        assertEquals("gone", status().get("error"));
    }

    @Test
    void aFieldNoLongerSetIsRemovedAndStatusFieldsTheModelDoesNotBindSurvive() {
        controller.reconcile(KEY);
        kube.patchStatus(ProtectApi.API_VERSION, Application.KIND, NS, "app",
                "{\"status\":{\"vendorField\":\"kept\",\"error\":\"old\",\"state\":\"Failed\"}}");
        decide = a -> Decision.done(new ResourceStatus("Ready", null, a.status().conditions(),
                a.status().unknownFields()), Ready.isTrue("Resolved", "fine"));
        controller.reconcile(KEY);
        assertEquals("kept", status().get("vendorField"));
        assertEquals("Ready", status().get("state"));
        assertFalse(status().containsKey("error"), "error was cleared: " + status());
    }

    @Test
    void aDeletionGoesToTheCleanupAndTheFinalizerGoesOnlyOnceItIsDone() {
        controller.reconcile(KEY);
        kube.delete(ProtectApi.API_VERSION, Application.KIND, NS, "app");
        clean = a -> Decision.after(Duration.ofSeconds(5));
        assertEquals(Outcome.requeueAfter(Duration.ofSeconds(5)), controller.reconcile(KEY));
        assertEquals(List.of(FINALIZER), stored().getMetadata().getFinalizers());
        clean = a -> Decision.done();
        assertEquals(Outcome.done(), controller.reconcile(KEY));
        assertTrue(kube.get(ProtectApi.API_VERSION, Application.KIND, NS, "app").isEmpty());
        assertEquals(List.of("cleanup", "cleanup"), calls);
    }

    @Test
    void aPortThatIsDownBecomesReadyFalseNamingItAndARetryWithBackoff() {
        controller.reconcile(KEY);
        decide = a -> {
            throw new UnreachableException("ontap-east", "site down");
        };
        Outcome outcome = controller.reconcile(KEY);
        assertInstanceOf(Outcome.Failed.class, outcome);
        assertEquals("False", ready().get("status"));
        assertEquals("Unreachable", ready().get("reason"));
        assertEquals("ontap-east unreachable: site down", ready().get("message"));
    }

    @Test
    void aProblemARetryCannotFixIsShownAndLookedAtAgainAfterTheRecheck() {
        controller.reconcile(KEY);
        decide = a -> {
            throw new AmrException("AppVaultNotFound", "AppVault \"v\" not found. Fix: create it", true);
        };
        assertEquals(Outcome.requeueAfter(ProtectReconciler.RECHECK), controller.reconcile(KEY));
        assertEquals("AppVaultNotFound", ready().get("reason"));
        assertNull(status().get("state"));
    }

    @Test
    void aSpecThatDoesNotBindFailsTheResourceAndIsNotReconciled() {
        controller.reconcile(KEY);
        GenericKubernetesResource app = stored();
        app.getAdditionalProperties().put("spec", Map.of("includedNamespaces", "not a list"));
        kube.update(app);
        assertEquals(Outcome.done(), controller.reconcile(KEY));
        assertEquals(List.of(), calls);
        assertEquals("Failed", status().get("state"));
        assertEquals("InvalidSpec", ready().get("reason"));
    }

    @Test
    void aStatusChangeReachesTheHookOnceWithBeforeAndAfter() {
        List<String> changes = new ArrayList<>();
        controller.onStatusChange(c -> changes.add((c.before() == null ? null : c.before().state()) + " -> "
                + c.after().state()));
        decide = a -> Decision.done(state("Ready", null), Ready.isTrue("Resolved", "fine"));
        controller.reconcile(KEY);
        controller.reconcile(KEY);
        controller.reconcile(KEY);
        assertEquals(List.of("null -> Ready"), changes);
    }
}
