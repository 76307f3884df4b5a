package io.mirrordrill.engine.application;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a capture leaves out of the selected resources: children whose controller is captured too (pods of a
 * Deployment or ReplicaSet, ReplicaSets of a Deployment...: the controller recreates them, and restoring both would
 * run two copies), except claims, which hold data; and the Secrets an AppVault takes its credentials from, which
 * never go into an archive.
 */
final class CaptureExclusions {
    private CaptureExclusions() {}

    /**
     * @param vaultSecrets {@code namespace/name} of the Secrets AppVaults read credentials from
     */
    static List<GenericKubernetesResource> apply(List<GenericKubernetesResource> candidates, Set<String> vaultSecrets) {
        Set<String> uids = new TreeSet<>();
        candidates.forEach(r -> {
            if (r.getMetadata().getUid() != null) {
                uids.add(r.getMetadata().getUid());
            }
        });
        return candidates.stream()
                .filter(r -> isClaim(r) || !ownedByCaptured(r, uids))
                .filter(r -> !(isCoreSecret(r) && vaultSecrets.contains(r.getMetadata().getNamespace() + "/"
                        + r.getMetadata().getName())))
                .toList();
    }

    private static boolean ownedByCaptured(GenericKubernetesResource r, Set<String> uids) {
        List<OwnerReference> owners = r.getMetadata().getOwnerReferences();
        return owners != null && owners.stream()
                .anyMatch(o -> Boolean.TRUE.equals(o.getController()) && uids.contains(o.getUid()));
    }

    static boolean isClaim(GenericKubernetesResource r) {
        return "v1".equals(r.getApiVersion()) && "PersistentVolumeClaim".equals(r.getKind());
    }

    private static boolean isCoreSecret(GenericKubernetesResource r) {
        return "v1".equals(r.getApiVersion()) && "Secret".equals(r.getKind());
    }
}
