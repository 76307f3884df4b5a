package io.mirrordrill.engine.appvault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.controller.ProtectController;
import io.mirrordrill.engine.controller.ProtectReconciler;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.Condition;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceKind;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.engine.model.crd.Crds;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status a vault check leads to, as the controller runtime writes it on the Kubernetes emulator. */
class VaultStatusTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ResourceKey KEY = new ResourceKey(AppVault.KIND, "trident-protect", "vault");

    private final World world = world();
    private final KubernetesPort kube = new KubernetesCluster(world, "k", "dc1").port();
    private VaultCheck check;
    private final ProtectController<AppVault, ResourceStatus> controller = new ProtectController<>(kube, world,
            new ProtectReconciler<AppVault, ResourceStatus>() {
                @Override
                public String kind() {
                    return AppVault.KIND;
                }

                @Override
                public ResourceStatus emptyStatus() {
                    return new ResourceStatus(null, null, List.of());
                }

                @Override
                public Decision<ResourceStatus> reconcile(AppVault vault) {
                    return VaultStatus.of(vault.status(), check, Duration.ofMinutes(5));
                }
            });

    private static World world() {
        World w = new World(3);
        w.network().site("dc1");
        return w;
    }

    VaultStatusTest() {
        kube.create(Resources.fromTree(Crds.definition(ResourceKind.APP_VAULT)));
        kube.create(Resources.generic("v1", "Namespace", null, "trident-protect"));
        GenericKubernetesResource vault = Resources.generic(ProtectApi.API_VERSION, AppVault.KIND, "trident-protect",
                "vault");
        vault.getAdditionalProperties().put("spec", Map.of("providerType", "GenericS3"));
        kube.create(vault);
    }

    private ResourceStatus reconcile(VaultCheck next) {
        check = next;
        controller.reconcile(KEY);
        return status();
    }

    private ResourceStatus status() {
        return ((AppVault) ProtectYaml.fromGeneric(kube.get(ProtectApi.API_VERSION, AppVault.KIND, "trident-protect",
                "vault").orElseThrow())).status();
    }

    @Test
    void a_first_check_sets_state_error_and_a_ready_condition_stamped_to_the_second() {
        world.advance(Duration.ofMillis(3750));
        ResourceStatus s = reconcile(VaultCheck.failed("SecretNotFound", "no secret", false));
        assertEquals("Error", s.state());
        assertEquals("no secret", s.error());
        assertEquals(List.of(new Condition("Ready", "False", "SecretNotFound", "no secret",
                Instant.parse("2026-01-01T00:00:03Z"), 1L, null)), s.conditions());
    }

    @Test
    void the_transition_time_moves_only_when_the_condition_status_flips() {
        reconcile(VaultCheck.failed("SecretNotFound", "a", false));
        world.advance(Duration.ofHours(1));
        ResourceStatus sameStatus = reconcile(VaultCheck.failed("BucketNotFound", "b", false));
        assertEquals(T0, sameStatus.conditions().get(0).lastTransitionTime());
        assertEquals("BucketNotFound", sameStatus.conditions().get(0).reason());
        ResourceStatus flipped = reconcile(VaultCheck.available("ok"));
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), flipped.conditions().get(0).lastTransitionTime());
        assertEquals("Available", flipped.state());
        assertNull(flipped.error());
    }

    @Test
    void an_unchanged_check_gives_an_equal_status_so_nothing_is_written() {
        reconcile(VaultCheck.available("ok"));
        String version = kube.get(ProtectApi.API_VERSION, AppVault.KIND, "trident-protect", "vault").orElseThrow()
                .getMetadata().getResourceVersion();
        world.advance(Duration.ofMinutes(1));
        reconcile(VaultCheck.available("ok"));
        assertEquals(version, kube.get(ProtectApi.API_VERSION, AppVault.KIND, "trident-protect", "vault")
                .orElseThrow().getMetadata().getResourceVersion());
    }

    @Test
    void other_conditions_and_unknown_status_fields_are_kept_in_place() {
        kube.patchStatus(ProtectApi.API_VERSION, AppVault.KIND, "trident-protect", "vault", "{\"status\":{"
                + "\"state\":\"Available\",\"extra\":1,\"conditions\":["
                + "{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"BucketAvailable\",\"message\":\"ok\","
                + "\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"},"
                + "{\"type\":\"Synced\",\"status\":\"True\",\"reason\":\"X\",\"message\":\"y\","
                + "\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}]}}");
        ResourceStatus next = reconcile(VaultCheck.failed("Unreachable", "down", true));
        assertEquals("Ready", next.conditions().get(0).type());
        assertEquals("Unreachable", next.conditions().get(0).reason());
        assertEquals(new Condition("Synced", "True", "X", "y", T0), next.conditions().get(1));
        assertEquals(Map.of("extra", 1), next.unknownFields());
    }

    @Test
    void a_store_that_is_down_is_retried_with_backoff_and_a_mistake_waits_for_the_recheck() {
        assertEquals(Outcome.failed("down"),
                VaultStatus.of(null, VaultCheck.failed("Unreachable", "down", true), Duration.ofMinutes(5)).outcome());
        assertEquals(Outcome.requeueAfter(Duration.ofMinutes(5)),
                VaultStatus.of(null, VaultCheck.failed("BucketNotFound", "b", false), Duration.ofMinutes(5))
                        .outcome());
        assertEquals(Outcome.requeueAfter(Duration.ofMinutes(5)),
                VaultStatus.of(null, VaultCheck.available("ok"), Duration.ofMinutes(5)).outcome());
    }
}
