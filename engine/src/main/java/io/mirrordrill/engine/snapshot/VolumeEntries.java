package io.mirrordrill.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.archive.StagedCapture;
import io.mirrordrill.engine.archive.VolumeSnapshotEntry;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.UnknownKindException;

import java.util.ArrayList;
import java.util.List;

/**
 * The PVC-to-ONTAP map of a snapshot, read from the cluster as Trident left it: the claim's class (as captured; its
 * PV's when the claim names none and got the default) and size, its PV's {@code backendUUID} and {@code internalName}, the ONTAP snapshot from the content's
 * {@code snapshotHandle} ({@code <pv>/<snapshot>}), and the backend's name, SVM and management LIF from its
 * TridentBackend object ({@code trident.netapp.io/v1}, in whatever namespace Trident runs).
 */
final class VolumeEntries {
    static final String TRIDENT_API = "trident.netapp.io/v1";
    static final String TRIDENT_BACKEND = "TridentBackend";

    private final KubernetesPort kubernetes;

    VolumeEntries(KubernetesPort kubernetes) {
        this.kubernetes = kubernetes;
    }

    List<VolumeSnapshotEntry> of(StagedCapture capture, String snapshotUid) {
        List<JsonNode> backends = backends();
        List<VolumeSnapshotEntry> entries = new ArrayList<>();
        for (JsonNode claim : Claims.bound(capture)) {
            String ns = Claims.namespace(claim);
            JsonNode vs = tree(kubernetes.get(VolumeSnapshots.API_VERSION, VolumeSnapshots.KIND, ns,
                    VolumeSnapshots.name(snapshotUid, Claims.uid(claim))).orElse(null));
            String contentName = vs.path("status").path("boundVolumeSnapshotContentName").asText("");
            String handle = tree(kubernetes.get(VolumeSnapshots.API_VERSION, "VolumeSnapshotContent", null,
                    contentName.isEmpty() ? "-" : contentName).orElse(null)).path("status").path("snapshotHandle")
                    .asText("");
            int slash = handle.indexOf('/');
            if (slash < 0) {
                throw new SnapshotException(SnapshotException.VOLUME_SNAPSHOT_FAILED, "the VolumeSnapshot of claim "
                        + Claims.describe(claim) + " has no snapshot handle. Fix: take a new snapshot");
            }
            String pvName = handle.substring(0, slash);
            JsonNode pv = tree(kubernetes.get("v1", "PersistentVolume", null, pvName).orElse(null));
            JsonNode attributes = pv.path("spec").path("csi").path("volumeAttributes");
            String backendUuid = attributes.path("backendUUID").asText("");
            JsonNode backend = backends.stream().filter(b -> backendUuid.equals(b.path("backendUUID").asText()))
                    .findFirst().orElseThrow(() -> new SnapshotException(SnapshotException.TRIDENT_BACKEND_NOT_FOUND,
                            "no TridentBackend has backendUUID \"" + backendUuid + "\" of volume " + pvName
                                    + " (claim " + Claims.describe(claim) + "). Fix: check Trident's backends"
                                    + " (tridentctl get backend)"));
            JsonNode ontap = backend.path("config").path("ontap_config");
            entries.add(new VolumeSnapshotEntry(ns, Claims.name(claim),
                    claim.path("spec").path("storageClassName").asText(pv.path("spec").path("storageClassName")
                            .asText(null)),
                    claim.path("spec").path("resources").path("requests").path("storage").asText(null), pvName,
                    backend.path("backendName").asText(), ontap.path("svm").asText(),
                    attributes.path("internalName").asText(), handle.substring(slash + 1),
                    ontap.path("managementLIF").asText()));
        }
        return entries;
    }

    private List<JsonNode> backends() {
        try {
            return kubernetes.list(TRIDENT_API, TRIDENT_BACKEND, null, LabelSelector.everything()).stream()
                    .map(VolumeEntries::tree).toList();
        } catch (UnknownKindException e) {
            throw new SnapshotException(SnapshotException.TRIDENT_BACKEND_NOT_FOUND, "the cluster serves no "
                    + TRIDENT_BACKEND + " (" + TRIDENT_API + "). Fix: install Trident");
        }
    }

    private static JsonNode tree(GenericKubernetesResource r) {
        return r == null ? Resources.mapper().createObjectNode() : Resources.toTree(r);
    }
}
