package io.mirrordrill.port.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KindRegistryTest {

    @Test
    void builtinKindsResolveToTheirPluralAndScope() {
        KindRegistry registry = KindRegistry.withBuiltins();
        ResourceKind deployment = registry.require("apps/v1", "Deployment");
        assertEquals("deployments.apps", deployment.resource());
        assertTrue(deployment.namespaced());
        ResourceKind namespace = registry.require("v1", "Namespace");
        assertEquals("namespaces", namespace.resource());
        assertFalse(namespace.namespaced());
    }

    @Test
    void anUnknownKindNamesKindAndVersion() {
        UnknownKindException e = assertThrows(UnknownKindException.class,
                () -> KindRegistry.withBuiltins().require("protect.trident.netapp.io/v1", "AppVault"));
        assertEquals("no matches for kind \"AppVault\" in version \"protect.trident.netapp.io/v1\"", e.getMessage());
    }

    @Test
    void aCrdServesOneKindPerServedVersionWithItsStatusSubresource() {
        GenericKubernetesResource crd = Resources.generic("apiextensions.k8s.io/v1", "CustomResourceDefinition", null,
                "appvaults.protect.trident.netapp.io");
        crd.setAdditionalProperty("spec", Map.of(
                "group", "protect.trident.netapp.io",
                "scope", "Namespaced",
                "names", Map.of("kind", "AppVault", "plural", "appvaults"),
                "versions", List.of(
                        Map.of("name", "v1", "served", true, "subresources", Map.of("status", Map.of())),
                        Map.of("name", "v1beta1", "served", true),
                        Map.of("name", "v1alpha1", "served", false))));
        List<ResourceKind> kinds = KindRegistry.kindsOf(crd);
        assertEquals(List.of(
                new ResourceKind("protect.trident.netapp.io", "v1", "AppVault", "appvaults", true, true),
                new ResourceKind("protect.trident.netapp.io", "v1beta1", "AppVault", "appvaults", true, false)), kinds);
        KindRegistry registry = KindRegistry.withBuiltins();
        kinds.forEach(registry::register);
        assertEquals("appvaults.protect.trident.netapp.io",
                registry.require("protect.trident.netapp.io/v1", "AppVault").resource());
    }
}
