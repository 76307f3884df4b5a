package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.engine.appvault.AppVaultResolver;
import io.mirrordrill.engine.appvault.AppVaults;
import io.mirrordrill.engine.appvault.ResolvedVault;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchiveReader;
import io.mirrordrill.engine.archive.VolumeSnapshotEntry;
import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.controller.ProtectReconciler;
import io.mirrordrill.engine.controller.Ready;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.engine.model.SnapshotRestore;
import io.mirrordrill.engine.model.TimeoutAnnotation;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.objectstore.ObjectStoreException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SnapshotRestore controller: brings a snapshot archive back into namespaces of this cluster. Each claim is a new
 * volume cloned from the archive's ONTAP snapshot (through a pre-provisioned VolumeSnapshot in the target namespace,
 * so restores into another namespace work); once every claim is bound the rest of the plan is applied. A claim that
 * already exists and is not this restore's is a conflict: nothing is overwritten. Names derive from the restore's
 * uid, so a re-run after a crash finds what it made.
 */
public final class SnapshotRestoreReconciler implements ProtectReconciler<SnapshotRestore, ResourceStatus> {
    private static final String SNAPSHOT_API = "snapshot.storage.k8s.io/v1";
    private static final Duration POLL = Duration.ofSeconds(5);

    private final EnginePorts ports;
    private final EngineSettings settings;

    public SnapshotRestoreReconciler(EnginePorts ports, EngineSettings settings) {
        this.ports = ports;
        this.settings = settings;
    }

    @Override
    public String kind() {
        return SnapshotRestore.KIND;
    }

    @Override
    public ResourceStatus emptyStatus() {
        return new ResourceStatus(null, null, List.of());
    }

    @Override
    public Decision<ResourceStatus> reconcile(SnapshotRestore restore) {
        String state = restore.status() == null ? null : restore.status().state();
        if ("Completed".equals(state) || "Failed".equals(state)) {
            return Decision.done();
        }
        try {
            Archive archive = read(restore);
            RestorePlan plan = RestorePlan.of(RestoreInput.snapshotRestore(restore, archive.content().resourceTrees(),
                    archive.content().namespaces(), destinationNamespaces(restore, archive), defaultClass(),
                    settings.namespaceMerge()));
            Optional<String> waiting = claims(restore, archive, plan);
            if (waiting.isPresent()) {
                return Decision.requeue(status(restore, "Running", null), Ready.isFalse("Restoring", waiting.get()),
                        POLL);
            }
            for (ObjectNode resource : plan.resources()) {
                String kind = resource.path("kind").asText();
                if (!kind.equals("PersistentVolumeClaim") && !kind.equals("PersistentVolume")) {
                    apply(resource);
                }
            }
            return Decision.done(status(restore, "Completed", null), Ready.isTrue("Completed", "restored "
                    + archive.path().basename() + ": " + plan.resources().size() + " resources"));
        } catch (RestoreException | InvalidRestore e) {
            return Decision.done(status(restore, "Failed", e.getMessage()), Ready.isFalse("Failed", e.getMessage()));
        } catch (UnreachableException | ObjectStoreException e) {
            return Decision.retry(status(restore, "Running", null), Ready.isFalse("Waiting", e.getMessage()),
                    e.getMessage());
        }
    }

    /** A spec or archive problem a retry cannot fix. */
    private static final class InvalidRestore extends MirrordrillException {
        InvalidRestore(String message) {
            super(message);
        }
    }

    private Archive read(SnapshotRestore restore) {
        String path = restore.spec() == null ? null : restore.spec().appArchivePath();
        String vaultName = restore.spec() == null ? null : restore.spec().appVaultRef();
        if (path == null || path.isBlank() || vaultName == null || vaultName.isBlank()) {
            throw new InvalidRestore("spec.appArchivePath and spec.appVaultRef are required. Fix: copy"
                    + " status.appArchivePath of the Snapshot to restore and name its AppVault");
        }
        AppVault vault = AppVaults.find(ports.kubernetes(), vaultName, restore.metadata().getNamespace())
                .map(r -> (AppVault) ProtectYaml.fromGeneric(r)).orElseThrow(() -> new InvalidRestore(
                        "spec.appVaultRef: AppVault " + vaultName + " not found. Fix: create it or name another"));
        try {
            ResolvedVault resolved = new AppVaultResolver(ports.kubernetes()).resolve(vault);
            return new ArchiveReader(ports.objectStores().connect(resolved.target()), resolved.bucket())
                    .read(ArchivePath.parse(path, "spec.appArchivePath"));
        } catch (MirrordrillException e) {
            if (e instanceof UnreachableException || e instanceof ObjectStoreException) {
                throw e;
            }
            throw new InvalidRestore("spec.appArchivePath " + path + ": " + e.getMessage());
        }
    }

    /** Creates the claims from their snapshots; empty once all are bound, else what is awaited. */
    private Optional<String> claims(SnapshotRestore restore, Archive archive, RestorePlan plan) {
        String waiting = null;
        for (VolumeSnapshotEntry e : archive.content().volumes()) {
            ObjectNode claim = plan.resources().stream().filter(r -> r.path("kind").asText().equals(
                    "PersistentVolumeClaim") && r.path("metadata").path("name").asText().equals(e.pvcName()))
                    .findFirst().orElseThrow(() -> new InvalidRestore("the archive's claim " + e.namespace() + "/"
                            + e.pvcName() + " is not in the restore plan (left out by the resource filter?)"));
            String ns = claim.path("metadata").path("namespace").asText();
            String base = "restore-" + restore.metadata().getUid().substring(0, 8) + "-" + e.pvcName();
            Optional<ObjectNode> existing = ports.kubernetes().get("v1", "PersistentVolumeClaim", ns, e.pvcName())
                    .map(Resources::toTree);
            if (existing.isPresent()) {
                if (!base.equals(existing.get().path("spec").path("dataSource").path("name").asText())) {
                    throw new InvalidRestore("PersistentVolumeClaim " + ns + "/" + e.pvcName() + " already exists."
                            + " Fix: restore into another namespace (spec.namespaceMapping) or delete the claim");
                }
                if (existing.get().path("spec").path("volumeName").asText("").isEmpty()) {
                    requireBoundInTime(restore, existing.get());
                    waiting = waiting != null ? waiting : "waiting for claim " + ns + "/" + e.pvcName();
                }
                continue;
            }
            if (!snapshotReady(ns, base, e)) {
                waiting = waiting != null ? waiting : "waiting for snapshot " + e.snapshotName() + " in " + ns;
                continue;
            }
            ObjectNode pvc = claim.deepCopy();
            ObjectNode spec = pvc.with("spec");
            spec.remove("volumeName");
            ObjectNode source = spec.putObject("dataSource");
            source.put("apiGroup", "snapshot.storage.k8s.io").put("kind", "VolumeSnapshot").put("name", base);
            ports.kubernetes().create(Resources.fromTree(pvc));
            waiting = waiting != null ? waiting : "waiting for claim " + ns + "/" + e.pvcName();
        }
        return Optional.ofNullable(waiting);
    }

    /** The pvc-bind-timeout-sec annotation of the restore (or its default): a claim unbound after it fails it. */
    private void requireBoundInTime(SnapshotRestore restore, ObjectNode claim) {
        Duration limit;
        try {
            limit = TimeoutAnnotation.PVC_BIND.in(restore.metadata().getAnnotations()).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new InvalidRestore(e.getMessage());
        }
        Instant created = Instant.parse(claim.path("metadata").path("creationTimestamp").asText());
        if (ports.clock().now().isAfter(created.plus(limit))) {
            String where = claim.path("metadata").path("namespace").asText() + "/"
                    + claim.path("metadata").path("name").asText();
            throw new InvalidRestore("claim " + where + " is not bound after " + TimeoutAnnotation.PVC_BIND.format(
                    limit) + ". Fix: see kubectl describe pvc -n " + where.replace("/", " ") + " (storage class,"
                    + " Trident), or allow more time with the annotation " + TimeoutAnnotation.PVC_BIND.key());
        }
    }

    /** A VolumeSnapshot in the target namespace on the archive's ONTAP snapshot, made once; true when ready. */
    private boolean snapshotReady(String ns, String name, VolumeSnapshotEntry e) {
        KubernetesPort kube = ports.kubernetes();
        if (kube.get(SNAPSHOT_API, "VolumeSnapshotContent", null, name).isEmpty()) {
            ObjectNode content = Resources.mapper().createObjectNode();
            content.put("apiVersion", SNAPSHOT_API).put("kind", "VolumeSnapshotContent");
            content.putObject("metadata").put("name", name);
            ObjectNode spec = content.putObject("spec");
            spec.put("deletionPolicy", "Retain").put("driver", "csi.trident.netapp.io");
            spec.putObject("source").put("snapshotHandle", e.pvName() + "/" + e.snapshotName());
            spec.putObject("volumeSnapshotRef").put("namespace", ns).put("name", name);
            kube.create(Resources.fromTree(content));
        }
        Optional<ObjectNode> vs = kube.get(SNAPSHOT_API, "VolumeSnapshot", ns, name).map(Resources::toTree);
        if (vs.isEmpty()) {
            ObjectNode snapshot = Resources.mapper().createObjectNode();
            snapshot.put("apiVersion", SNAPSHOT_API).put("kind", "VolumeSnapshot");
            snapshot.putObject("metadata").put("name", name).put("namespace", ns);
            snapshot.putObject("spec").putObject("source").put("volumeSnapshotContentName", name);
            kube.create(Resources.fromTree(snapshot));
            return false;
        }
        return vs.get().path("status").path("readyToUse").asBoolean(false);
    }

    private List<NamespaceMetadata> destinationNamespaces(SnapshotRestore restore, Archive archive) {
        List<NamespaceMetadata> now = new ArrayList<>();
        for (NamespaceMetadata source : archive.content().namespaces()) {
            String target = restore.spec().namespaceMapping().stream().filter(m -> m.source().equals(source.name()))
                    .map(m -> m.destination()).findFirst().orElse(source.name());
            ports.kubernetes().get("v1", "Namespace", null, target)
                    .map(ns -> NamespaceMetadata.fromNamespace(Resources.toTree(ns))).ifPresent(now::add);
        }
        return now;
    }

    private String defaultClass() {
        return ports.kubernetes().list("storage.k8s.io/v1", "StorageClass", null, LabelSelector.everything()).stream()
                .map(Resources::toTree).filter(c -> "true".equals(c.path("metadata").path("annotations")
                        .path("storageclass.kubernetes.io/is-default-class").asText()))
                .map(c -> c.path("metadata").path("name").asText()).findFirst().orElse(null);
    }

    private void apply(ObjectNode resource) {
        KubernetesPort kube = ports.kubernetes();
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        String ns = resource.path("metadata").path("namespace").asText(null);
        Optional<GenericKubernetesResource> existing = kube.get(apiVersion, kind, ns,
                resource.path("metadata").path("name").asText());
        if (existing.isEmpty()) {
            kube.create(Resources.fromTree(resource));
            return;
        }
        ObjectNode replacement = resource.deepCopy();
        ObjectNode current = Resources.toTree(existing.get());
        replacement.with("metadata").set("resourceVersion", current.path("metadata").path("resourceVersion"));
        if (kind.equals("Namespace")) {
            replacement.set("spec", current.path("spec"));
        }
        kube.update(Resources.fromTree(replacement));
    }

    private static ResourceStatus status(SnapshotRestore restore, String state, String error) {
        ResourceStatus old = restore.status();
        return new ResourceStatus(state, error, old == null ? null : old.conditions(),
                old == null ? null : old.unknownFields());
    }
}
