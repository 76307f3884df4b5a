package io.mirrordrill.engine.snapshot;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.UnknownKindException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CSI VolumeSnapshots a snapshot takes: one per claim, named {@code snapshot-<snapshot uid>-<claim uid>} so that
 * every attempt finds the one an earlier attempt created, labelled with the snapshot's uid so that its clean-up finds
 * them all. They use the cluster's default VolumeSnapshotClass, whose deletionPolicy decides whether deleting one
 * deletes its ONTAP snapshot.
 */
final class VolumeSnapshots {
    static final String API_VERSION = "snapshot.storage.k8s.io/v1";
    static final String KIND = "VolumeSnapshot";
    static final String SNAPSHOT_UID = "protect.trident.netapp.io/snapshot-uid";

    private final KubernetesPort kubernetes;

    VolumeSnapshots(KubernetesPort kubernetes) {
        this.kubernetes = kubernetes;
    }

    static String name(String snapshotUid, String claimUid) {
        return "snapshot-" + snapshotUid + "-" + claimUid;
    }

    Optional<GenericKubernetesResource> get(String namespace, String name) {
        return kubernetes.get(API_VERSION, KIND, namespace, name);
    }

    void create(String namespace, String name, String claim, String snapshotUid) {
        GenericKubernetesResource vs = Resources.generic(API_VERSION, KIND, namespace, name);
        vs.getMetadata().setLabels(Map.of(SNAPSHOT_UID, snapshotUid));
        vs.getAdditionalProperties().put("spec", Map.of("source", Map.of("persistentVolumeClaimName", claim)));
        kubernetes.create(vs);
    }

    /** Every VolumeSnapshot of a snapshot, in any namespace; none where the snapshot CRDs are not installed. */
    List<GenericKubernetesResource> of(String snapshotUid) {
        try {
            return kubernetes.list(API_VERSION, KIND, null, LabelSelector.parse(SNAPSHOT_UID + "=" + snapshotUid));
        } catch (UnknownKindException noCrd) {
            return List.of();
        }
    }

    /** The VolumeSnapshots of a snapshot in the given namespaces only. */
    List<GenericKubernetesResource> of(String snapshotUid, Set<String> namespaces) {
        List<GenericKubernetesResource> found = new ArrayList<>();
        try {
            for (String namespace : namespaces) {
                found.addAll(kubernetes.list(API_VERSION, KIND, namespace,
                        LabelSelector.parse(SNAPSHOT_UID + "=" + snapshotUid)));
            }
        } catch (UnknownKindException noCrd) {
            return List.of();
        }
        return found;
    }

    /**
     * Deletes every VolumeSnapshot of a snapshot not being deleted yet, looking in {@code namespaces} when they are
     * known (the captured claims'), else in all; returns how many are still there.
     */
    int deleteAll(String snapshotUid, Optional<Set<String>> namespaces) {
        List<GenericKubernetesResource> all = namespaces.map(n -> of(snapshotUid, n)).orElseGet(() -> of(snapshotUid));
        for (GenericKubernetesResource vs : all) {
            if (vs.getMetadata().getDeletionTimestamp() == null) {
                try {
                    kubernetes.delete(API_VERSION, KIND, vs.getMetadata().getNamespace(), vs.getMetadata().getName());
                } catch (NotFoundException gone) {
                    // deleted meanwhile: what was wanted
                }
            }
        }
        return all.size();
    }
}
