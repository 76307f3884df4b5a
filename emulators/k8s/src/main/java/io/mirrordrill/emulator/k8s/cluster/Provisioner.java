package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.element.AccountRecord;
import io.mirrordrill.port.element.ElementException;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.ontap.JobRecord;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.VolumeCreate;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.port.ontap.VolumeType;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trident's CSI provisioner for claims of {@code csi.trident.netapp.io} storage classes: create the ONTAP volume
 * ({@code trident_pvc_<uid>}; a DP volume when the claim carries {@code trident.netapp.io/mirrorRelationship}; a
 * FlexClone when it comes from a VolumeSnapshot), then a PV ({@code pvc-<uid>}) bound to the claim.
 */
final class Provisioner implements Reconciler {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final ClusterSimulator sim;
    private final KubernetesPort api;
    /** ONTAP jobs in flight per claim uid; lost on a crash, after which the volume is simply looked up again. */
    private final Map<String, String> jobs = new TreeMap<>();

    Provisioner(ClusterSimulator sim) {
        this.sim = sim;
        this.api = sim.api();
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        Optional<GenericKubernetesResource> found = api.get("v1", "PersistentVolumeClaim", key.namespace(), key.name());
        if (found.isEmpty()) {
            return Outcome.done();
        }
        ObjectNode pvc = Tree.of(found.get());
        if (!Tree.at(pvc, "metadata.deletionTimestamp").isMissingNode()) {
            return Outcome.done();
        }
        Optional<String> named = Tree.text(pvc, "spec.volumeName");
        if (named.isPresent()) {
            return new ClaimBinding(sim).check(pvc, named.get()).orElseGet(() -> expand(pvc));
        }
        Optional<ObjectNode> storageClass = storageClass(pvc);
        if (storageClass.isEmpty()) {
            return pending(pvc, "no storage class: set spec.storageClassName or mark a class as default");
        }
        if (!Trident.CSI_DRIVER.equals(storageClass.get().path("provisioner").asText())) {
            return Outcome.done();  // another provisioner's claim
        }
        Optional<TridentBackend> backend = backendFor(storageClass.get());
        if (backend.isEmpty()) {
            return pending(pvc, "no Trident backend matches storage class " + Tree.name(storageClass.get()));
        }
        String uid = Tree.uid(pvc);
        if (backend.get().isElement()) {
            return provisionElement(pvc, storageClass.get(), backend.get());
        }
        String internal = Trident.internalName(uid);
        OntapPort ontap = sim.ontapPort(backend.get());
        Optional<VolumeRecord> volume = ontap.volume(backend.get().svm(), internal);
        if (volume.isEmpty()) {
            return createVolume(pvc, backend.get(), ontap, internal);
        }
        jobs.remove(uid);
        bind(pvc, storageClass.get(), backend.get(), volume.get());
        return Outcome.done();
    }

    private Outcome createVolume(ObjectNode pvc, TridentBackend backend, OntapPort ontap, String internal) {
        String uid = Tree.uid(pvc);
        String job = jobs.get(uid);
        if (job != null) {
            JobRecord record = ontap.job(job);
            if (!record.state().isDone()) {
                return Outcome.requeueAfter(POLL);
            }
            jobs.remove(uid);
            if (!record.succeeded()) {
                return pending(pvc, "ONTAP refused volume " + internal + ": " + record.message() + " (code "
                        + record.code() + ")");
            }
            return Outcome.requeueAfter(Duration.ZERO);
        }
        long size = Quantity.getAmountInBytes(new Quantity(
                Tree.text(pvc, "spec.resources.requests.storage").orElse("1Gi"))).longValue();
        VolumeCreate request;
        try {
            request = volumeRequest(pvc, backend, internal, size);
        } catch (IllegalStateException notYet) {
            return pending(pvc, notYet.getMessage());
        }
        try {
            jobs.put(uid, ontap.createVolume(request).uuid());
        } catch (OntapException e) {
            return pending(pvc, "ONTAP refused volume " + internal + ": " + e.getMessage() + " (code " + e.code() + ")");
        }
        EventRecorder.Involved claim = ClusterSimulator.involved(pvc);
        sim.events("persistentvolume-controller", "").normal(claim, "ExternalProvisioning", "Waiting for a volume to "
                + "be created either by the external provisioner '" + Trident.CSI_DRIVER + "' or manually by the "
                + "system administrator. If volume creation is delayed, please verify that the provisioner is running"
                + " and correctly registered.");
        provisioner().normal(claim, "Provisioning", "External provisioner is provisioning volume for claim \""
                + Tree.namespace(pvc) + "/" + Tree.name(pvc) + "\"");
        sim.record("provision " + Tree.namespace(pvc) + "/" + Tree.name(pvc) + " -> " + backend.svm() + ":" + internal
                + " type=" + (request.type() == VolumeType.DP ? "dp" : request.isClone() ? "clone" : "rw"));
        return Outcome.requeueAfter(POLL);
    }

    /**
     * The {@code solidfire-san} driver: the backend's tenant account (created when missing, as Trident does with
     * {@code TenantName}), a volume {@code pvc-<uid>} of the claim's size in it, then the PV. Element calls complete
     * at once, so there is no job to poll.
     */
    private Outcome provisionElement(ObjectNode pvc, ObjectNode storageClass, TridentBackend backend) {
        String internal = Trident.pvName(Tree.uid(pvc));
        try {
            Optional<io.mirrordrill.port.element.VolumeRecord> existing = elementVolume(sim, backend, internal);
            if (existing.isPresent()) {
                bind(pvc, storageClass, backend, internal, existing.get().totalSize());
                return Outcome.done();
            }
            ElementPort element = sim.element().port(backend.managementCluster(), sim.site());
            long account = element.listAccounts().stream().filter(a -> a.username().equals(backend.svm()))
                    .mapToLong(AccountRecord::accountID).findFirst().orElseGet(() -> element.addAccount(backend.svm()));
            long size = bytes(Tree.text(pvc, "spec.resources.requests.storage").orElse("1Gi"));
            element.createVolume(new io.mirrordrill.port.element.VolumeCreate(internal, account, size, true, null));
        } catch (ElementException e) {
            return pending(pvc, "Element refused volume " + internal + ": " + e.getMessage());
        } catch (UnreachableException e) {
            return pending(pvc, "Element cluster " + backend.managementCluster() + " not reachable: "
                    + e.getMessage());
        }
        provisioner().normal(ClusterSimulator.involved(pvc), "Provisioning", "External provisioner is provisioning"
                + " volume for claim \"" + Tree.namespace(pvc) + "/" + Tree.name(pvc) + "\"");
        sim.record("provision " + Tree.namespace(pvc) + "/" + Tree.name(pvc) + " -> " + backend.managementCluster()
                + "/" + backend.svm() + ":" + internal + " type=element");
        return Outcome.requeueAfter(Duration.ZERO);
    }

    /** The tenant's active Element volume of that name. */
    static Optional<io.mirrordrill.port.element.VolumeRecord> elementVolume(ClusterSimulator sim, TridentBackend backend, String internal) {
        ElementPort element = sim.element().port(backend.managementCluster(), sim.site());
        Optional<Long> account = element.listAccounts().stream().filter(a -> a.username().equals(backend.svm()))
                .map(AccountRecord::accountID).findFirst();
        return account.flatMap(id -> element.listVolumes().stream().filter(v -> v.accountID() == id
                && v.name().equals(internal) && "active".equals(v.status())).findFirst());
    }

    /**
     * The external-resizer with Trident's ControllerExpandVolume: a bound claim asking for more than its capacity
     * (the API server admitted it, so its class allows expansion) grows its ONTAP volume, then the PV's capacity and
     * the claim's {@code status.capacity} (NFS needs no node-side file system resize).
     */
    private Outcome expand(ObjectNode pvc) {
        long requested = bytes(Tree.text(pvc, "spec.resources.requests.storage").orElse("0"));
        Optional<String> capacity = Tree.text(pvc, "status.capacity.storage");
        if (capacity.isEmpty() || requested <= bytes(capacity.get())) {
            return Outcome.done();
        }
        String pvName = Tree.text(pvc, "spec.volumeName").orElseThrow();
        Optional<ObjectNode> pv = api.get("v1", "PersistentVolume", null, pvName).map(Tree::of);
        Optional<TridentBackend> backend = pv.flatMap(v -> Tree.text(v, "spec.csi.volumeAttributes."
                + Trident.ATTR_BACKEND_UUID)).flatMap(uuid -> sim.backends().stream()
                .filter(b -> b.uuid().equals(uuid)).findFirst());
        if (backend.isEmpty() || backend.get().isElement()) {
            // not a Trident volume, its backend is gone, or an Element volume (resizing those is not modelled)
            return Outcome.done();
        }
        String internal = Tree.text(pv.get(), "spec.csi.volumeAttributes." + Trident.ATTR_INTERNAL_NAME).orElseThrow();
        EventRecorder.Involved claim = ClusterSimulator.involved(pvc);
        resizer().normal(claim, "Resizing", "External resizer is resizing volume " + pvName);
        try {
            sim.ontap().resizeVolume(backend.get().managementCluster(), backend.get().svm(), internal, requested);
        } catch (OntapException e) {
            resizer().warning(claim, "VolumeResizeFailed", "resize volume \"" + pvName + "\" by resizer \""
                    + Trident.CSI_DRIVER + "\" failed: " + e.getMessage());
            return Outcome.requeueAfter(RETRY);
        }
        String size = binaryQuantity(requested);
        ObjectNode grown = pv.get().deepCopy();
        Tree.with(grown, "spec.capacity").put("storage", size);
        api.update(Tree.resource(grown));
        ObjectNode status = pvc.deepCopy();
        Tree.with(status, "status.capacity").put("storage", size);
        api.updateStatus(Tree.resource(status));
        resizer().normal(claim, "VolumeResizeSuccessful", "Resize volume succeeded");
        sim.record("expand " + Tree.namespace(pvc) + "/" + Tree.name(pvc) + " to " + size);
        return Outcome.done();
    }

    private static long bytes(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity)).longValue();
    }

    /** The external-resizer sidecar, as it names itself in the Events it records. */
    private EventRecorder resizer() {
        return sim.events("external-resizer " + Trident.CSI_DRIVER, "");
    }

    /** Trident's CSI controller, as the external-provisioner sidecar names itself in the Events it records. */
    private EventRecorder provisioner() {
        return sim.events(Trident.CSI_DRIVER, "trident-controller");
    }

    /** The ONTAP request for a claim: plain, mirror destination, or clone of a ready VolumeSnapshot. */
    private VolumeCreate volumeRequest(ObjectNode pvc, TridentBackend backend, String internal, long size) {
        if (pvc.path("metadata").path("annotations").has(Trident.MIRROR_ANNOTATION)) {
            return new VolumeCreate(internal, backend.svm(), size, VolumeType.DP);
        }
        JsonNode source = pvc.path("spec").path("dataSource");
        if (source.isMissingNode() || !"VolumeSnapshot".equals(source.path("kind").asText())) {
            return new VolumeCreate(internal, backend.svm(), size, VolumeType.RW);
        }
        String snapshotName = source.path("name").asText();
        ObjectNode snapshot = api.get("snapshot.storage.k8s.io/v1", "VolumeSnapshot", Tree.namespace(pvc), snapshotName)
                .map(Tree::of).orElseThrow(() -> new IllegalStateException("VolumeSnapshot " + snapshotName
                        + " not found"));
        if (!snapshot.path("status").path("readyToUse").asBoolean(false)) {
            throw new IllegalStateException("VolumeSnapshot " + snapshotName + " is not ready to use yet");
        }
        String contentName = Tree.text(snapshot, "status.boundVolumeSnapshotContentName").orElseThrow();
        String handle = api.get("snapshot.storage.k8s.io/v1", "VolumeSnapshotContent", null, contentName).map(Tree::of)
                .flatMap(c -> Tree.text(c, "status.snapshotHandle")).orElseThrow(() -> new IllegalStateException(
                        "VolumeSnapshotContent " + contentName + " has no snapshot handle yet"));
        String[] parts = handle.split("/", 2);
        ObjectNode pv = api.get("v1", "PersistentVolume", null, parts[0]).map(Tree::of).orElseThrow(
                () -> new IllegalStateException("source volume " + parts[0] + " of snapshot " + snapshotName
                        + " is gone"));
        String parent = Tree.text(pv, "spec.csi.volumeAttributes." + Trident.ATTR_INTERNAL_NAME).orElseThrow();
        return VolumeCreate.clone(internal, backend.svm(), size, parent, parts[1]);
    }

    /** Creates the PV (if missing) and binds the claim to it. */
    private void bind(ObjectNode pvc, ObjectNode storageClass, TridentBackend backend, VolumeRecord volume) {
        bind(pvc, storageClass, backend, volume.name(), volume.size());
    }

    private void bind(ObjectNode pvc, ObjectNode storageClass, TridentBackend backend, String internal, long size) {
        String pvName = Trident.pvName(Tree.uid(pvc));
        if (api.get("v1", "PersistentVolume", null, pvName).isEmpty()) {
            api.create(Tree.resource(persistentVolume(pvName, pvc, storageClass, backend, internal, size)));
            provisioner().normal(ClusterSimulator.involved(pvc), "ProvisioningSucceeded", "Successfully provisioned "
                    + "volume " + pvName);
        }
        ObjectNode update = pvc.deepCopy();
        Tree.with(update, "spec").put("volumeName", pvName);
        Tree.with(update, "metadata.annotations").put("pv.kubernetes.io/bind-completed", "yes")
                .put("pv.kubernetes.io/bound-by-controller", "yes")
                .put("volume.kubernetes.io/storage-provisioner", Trident.CSI_DRIVER);
        ObjectNode bound = Tree.of(api.update(Tree.resource(update)));
        ObjectNode status = Tree.with(bound, "status");
        status.put("phase", "Bound");
        Tree.with(status, "capacity").put("storage", binaryQuantity(size));
        status.set("accessModes", pvc.path("spec").path("accessModes"));
        api.updateStatus(Tree.resource(bound));
        sim.record("bound " + Tree.namespace(pvc) + "/" + Tree.name(pvc) + " to " + pvName);
    }

    static ObjectNode persistentVolume(String pvName, ObjectNode pvc, ObjectNode storageClass, TridentBackend backend,
                                       String internal, long size) {
        ObjectNode pv = Tree.object();
        pv.put("apiVersion", "v1").put("kind", "PersistentVolume");
        Tree.with(pv, "metadata").put("name", pvName);
        Tree.with(pv, "metadata.annotations").put("pv.kubernetes.io/provisioned-by", Trident.CSI_DRIVER);
        ObjectNode spec = Tree.with(pv, "spec");
        Tree.with(spec, "capacity").put("storage", binaryQuantity(size));
        spec.set("accessModes", pvc.path("spec").path("accessModes"));
        spec.put("persistentVolumeReclaimPolicy", storageClass.path("reclaimPolicy").asText("Delete"));
        spec.put("storageClassName", Tree.name(storageClass));
        spec.put("volumeMode", pvc.path("spec").path("volumeMode").asText("Filesystem"));
        ObjectNode claimRef = Tree.with(spec, "claimRef");
        claimRef.put("apiVersion", "v1").put("kind", "PersistentVolumeClaim").put("namespace", Tree.namespace(pvc))
                .put("name", Tree.name(pvc)).put("uid", Tree.uid(pvc));
        ObjectNode csi = Tree.with(spec, "csi");
        csi.put("driver", Trident.CSI_DRIVER).put("volumeHandle", pvName).put("fsType", backend.isElement() ? "ext4"
                : "nfs");
        Tree.with(csi, "volumeAttributes").put(Trident.ATTR_BACKEND_UUID, backend.uuid())
                .put(Trident.ATTR_INTERNAL_NAME, internal).put(Trident.ATTR_NAME, pvName)
                .put(Trident.ATTR_PROTOCOL, TridentBackend.ONTAP_SAN.equals(backend.storageDriverName())
                        || backend.isElement() ? "block" : "file");
        Tree.with(pv, "status").put("phase", "Bound");
        return pv;
    }

    /** {@code tridentctl import volume}: a PV for an existing ONTAP volume, bound to a new claim. */
    void importVolume(TridentBackend backend, String volumeName, GenericKubernetesResource claim) {
        OntapPort ontap = sim.ontapPort(backend);
        VolumeRecord volume = ontap.volume(backend.svm(), volumeName).orElseThrow(() -> new IllegalArgumentException(
                "volume " + volumeName + " not found on backend " + backend.name() + " (SVM " + backend.svm() + ")"));
        ObjectNode created = Tree.of(api.create(claim));
        ObjectNode storageClass = storageClass(created).orElseThrow(() -> new IllegalArgumentException(
                "the imported claim needs a storage class"));
        bind(created, storageClass, backend, volume);
        sim.record("import " + backend.svm() + ":" + volumeName + " as " + Tree.namespace(created) + "/"
                + Tree.name(created));
    }

    private Optional<ObjectNode> storageClass(ObjectNode pvc) {
        Optional<String> name = Tree.text(pvc, "spec.storageClassName");
        if (name.isPresent()) {
            return api.get("storage.k8s.io/v1", "StorageClass", null, name.get()).map(Tree::of);
        }
        return api.list("storage.k8s.io/v1", "StorageClass", null, LabelSelector.everything()).stream().map(Tree::of)
                .filter(c -> "true".equals(
                        c.path("metadata").path("annotations").path(Trident.DEFAULT_CLASS_ANNOTATION).asText()))
                .findFirst();
    }

    /** A class names its backend with {@code storagePools: "<backend>:<pool>"}, or by {@code backendType} alone. */
    private Optional<TridentBackend> backendFor(ObjectNode storageClass) {
        JsonNode params = storageClass.path("parameters");
        String pools = params.path(Trident.STORAGE_POOLS).asText("");
        if (!pools.isEmpty()) {
            String backendName = pools.split(":", 2)[0];
            return sim.backends().stream().filter(b -> b.name().equals(backendName)).findFirst();
        }
        String type = params.path(Trident.BACKEND_TYPE).asText("");
        return sim.backends().stream().filter(b -> type.isEmpty() || b.storageDriverName().equals(type)).findFirst();
    }

    private Outcome pending(ObjectNode pvc, String reason) {
        EventRecorder.Involved claim = ClusterSimulator.involved(pvc);
        if (Tree.text(pvc, "spec.storageClassName").isEmpty() && reason.startsWith("no storage class")) {
            sim.events("persistentvolume-controller", "").normal(claim, "FailedBinding", "no persistent volumes "
                    + "available for this claim and no storage class is set");
        } else {
            provisioner().warning(claim, "ProvisioningFailed", "failed to provision volume with StorageClass \""
                    + Tree.text(pvc, "spec.storageClassName").orElse("") + "\": " + reason);
        }
        sim.record("claim " + Tree.namespace(pvc) + "/" + Tree.name(pvc) + " pending: " + reason);
        return Outcome.requeueAfter(RETRY);
    }

    /**
     * A size in bytes as the CSI external-provisioner writes capacities: a binary-SI Quantity in its canonical form
     * ({@code 2Gi}; plain bytes when no binary suffix divides it), so {@code kubectl get pvc} shows {@code 2Gi}.
     */
    static String binaryQuantity(long bytes) {
        String[] suffixes = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
        int i = 0;
        long value = bytes;
        while (i < suffixes.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            i++;
        }
        return value + suffixes[i];
    }
}
