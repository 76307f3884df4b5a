package io.mirrordrill.scenario.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.Optional;

/**
 * The ONTAP volume behind a claim, found the way Trident's controllers find it: PVC, bound PV, the PV's
 * backendUUID, and the TridentBackend object that names the SVM and the management LIF (the emulator's cluster name).
 */
public record VolumeRef(String ontapCluster, String svm, String volume, String backend, String pvName,
                        String storageClass, String size) {

    /** {@code svm-east:trident_pvc_...}: how ONTAP names the volume (SVM names are unique in a drill's world). */
    public String path() {
        return svm + ":" + volume;
    }

    /** The volume of a bound claim; empty when the claim, its PV or its backend is not there (yet). */
    public static Optional<VolumeRef> of(KubernetesPort api, String namespace, String claim) {
        Optional<JsonNode> pvc = api.get("v1", "PersistentVolumeClaim", namespace, claim).map(Resources::toTree);
        String pvName = pvc.map(p -> p.path("spec").path("volumeName").asText("")).orElse("");
        if (pvName.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> pv = api.get("v1", "PersistentVolume", null, pvName).map(Resources::toTree);
        if (pv.isEmpty()) {
            return Optional.empty();
        }
        JsonNode attrs = pv.get().path("spec").path("csi").path("volumeAttributes");
        String uuid = attrs.path("backendUUID").asText();
        for (var backend : api.list("trident.netapp.io/v1", "TridentBackend", "trident", LabelSelector.everything())) {
            JsonNode b = Resources.toTree(backend);
            if (uuid.equals(b.path("backendUUID").asText())) {
                JsonNode config = b.path("config").path("ontap_config");
                return Optional.of(new VolumeRef(config.path("managementLIF").asText(), config.path("svm").asText(),
                        attrs.path("internalName").asText(), b.path("backendName").asText(), pvName,
                        pvc.get().path("spec").path("storageClassName").asText(),
                        pvc.get().path("spec").path("resources").path("requests").path("storage").asText("1Gi")));
            }
        }
        return Optional.empty();
    }
}
