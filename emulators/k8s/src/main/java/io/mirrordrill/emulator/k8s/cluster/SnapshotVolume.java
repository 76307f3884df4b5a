package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.SnapshotRecord;
import io.mirrordrill.port.ontap.VolumeRecord;

import java.util.Optional;

/** The ONTAP volume behind a PV, as Trident's snapshotter reaches it: through the PV's backend and internal name. */
record SnapshotVolume(OntapPort ontap, VolumeRecord volume) {

    /** The volume of a PV; empty when the PV or its volume is gone. */
    static Optional<SnapshotVolume> of(ClusterSimulator sim, String pvName) {
        Optional<ObjectNode> pv = sim.api().get("v1", "PersistentVolume", null, pvName).map(Tree::of);
        if (pv.isEmpty()) {
            return Optional.empty();
        }
        TridentBackend backend = sim.backendByUuid(Tree.text(pv.get(), "spec.csi.volumeAttributes."
                + Trident.ATTR_BACKEND_UUID).orElse("")).orElseThrow(() -> new IllegalStateException(
                "PV " + pvName + " names an unknown Trident backend"));
        String internal = Tree.text(pv.get(), "spec.csi.volumeAttributes." + Trident.ATTR_INTERNAL_NAME).orElseThrow();
        OntapPort ontap = sim.ontapPort(backend);
        return ontap.volume(backend.svm(), internal).map(v -> new SnapshotVolume(ontap, v));
    }

    Optional<SnapshotRecord> snapshot(String name) {
        return ontap.snapshots(volume.uuid()).stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
