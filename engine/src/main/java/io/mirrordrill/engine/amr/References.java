package io.mirrordrill.engine.amr;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.Memo;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.ArchiveContent;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.VolumeSnapshotEntry;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.StorageClassMapping;
import io.mirrordrill.engine.restore.NamespaceMap;
import io.mirrordrill.engine.restore.RestoreException;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.ontap.OntapConnector;
import io.mirrordrill.port.ontap.SvmPeerRecord;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a relationship refers to, checked on every reconcile while Establishing or Established: both AppVaults usable,
 * the source application's archives under {@code sourceApplicationUID}, the storage classes named present, and each
 * replicated volume's class on an SVM peered with its source SVM. The first broken reference comes back as a problem
 * (reason and a message ending in the fix) that the relationship shows as {@code Ready=False} without leaving its
 * state: replication goes on where it can, and Ready is True again on the first reconcile after the fix. The one
 * exception is permanent: a mapping that leaves no volume to replicate ({@link Claims#notMapped}).
 */
final class References {
    static final String APP_VAULT_NOT_READY = "AppVaultNotReady";
    static final String UID_MISMATCH = "SourceApplicationUIDMismatch";
    static final String CLASS_NOT_FOUND = "StorageClassNotFound";
    static final String CLASS_WITHOUT_BACKEND = "StorageClassNoBackend";
    static final String CLASS_NOT_PEERED = "StorageClassNotPeered";
    static final String NAMESPACE_NOT_MAPPED = "NamespaceNotMapped";
    /** Every reason above: what {@link AmrEvents} records once when it appears and when it is resolved. */
    static final List<String> REASONS = List.of(APP_VAULT_NOT_READY, UID_MISMATCH, CLASS_NOT_FOUND,
            CLASS_WITHOUT_BACKEND, CLASS_NOT_PEERED, NAMESPACE_NOT_MAPPED);

    private static final String TRIDENT_API = "trident.netapp.io/v1";
    private static final String TRIDENT_CSI = "csi.trident.netapp.io";

    /** The volumes of the newest source archive a relationship was checked against, by relationship uid. */
    private record Newest(String key, List<VolumeSnapshotEntry> volumes) {}

    private final KubernetesPort kube;
    private final OntapConnector ontap;
    private final Map<String, Newest> newestVolumes = new TreeMap<>();
    /** The namespaces each application UID's archives capture, by {@code bucket/name_uid} (see {@link #captured}). */
    private final Memo<String, Set<String>> capturedNamespaces = new Memo<>(10_000);

    References(KubernetesPort kube, OntapConnector ontap) {
        this.kube = kube;
        this.ontap = ontap;
    }

    /** The first broken reference, or empty when every one holds. */
    Optional<AmrException> check(AppMirrorRelationship amr, Vault source, Vault destination, String defaultClass) {
        Optional<AmrException> vaults = vault(source, "spec.sourceAppVaultRef")
                .or(() -> vault(destination, "spec.destinationAppVaultRef"));
        if (vaults.isPresent()) {
            return vaults;
        }
        Optional<ArchivePath> newest = newest(source, amr.spec().sourceApplicationName(),
                amr.spec().sourceApplicationUID());
        return uid(amr, source, newest)
                .or(() -> namedClasses(amr))
                .or(() -> newest.flatMap(path -> volumes(amr, source, path, defaultClass)));
    }

    private static Optional<AmrException> vault(Vault vault, String field) {
        if (vault.status == null || vault.status.state() == null || "Available".equals(vault.status.state())) {
            return Optional.empty();
        }
        return Optional.of(problem(APP_VAULT_NOT_READY, field + ": AppVault \"" + vault.name + "\" is in state "
                + vault.status.state() + (vault.status.error() == null ? "" : " (" + vault.status.error() + ")")
                + ". Fix: repair the AppVault (kubectl describe appvault " + vault.name + ") or set " + field
                + " to a usable one"));
    }

    /**
     * The source application is found by name through the source vault's archive folders {@code <name>_<uid>}: when
     * its newest archive is under another UID than {@code sourceApplicationUID}, the Application was deleted and
     * created again (or the UID is mistyped), and the relationship would replicate nothing new. A replacement is
     * created where the application was, so only UIDs whose archives capture one of the relationship's source
     * namespaces count: an application of the same name in other namespaces sharing the vault is another application
     * (its newer archives are no reason to stop, and listing every such UID's archives on every reconcile would cost
     * a vault shared by N of them N listings each time).
     */
    private Optional<AmrException> uid(AppMirrorRelationship amr, Vault source, Optional<ArchivePath> ours) {
        String app = amr.spec().sourceApplicationName();
        String uid = amr.spec().sourceApplicationUID();
        Set<String> namespaces = ours.map(o -> captured(source, o))
                .orElseGet(() -> Set.copyOf(AmrReconciler.mapping(amr).sources()));
        Optional<ArchivePath> newest = source.uids(app).stream().filter(u -> !u.equals(uid))
                .filter(u -> namespaces.isEmpty() || capturesAny(source, app, u, namespaces))
                .map(u -> newest(source, app, u)).flatMap(Optional::stream)
                .max(Comparator.comparing(ArchivePath::createdAt).thenComparing(Comparator.naturalOrder()));
        if (newest.isEmpty() || ours.isPresent() && !newest.get().createdAt().isAfter(ours.get().createdAt())) {
            return Optional.empty();
        }
        return Optional.of(problem(UID_MISMATCH, "AppVault \"" + source.name + "\" holds snapshots of application "
                + app + " under UID " + newest.get().appUid() + " (newest " + newest.get().basename() + ") "
                + ours.map(o -> "newer than the newest under spec.sourceApplicationUID " + uid + " ("
                        + o.basename() + ")").orElse("but none under spec.sourceApplicationUID " + uid)
                + ": the source Application was deleted and created again, or the UID is wrong. Fix: set"
                + " spec.sourceApplicationUID to " + newest.get().appUid()
                + " (kubectl get application " + app + " -o jsonpath='{.metadata.uid}' on the source cluster)"));
    }

    /** Whether the application {@code uid}'s archives capture one of {@code namespaces}; true while it has none. */
    private boolean capturesAny(Vault source, String app, String uid, Set<String> namespaces) {
        Set<String> captured = capturedNamespaces.known(source.resolved.bucket() + "/" + app + "_" + uid);
        if (captured == null) {
            Optional<ArchivePath> any = newest(source, app, uid);
            if (any.isEmpty()) {
                return true; // nothing to compare with yet (and nothing newer either)
            }
            captured = captured(source, any.get());
        }
        return captured.stream().anyMatch(namespaces::contains);
    }

    /**
     * The namespaces an application's archives capture, read from one of its archives the first time its UID is seen
     * and remembered by bucket, name and UID: a UID names one Application for good, and an Application stays in its
     * namespace (a replacement is a new UID).
     */
    private Set<String> captured(Vault source, ArchivePath archive) {
        return capturedNamespaces.get(source.resolved.bucket() + "/" + archive.appName() + "_" + archive.appUid(),
                key -> {
                    ArchiveContent content = source.read(archive).content();
                    Set<String> names = new TreeSet<>();
                    content.namespaces().forEach(ns -> names.add(ns.name()));
                    content.volumes().forEach(v -> names.add(v.namespace()));
                    return Set.copyOf(names);
                });
    }

    private static Optional<ArchivePath> newest(Vault vault, String app, String uid) {
        List<ArchivePath> archives = vault.list(app, uid);
        return archives.isEmpty() ? Optional.empty() : Optional.of(archives.get(archives.size() - 1));
    }

    /** {@code storageClassName} and each mapping's destination exist here, used or not yet. */
    private Optional<AmrException> namedClasses(AppMirrorRelationship amr) {
        String name = amr.spec().storageClassName();
        if (name != null && !name.isBlank() && !classExists(name)) {
            return Optional.of(classNotFound("spec.storageClassName", name));
        }
        List<StorageClassMapping> mapping = amr.spec().storageClassMapping();
        for (int i = 0; mapping != null && i < mapping.size(); i++) {
            String destination = mapping.get(i).destination();
            if (destination != null && !destination.isBlank() && !classExists(destination)) {
                return Optional.of(classNotFound("spec.storageClassMapping[" + i + "].destination", destination));
            }
        }
        return Optional.empty();
    }

    private boolean classExists(String name) {
        return kube.get("storage.k8s.io/v1", "StorageClass", null, name).isPresent();
    }

    private AmrException classNotFound(String field, String name) {
        List<String> classes = kube.list("storage.k8s.io/v1", "StorageClass", null, LabelSelector.everything())
                .stream().map(c -> c.getMetadata().getName()).sorted().toList();
        return problem(CLASS_NOT_FOUND, field + ": storage class \"" + name + "\" does not exist on the destination"
                + " cluster. Fix: create it, or set " + field + " to one of " + classes);
    }

    /**
     * For each volume of the newest source archive: its namespace mapped, and the class it goes to (or went to)
     * served by a Trident backend whose SVM is peered with the volume's source SVM.
     */
    private Optional<AmrException> volumes(AppMirrorRelationship amr, Vault source, ArchivePath newest,
                                           String defaultClass) {
        List<VolumeSnapshotEntry> volumes = volumesOf(amr, source, newest);
        try {
            return volumes(amr, volumes, AmrReconciler.classes(amr, defaultClass));
        } catch (RestoreException noClass) {
            return Optional.of(problem(CLASS_NOT_FOUND, noClass.getMessage()));
        }
    }

    /**
     * The volumes of a committed archive, read once per relationship and archive: a committed archive never changes,
     * and reading it on every reconcile (every few seconds while a transfer runs) would cost a drill dearly.
     */
    private List<VolumeSnapshotEntry> volumesOf(AppMirrorRelationship amr, Vault source, ArchivePath path) {
        String key = source.resolved.bucket() + "/" + path.path();
        Newest known = newestVolumes.get(amr.metadata().getUid());
        if (known != null && known.key().equals(key)) {
            return known.volumes();
        }
        Archive archive = source.read(path);
        newestVolumes.put(amr.metadata().getUid(), new Newest(key, archive.content().volumes()));
        return archive.content().volumes();
    }

    /** Forgets a deleted relationship's cached volumes. */
    void forget(String amrUid) {
        newestVolumes.remove(amrUid);
    }

    private Optional<AmrException> volumes(AppMirrorRelationship amr, List<VolumeSnapshotEntry> volumes,
                                           io.mirrordrill.engine.restore.StorageClassMapping classes) {
        NamespaceMap namespaces = AmrReconciler.mapping(amr);
        List<VolumeSnapshotEntry> unmapped = Claims.unmapped(volumes, namespaces);
        if (!unmapped.isEmpty()) {
            boolean all = unmapped.size() == volumes.size();
            return Optional.of(Claims.notMapped(unmapped, all, all));
        }
        Map<String, Boolean> peered = new TreeMap<>();
        for (VolumeSnapshotEntry e : volumes) {
            String pvc = namespaces.destinationOf(e.namespace()).orElseThrow() + "/" + e.pvcName();
            var choice = classes.choose(pvc, e.storageClass());
            String field = switch (choice.rule()) {
                case STORAGE_CLASS_MAPPING -> "spec.storageClassMapping";
                case UNMAPPED_CLUSTER_DEFAULT -> "spec.storageClassMapping (no entry for class \"" + e.storageClass()
                        + "\": the cluster's default class)";
                case STORAGE_CLASS_NAME -> "spec.storageClassName";
                case CLUSTER_DEFAULT -> "spec.storageClassName (unset: the cluster's default class)";
            };
            Optional<JsonNode> storageClass = kube.get("storage.k8s.io/v1", "StorageClass", null,
                    choice.storageClass()).map(Resources::toTree);
            if (storageClass.isEmpty()) {
                return Optional.of(classNotFound(field, choice.storageClass()));
            }
            Optional<JsonNode> backend = backendOf(storageClass.get());
            if (backend.isEmpty()) {
                return Optional.of(problem(CLASS_WITHOUT_BACKEND, "storage class \"" + choice.storageClass()
                        + "\" (" + field + ", for PVC " + pvc + ") is served by no ONTAP Trident backend of the"
                        + " destination cluster, so its volume cannot be a SnapMirror destination. Fix: set " + field
                        + " to a Trident class on an SVM peered with source SVM " + e.svm()));
            }
            JsonNode config = backend.get().path("config").path("ontap_config");
            String lif = config.path("managementLIF").asText();
            String svm = config.path("svm").asText();
            boolean ok = peered.computeIfAbsent(lif + "/" + svm + "<-" + e.svm(), k -> peered(lif, svm, e));
            if (!ok) {
                return Optional.of(problem(CLASS_NOT_PEERED, "storage class \"" + choice.storageClass() + "\" ("
                        + field + ", for PVC " + pvc + ") puts its volume on SVM " + svm + ", which is not peered"
                        + " with source SVM " + e.svm() + ". Fix: peer the SVMs (vserver peer create) or set " + field
                        + " to a class on an SVM peered with " + e.svm()));
            }
        }
        return Optional.empty();
    }

    /**
     * The backend Trident provisions a class's volumes on: {@code storagePools: "<backend>:<pools>"} names it,
     * else the first backend of the class's {@code backendType} (any backend without one).
     */
    private Optional<JsonNode> backendOf(JsonNode storageClass) {
        if (!TRIDENT_CSI.equals(storageClass.path("provisioner").asText())) {
            return Optional.empty();
        }
        JsonNode params = storageClass.path("parameters");
        String pools = params.path("storagePools").asText("");
        String type = params.path("backendType").asText("");
        return kube.list(TRIDENT_API, "TridentBackend", null, LabelSelector.everything()).stream()
                .map(b -> (JsonNode) Resources.toTree(b))
                .sorted(Comparator.comparing(b -> b.path("backendName").asText()))
                .filter(b -> pools.isEmpty() ? type.isEmpty()
                        || type.equals(b.path("config").path("ontap_config").path("storageDriverName").asText())
                        : b.path("backendName").asText().equals(pools.split(":", 2)[0]))
                .findFirst();
    }

    /**
     * Whether the destination SVM has a peered relationship with the source SVM, as its cluster's
     * {@code /api/svm/peers} tells. An SVM replicating into itself needs none; a cluster that cannot be asked
     * counts as peered (the relationship's own transfers will say what is wrong).
     */
    private boolean peered(String lif, String svm, VolumeSnapshotEntry source) {
        if (svm.equals(source.svm()) && lif.equals(source.managementLif())) {
            return true;
        }
        try {
            List<SvmPeerRecord> peers = ontap.connect(lif).svmPeers();
            return peers.stream().anyMatch(p -> svm.equals(p.svm()) && source.svm().equals(p.peerSvm())
                    && "peered".equals(p.state()));
        } catch (MirrordrillException cannotTell) {
            return true;
        }
    }

    private static AmrException problem(String reason, String message) {
        return new AmrException(reason, message, false);
    }
}
