package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.k8s.cluster.ClusterSimulator;
import io.mirrordrill.emulator.k8s.cluster.TridentBackend;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.SvmRecord;
import io.mirrordrill.port.ontap.SvmState;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.port.ontap.VolumeType;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.drill.TridentctlCommand;
import io.mirrordrill.scenario.world.SimCluster;

import java.util.Optional;

/**
 * {@code tridentctl} against a cluster's Trident: backends created, updated and deleted the way Trident does it
 * (the driver connects to the SVM through its management LIF first, from the cluster's site), volumes imported as a
 * PV bound to a new PVC. Failures read as tridentctl prints them ({@code Error: could not ...}). Credentials from
 * the backend file are learnt as secrets first, so no output shows them.
 */
final class TridentSteps {
    private final Estate estate;
    private final Measures measures;

    TridentSteps(Estate estate, Measures measures) {
        this.estate = estate;
        this.measures = measures;
    }

    void tridentctl(Step.Tridentctl step) {
        TridentctlCommand c = step.command();
        if (c.backend() != null) {
            estate.redactor().learnCredential(c.backend().password());
        }
        SimCluster k = estate.cluster(step.cluster());
        if (!estate.reachable(k)) {
            throw new StepFailure("tridentctl " + c.verb() + ": Error: could not communicate with Trident: cluster "
                    + k.name() + " cannot be reached", "site " + k.site() + " is down");
        }
        ClusterSimulator sim = k.simulator();
        switch (c.verb()) {
            case "create backend" -> create(k, c.backend());
            case "update backend" -> update(k, c.name(), c.backend());
            case "delete backend" -> delete(sim, c.name());
            default -> importVolume(k, c);
        }
    }

    private void create(SimCluster k, TridentctlCommand.BackendConfig b) {
        String name = b.backendName() != null ? b.backendName() : b.storageDriverName() + "_" + b.dataLIF();
        if (find(k.simulator(), name).isPresent()) {
            throw failure("could not create backend: backend " + name + " already exists (409 Conflict)",
                    "tridentctl get backend lists " + name);
        }
        driver(k, b, "could not create backend");
        k.simulator().addBackend(name, b.storageDriverName(), b.managementLIF(), b.svm());
    }

    private void update(SimCluster k, String name, TridentctlCommand.BackendConfig b) {
        TridentBackend existing = find(k.simulator(), name).orElseThrow(() -> failure("could not update backend "
                + name + ": backend " + name + " was not found (404 Not Found)", "backends: " + names(k)));
        String what = "could not update backend " + name;
        if (!existing.storageDriverName().equals(b.storageDriverName())) {
            throw failure(what + ": invalid backend update: cannot change the storage driver from "
                    + existing.storageDriverName() + " to " + b.storageDriverName() + " (400 Bad Request)",
                    "create a new backend for another driver");
        }
        driver(k, b, what);
        k.simulator().updateBackend(name, b.managementLIF(), b.svm());
        measures.recoveredInPlace();
    }

    private void delete(ClusterSimulator sim, String name) {
        TridentBackend b = find(sim, name).orElseThrow(() -> failure("could not delete backend " + name
                + ": backend " + name + " was not found (404 Not Found)", "no such backend"));
        long volumes = 0;
        for (var pv : estate.cluster(sim.name()).api().list("v1", "PersistentVolume", null,
                LabelSelector.everything())) {
            if (b.uuid().equals(Resources.toTree(pv).path("spec").path("csi").path("volumeAttributes")
                    .path("backendUUID").asText())) {
                volumes++;
            }
        }
        if (volumes > 0) {
            // Trident keeps it in state deleting until its last volume goes; the drills delete PVs first (seed 002)
            throw failure("could not delete backend " + name + ": backend " + name + " still has " + volumes
                    + " volume(s); it would stay in state deleting", "delete the PVCs and PVs bound to its volumes"
                    + " first, as seed 002's volume DR workflow cleans up before it creates new backends");
        }
        sim.deleteBackend(name);
    }

    private void importVolume(SimCluster k, TridentctlCommand c) {
        String what = "could not import volume";
        TridentBackend backend = find(k.simulator(), c.name()).orElseThrow(() -> failure(what + ": backend "
                + c.name() + " was not found (404 Not Found)", "backends: " + names(k)));
        VolumeRecord volume;
        try {
            volume = port(k, backend).volume(backend.svm(), c.volume()).orElseThrow(() -> failure(what
                    + ": volume import failed to get size of volume: volume " + c.volume() + " was not found"
                    + " (400 Bad Request)", "SVM " + backend.svm() + " of backend " + backend.name()
                    + " has no volume " + c.volume()));
        } catch (UnreachableException e) {
            throw failure(what + ": problem communicating with backend " + backend.name() + ": "
                    + e.getMessage() + " (400 Bad Request)", "the backend's ONTAP cluster cannot be reached");
        }
        if (volume.type() != VolumeType.RW) {
            throw failure(what + ": volume " + c.volume() + " type is " + volume.type().name().toLowerCase(
                    java.util.Locale.ROOT) + ", not rw (400 Bad Request)", "break the SnapMirror relationship"
                    + " first (snapmirror break -destination-path " + backend.svm() + ":" + c.volume() + ")");
        }
        for (var pv : k.api().list("v1", "PersistentVolume", null, LabelSelector.everything())) {
            JsonNode attrs = Resources.toTree(pv).path("spec").path("csi").path("volumeAttributes");
            if (c.volume().equals(attrs.path("internalName").asText())
                    && backend.uuid().equals(attrs.path("backendUUID").asText())) {
                throw failure(what + ": volume " + c.volume() + " is already managed by Trident (PV "
                        + pv.getMetadata().getName() + ") (409 Conflict)", "import a volume only once");
            }
        }
        ObjectNode claim = c.claim().deepCopy();
        ObjectNode meta = claim.with("metadata");
        if (!meta.hasNonNull("namespace")) {
            meta.put("namespace", "default");
        }
        String ns = meta.path("namespace").asText();
        if (k.api().get("v1", "Namespace", null, ns).isEmpty()) {
            throw failure(what + ": namespaces \"" + ns + "\" not found (404 Not Found)", "create the namespace"
                    + " first (kubectl create namespace " + ns + ")");
        }
        if (k.api().get("v1", "PersistentVolumeClaim", ns, meta.path("name").asText()).isPresent()) {
            throw failure(what + ": persistentvolumeclaims \"" + meta.path("name").asText()
                    + "\" already exists (409 Conflict)", "delete the old claim first, or name another");
        }
        try {
            k.simulator().importVolume(backend.name(), c.volume(), Resources.fromTree(claim));
        } catch (IllegalArgumentException e) {
            throw failure(what + ": " + e.getMessage() + " (400 Bad Request)", "check the claim's storage class");
        }
        measures.recoveredInPlace();
    }

    /**
     * What Trident's ONTAP driver checks when it initialises: the management LIF is an ONTAP cluster it can reach
     * from the cluster's site, and the SVM exists and runs (a stopped or not yet activated SVM serves no data).
     */
    private void driver(SimCluster k, TridentctlCommand.BackendConfig b, String what) {
        String prefix = what + ": problem initializing storage driver '" + b.storageDriverName()
                + "': error initializing " + b.storageDriverName() + " driver: ";
        if (!estate.sim().ontap().clusterNames().contains(b.managementLIF())) {
            throw failure(prefix + "could not create Data ONTAP API client: error reading SVM details: dial tcp:"
                    + " lookup " + b.managementLIF() + ": no such host (400 Bad Request)",
                    "managementLIF names one of the ONTAP clusters " + estate.sim().ontap().clusterNames());
        }
        Optional<SvmRecord> svm;
        try {
            svm = estate.sim().ontap().port(b.managementLIF(), k.site()).svm(b.svm());
        } catch (UnreachableException e) {
            throw failure(prefix + "could not create Data ONTAP API client: error reading SVM details: context"
                    + " deadline exceeded (Client.Timeout exceeded while awaiting headers) (400 Bad Request)",
                    e.getMessage());
        }
        if (svm.isEmpty()) {
            throw failure(prefix + "could not create Data ONTAP API client: error reading SVM details: SVM "
                    + b.svm() + " does not exist (400 Bad Request)", "ONTAP cluster " + b.managementLIF()
                    + " has no SVM " + b.svm());
        }
        if (svm.get().state() != SvmState.RUNNING) {
            throw failure(prefix + "SVM " + b.svm() + " is " + svm.get().state().rest() + ", not running"
                    + " (400 Bad Request)", "start it first (vserver start -vserver " + b.svm() + "); an SVM-DR"
                    + " destination is started after its relationship is broken and its source SVM stopped");
        }
    }

    private OntapPort port(SimCluster k, TridentBackend backend) {
        return estate.sim().ontap().port(backend.managementCluster(), k.site());
    }

    private static Optional<TridentBackend> find(ClusterSimulator sim, String name) {
        return sim.backends().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    private static String names(SimCluster k) {
        return k.simulator().backends().stream().map(TridentBackend::name).toList().toString();
    }

    private static StepFailure failure(String message, String evidence) {
        return new StepFailure("tridentctl: Error: " + message, evidence);
    }
}
