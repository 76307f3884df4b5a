package io.mirrordrill.engine.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureKindsTest {
    private static ResourceKind widget(String version) {
        return new ResourceKind("example.com", version, "Widget", "widgets", true, false);
    }

    @Test
    void eachKindIsListedOnceInItsPreferredVersion() {
        List<ResourceKind> served = List.of(widget("v1alpha1"), widget("v2beta1"), widget("v1"), widget("v1beta3"),
                widget("v2"), widget("zz"));
        assertEquals(List.of(widget("v2")), CaptureKinds.namespaced(served));
        assertEquals(List.of(widget("v1beta3")), CaptureKinds.namespaced(List.of(widget("v1alpha1"),
                widget("v1beta3"), widget("v1beta1"), widget("zz"))));
        assertEquals(List.of(widget("v1alpha2")), CaptureKinds.namespaced(List.of(widget("v1alpha1"),
                widget("v1alpha2"))));
    }

    @Test
    void eventsEndpointsLeasesVolumeSnapshotsClusterScopedKindsAndProtectsOwnKindsButExecHooksAreLeftOut() {
        List<ResourceKind> served = new ArrayList<>(KindRegistry.withBuiltins().all());
        served.add(new ResourceKind("protect.trident.netapp.io", "v1", "ExecHook", "exechooks", true, true));
        served.add(new ResourceKind("protect.trident.netapp.io", "v1", "Snapshot", "snapshots", true, true));
        served.add(new ResourceKind("events.k8s.io", "v1", "Event", "events", true, false));
        List<String> kinds = CaptureKinds.namespaced(served).stream().map(k -> k.group() + "/" + k.kind()).toList();
        assertEquals(List.of("/ConfigMap", "/LimitRange", "/PersistentVolumeClaim", "/Pod", "/ResourceQuota",
                "/Secret", "/Service", "/ServiceAccount", "apps/DaemonSet", "apps/Deployment", "apps/ReplicaSet",
                "apps/StatefulSet", "batch/CronJob", "batch/Job", "networking.k8s.io/Ingress",
                "networking.k8s.io/NetworkPolicy", "policy/PodDisruptionBudget",
                "protect.trident.netapp.io/ExecHook", "rbac.authorization.k8s.io/Role",
                "rbac.authorization.k8s.io/RoleBinding"), kinds);
    }
}
