package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchivePathException;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ApplicationSpec;
import io.mirrordrill.engine.model.IncludedNamespace;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.model.LastTransfer;
import io.mirrordrill.engine.model.schedule.RecurrenceRule;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.port.ontap.OntapPort;
import io.mirrordrill.port.ontap.RelationshipRecord;
import io.mirrordrill.port.ontap.TransferRecord;
import io.mirrordrill.port.ontap.VolumeRecord;
import io.mirrordrill.engine.restore.NamespaceMap;
import io.mirrordrill.engine.trident.MirrorEndpoint;
import io.mirrordrill.engine.trident.MirrorStep;
import io.mirrordrill.engine.trident.VolumeMirror;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The steps of an AppMirrorRelationship's states, each idempotent: establish (claims, mirrors, the first complete
 * snapshot), replicate (each new snapshot), promote (volumes, then the application) and detach (on delete).
 */
final class AmrSteps {
    /** How long after an occurrence of its recurrence the AMR looks at the source vault. */
    static final Duration AFTER_OCCURRENCE = Duration.ofSeconds(30);

    /** How long a named promotedSnapshot may take to arrive before the failover is declared failed. */
    static final Duration PROMOTED_SNAPSHOT_TIMEOUT = Duration.ofHours(1);

    private final EnginePorts ports;
    private final VolumeMirror mirror;
    private final Claims claims;
    private final AppStopper stopper;
    private final Failover failover;
    private final References references;
    private final EventRecorder events;

    /** Vaults opened during this reconcile: each reconcile reads them afresh (Secrets may have changed). */
    private final Map<String, Vault> opened = new TreeMap<>();

    AmrSteps(EnginePorts ports, EngineSettings settings, VolumeMirror mirror, EventRecorder events) {
        this(ports, mirror, new Claims(ports.kubernetes()), new AppStopper(ports.kubernetes()),
                new Failover(ports.kubernetes(), settings.namespaceMerge()),
                new References(ports.kubernetes(), ports.ontap()), events);
    }

    private AmrSteps(EnginePorts ports, VolumeMirror mirror, Claims claims, AppStopper stopper, Failover failover,
                     References references, EventRecorder events) {
        this.ports = ports;
        this.mirror = mirror;
        this.claims = claims;
        this.stopper = stopper;
        this.failover = failover;
        this.references = references;
        this.events = events;
    }

    /** The steps for one reconcile: the same collaborators, no vault opened yet. */
    AmrSteps forReconcile() {
        return new AmrSteps(ports, mirror, claims, stopper, failover, references, events);
    }

    /** A deleted relationship leaves nothing behind in the collaborators. */
    void forget(String amrUid) {
        references.forget(amrUid);
    }

    private Vault source(AppMirrorRelationship amr) {
        return open(amr, amr.spec().sourceAppVaultRef(), "spec.sourceAppVaultRef");
    }

    private Vault destination(AppMirrorRelationship amr) {
        return open(amr, amr.spec().destinationAppVaultRef(), "spec.destinationAppVaultRef");
    }

    private Vault open(AppMirrorRelationship amr, String name, String field) {
        Vault vault = opened.get(field);
        if (vault == null) {
            vault = Vault.open(ports.kubernetes(), ports.objectStores(), name, amr.metadata().getNamespace(), field);
            opened.put(field, vault);
        }
        return vault;
    }

    /** Throws the spec's first permanent problem, if any: what keeps a failed relationship failed. */
    void check(AppMirrorRelationship amr) {
        source(amr);
        destination(amr);
        NamespaceMap mapping = AmrReconciler.mapping(amr);
        for (String ns : new TreeSet<>(mapping.sources())) {
            String dst = mapping.destinationOf(ns).orElseThrow();
            if (ports.kubernetes().get("v1", "Namespace", null, dst).isEmpty()) {
                throw new AmrException("NamespaceNotFound", "destination namespace \"" + dst + "\" does not exist."
                        + " Fix: kubectl create namespace " + dst, true);
            }
        }
    }

    /** The first broken reference of the relationship ({@link References}), or empty. */
    Optional<AmrException> references(AppMirrorRelationship amr) {
        return references.check(amr, source(amr), destination(amr), claims.defaultStorageClass());
    }

    // ---- establish ---------------------------------------------------------------------------------------------

    /** Claims, mirrors, then the newest source snapshot complete on the destination. */
    Progress establish(AppMirrorRelationship amr) {
        check(amr);
        List<ArchivePath> archives = source(amr).list(amr.spec().sourceApplicationName(),
                amr.spec().sourceApplicationUID());
        if (archives.isEmpty()) {
            return Progress.waiting("Waiting for the first snapshot of application " + amr.spec().sourceApplicationName()
                    + " in AppVault " + amr.spec().sourceAppVaultRef());
        }
        Archive archive = source(amr).read(archives.get(archives.size() - 1));
        Optional<Progress> mirrors = mirrors(amr, archive);
        if (mirrors.isPresent()) {
            return mirrors.get();
        }
        Progress replicated = replicate(amr, archive);
        if (!replicated.isDone()) {
            return replicated;
        }
        String app = ensureDestinationApplication(amr);
        return new Progress(replicated.step(), replicated.lastTransferredSnapshot(), replicated.lastTransfer(), app,
                destinationNamespaces(amr));
    }

    /**
     * The destination's Application: the source application's name over the mapped namespaces. It is what the
     * destination protects after a failover and what a reverse relationship names as its source; kept if it exists.
     */
    private String ensureDestinationApplication(AppMirrorRelationship amr) {
        String name = amr.spec().sourceApplicationName();
        List<String> namespaces = destinationNamespaces(amr);
        String home = amr.metadata().getNamespace();
        if (ports.kubernetes().get(ProtectApi.API_VERSION, Application.KIND, home, name).isEmpty()) {
            List<IncludedNamespace> included = namespaces.stream()
                    .map(ns -> new IncludedNamespace(ns, new LabelSelector(), null)).toList();
            Application application = new Application(new ObjectMetaBuilder().withName(name).withNamespace(home)
                    .build(), new ApplicationSpec(included, null, null, null));
            ports.kubernetes().create(ProtectYaml.toGeneric(application));
        }
        return name;
    }

    private static List<String> destinationNamespaces(AppMirrorRelationship amr) {
        NamespaceMap mapping = AmrReconciler.mapping(amr);
        TreeSet<String> namespaces = new TreeSet<>();
        mapping.sources().forEach(s -> mapping.destinationOf(s).ifPresent(namespaces::add));
        return List.copyOf(namespaces);
    }

    /**
     * Every volume of the archive mirrored from its source. Claims that already hold a writable volume (after a
     * failover, or the original application's on a reverse resync) are taken over: the application using them is
     * stopped, then they are resynced. Empty when every volume mirrors.
     */
    private Optional<Progress> mirrors(AppMirrorRelationship amr, Archive archive) {
        NamespaceMap mapping = AmrReconciler.mapping(amr);
        List<Claims.Pair> pairs = claims.pairs(archive, mapping);
        TreeSet<String> namespaces = new TreeSet<>();
        pairs.forEach(p -> namespaces.add(p.namespace()));
        boolean takeover = pairs.stream().anyMatch(p -> claims.claim(p).filter(c -> !c.path("metadata")
                .path("annotations").has(Claims.MIRROR_ANNOTATION)).isPresent());
        if (takeover && !stopper.stop(namespaces)) {
            return Optional.of(Progress.waiting("Stopping the application in " + namespaces
                    + " before its volumes are resynced"));
        }
        if (takeover) {
            FailoverHooks.remove(ports.kubernetes(), namespaces);
        }
        var classes = AmrReconciler.classes(amr, claims.defaultStorageClass());
        String waiting = null;
        for (Claims.Pair pair : pairs) {
            claims.ensureMirrorClaim(pair, amr.metadata().getName(), classes, archive);
            claims.annotate(pair, amr.metadata().getName());
            claims.expand(pair).ifPresent(refused -> events.warning(EventRecorder.Involved.of(
                    ProtectApi.API_VERSION, AppMirrorRelationship.KIND, amr.metadata()), "ClaimNotExpanded", refused));
            Optional<MirrorEndpoint> local = claims.local(pair);
            if (local.isEmpty()) {
                waiting = waiting != null ? waiting : "Waiting for PVC " + pair.describe() + " to be bound";
                continue;
            }
            MirrorStep s = mirror.reestablish(local.get(), pair.remote(), VolumeMirror.DEFAULT_POLICY, null);
            if (s.isFailed()) {
                throw classify(s, pair);
            }
            if (!s.isDone()) {
                waiting = waiting != null ? waiting : s.message();
            }
        }
        return waiting == null ? Optional.empty() : Optional.of(Progress.waiting(waiting));
    }

    /** ONTAP's refusals that a retry cannot fix become the relationship's failure, with the fix. */
    private static AmrException classify(MirrorStep s, Claims.Pair pair) {
        if (s.message().contains("13303886")) {
            return new AmrException("SvmNotPeered", "PVC " + pair.describe() + ": the storage class's SVM is not"
                    + " peered with source SVM " + pair.entry().svm() + " (" + s.message() + "). Fix: peer the SVMs"
                    + " (vserver peer create) or set spec.storageClassName to a class on a peered SVM", true);
        }
        return new AmrException("MirrorFailed", "PVC " + pair.describe() + ": " + s.message(), false);
    }

    // ---- replicate ---------------------------------------------------------------------------------------------

    /** Established: the newest source snapshot, once every volume has it, is copied to the destination vault. */
    Progress replicate(AppMirrorRelationship amr) {
        check(amr);
        List<ArchivePath> archives = source(amr).list(amr.spec().sourceApplicationName(),
                amr.spec().sourceApplicationUID());
        if (archives.isEmpty()) {
            return Progress.of(MirrorStep.done("no snapshot in the source AppVault"));
        }
        ArchivePath newest = archives.get(archives.size() - 1);
        String last = amr.status() == null ? null : amr.status().lastTransferredSnapshot();
        if (newest.basename().equals(last)) {
            return Progress.of(MirrorStep.done("up to date with snapshot " + last));
        }
        if (!newerThanLast(newest, last)) {
            return Progress.of(MirrorStep.done("up to date with snapshot " + last + " (the newest in the source"
                    + " AppVault, " + newest.basename() + ", is older)"));
        }
        Archive archive = source(amr).read(newest);
        Optional<Progress> mirrors = mirrors(amr, archive);
        return mirrors.orElseGet(() -> replicate(amr, archive));
    }

    /**
     * Whether an archive is newer than the last one transferred, by the time its basename carries (then the
     * basename, for two in the same second): status.lastTransferredSnapshot never goes back, even when source
     * retention has deleted every archive newer than an old one. A last snapshot that is no basename (a status
     * edited by hand) does not hold replication back.
     */
    private static boolean newerThanLast(ArchivePath newest, String last) {
        if (last == null) {
            return true;
        }
        ArchivePath lastPath;
        try {
            lastPath = ArchivePath.fromBasename(newest.appName(), newest.appUid(), last,
                    "status.lastTransferredSnapshot");
        } catch (ArchivePathException notABasename) {
            return true;
        }
        int byTime = newest.createdAt().compareTo(lastPath.createdAt());
        return byTime > 0 || byTime == 0 && newest.basename().compareTo(last) > 0;
    }

    /** Brings every volume to the archive's snapshot, then copies the archive. */
    private Progress replicate(AppMirrorRelationship amr, Archive archive) {
        List<Claims.Pair> pairs = claims.pairs(archive, AmrReconciler.mapping(amr));
        long bytes = 0;
        String waiting = null;
        for (Claims.Pair pair : pairs) {
            MirrorEndpoint local = claims.local(pair).orElseThrow();
            OntapPort ontap = ports.ontap().connect(local.managementLif());
            VolumeRecord volume = ontap.volume(local.svm(), local.volume()).orElseThrow();
            RelationshipRecord rel = mirror.relationship(local).orElse(null);
            if (rel != null && rel.transfer() != null) {
                bytes += rel.transfer().bytesTransferred();
            }
            boolean arrived = ontap.snapshots(volume.uuid()).stream()
                    .anyMatch(s -> s.name().equals(pair.entry().snapshotName()));
            if (!arrived) {
                TransferRecord t = rel == null ? null : rel.transfer();
                MirrorStep s = mirror.update(local, t == null ? null : t.uuid());
                waiting = waiting != null ? waiting : "Waiting for snapshot " + archive.path().basename()
                        + " to arrive (" + s.message() + ")";
            }
        }
        if (waiting != null) {
            return Progress.waiting(waiting);
        }
        destination(amr).copy(archive);
        String done = "snapshot " + archive.path().basename() + " replicated";
        List<String> unbound = Claims.notReplicated(archive);
        if (!unbound.isEmpty()) {
            String which = "PVC " + String.join(", ", unbound) + " not replicated: only claims bound to a volume are";
            done += "; " + which;
            events.warning(EventRecorder.Involved.of(ProtectApi.API_VERSION, AppMirrorRelationship.KIND,
                    amr.metadata()), "ClaimNotReplicated", which + "; a claim is replicated from the first snapshot"
                    + " taken once it is Bound");
        }
        return new Progress(MirrorStep.done(done), archive.path().basename(),
                new LastTransfer(ports.clock().now(), bytes), null, null);
    }

    /**
     * When the next look at the source vault is due: {@link #AFTER_OCCURRENCE} after the AMR's next occurrence, so
     * that occurrence's snapshot (a few seconds of hooks and VolumeSnapshots) is there to replicate; else every five
     * minutes.
     */
    Duration nextPoll(AppMirrorRelationship amr) {
        Instant now = ports.clock().now();
        if (amr.spec().recurrenceRule() == null || amr.spec().recurrenceRule().isBlank()) {
            return Duration.ofMinutes(5);
        }
        try {
            Instant next = RecurrenceRule.parse(amr.spec().recurrenceRule()).next(now);
            return Duration.between(now, next).plus(AFTER_OCCURRENCE);
        } catch (RuntimeException invalid) {
            return Duration.ofMinutes(5);
        }
    }

    // ---- promote -----------------------------------------------------------------------------------------------

    /** The volumes at the chosen snapshot and writable, then the application restored from it. */
    Progress promote(AppMirrorRelationship amr) {
        Vault destination = destination(amr);
        String app = amr.spec().sourceApplicationName();
        String uid = amr.spec().sourceApplicationUID();
        Archive archive;
        String named = amr.spec().promotedSnapshot();
        if (named != null) {
            ArchivePath path = AmrReconciler.pathOf(amr, named);
            if (!destination.list(app, uid).contains(path)) {
                return awaitPromotedSnapshot(amr, path);
            }
            archive = destination.read(path);
        } else {
            archive = newestRestorable(amr, destination).orElseThrow(() -> new AmrException("NothingReplicated",
                    "no snapshot of " + app + " is completely replicated with its volume snapshots still on the"
                    + " destination volumes; there is nothing to fail over to. Fix: wait for the relationship to be"
                    + " Established and for a snapshot to replicate", true));
        }
        List<Claims.Pair> pairs = claims.pairs(archive, AmrReconciler.mapping(amr));
        String waiting = null;
        for (Claims.Pair pair : pairs) {
            MirrorEndpoint local = claims.local(pair).orElseThrow(() -> new AmrException("ClaimMissing",
                    "PVC " + pair.describe() + " of the replicated volume is gone; it cannot be promoted", true));
            MirrorStep s = mirror.promote(local, pair.entry().snapshotName());
            if (s.isFailed()) {
                throw new AmrException("PromoteFailed", "PVC " + pair.describe() + ": " + s.message(), false);
            }
            if (!s.isDone()) {
                waiting = waiting != null ? waiting : s.message();
            }
        }
        if (waiting != null) {
            return Progress.waiting(waiting);
        }
        pairs.forEach(p -> claims.annotate(p, null));
        failover.restore(amr, archive, claims.defaultStorageClass());
        return new Progress(MirrorStep.done("application running on the destination from snapshot "
                + archive.path().basename()), archive.path().basename(), null, ensureDestinationApplication(amr),
                destinationNamespaces(amr));
    }

    /**
     * The newest archive in the destination vault whose volume snapshots are all still on the destination volumes.
     * Source retention may have deleted an older snapshot, and SnapMirror then removes its copy too: such an archive
     * can no longer be restored, so the failover takes the newest one that can.
     */
    private Optional<Archive> newestRestorable(AppMirrorRelationship amr, Vault destination) {
        List<ArchivePath> complete = destination.list(amr.spec().sourceApplicationName(),
                amr.spec().sourceApplicationUID());
        for (int i = complete.size() - 1; i >= 0; i--) {
            Archive candidate = destination.read(complete.get(i));
            boolean restorable = true;
            for (Claims.Pair pair : claims.pairs(candidate, AmrReconciler.mapping(amr))) {
                Optional<MirrorEndpoint> local = claims.local(pair);
                if (local.isEmpty() || !hasSnapshot(local.get(), pair.entry().snapshotName())) {
                    restorable = false;
                    break;
                }
            }
            if (restorable) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean hasSnapshot(MirrorEndpoint local, String snapshotName) {
        OntapPort ontap = ports.ontap().connect(local.managementLif());
        return ontap.volume(local.svm(), local.volume()).map(v -> ontap.snapshots(v.uuid()).stream()
                .anyMatch(s -> s.name().equals(snapshotName))).orElse(false);
    }

    /** A named snapshot still on its way: keep replicating it from the source; give up after a timeout. */
    private Progress awaitPromotedSnapshot(AppMirrorRelationship amr, ArchivePath path) {
        Instant since = amr.status() == null ? null : amr.status().conditions().stream()
                .filter(c -> c.type().equals("Ready")).map(c -> c.lastTransitionTime()).findFirst().orElse(null);
        if (since != null && ports.clock().now().isAfter(since.plus(PROMOTED_SNAPSHOT_TIMEOUT))) {
            throw new AmrException("PromotedSnapshotNotFound", "spec.promotedSnapshot " + path.basename()
                    + " did not arrive within " + PROMOTED_SNAPSHOT_TIMEOUT.toMinutes() + " minutes. Fix: check the"
                    + " name against the ShutdownSnapshot's status.appArchivePath, or remove promotedSnapshot to fail"
                    + " over to the last replicated snapshot", true);
        }
        Vault source = source(amr);
        if (!source.list(amr.spec().sourceApplicationName(), amr.spec().sourceApplicationUID()).contains(path)) {
            return Progress.waiting("Waiting for snapshot " + path.basename() + " to arrive");
        }
        Progress p = replicate(amr, source.read(path));
        return p.isDone() ? Progress.waiting("snapshot " + path.basename() + " arrived") : p;
    }

    // ---- delete ------------------------------------------------------------------------------------------------

    /** On delete: volumes made independent (still-mirroring ones promoted), the source side released. */
    MirrorStep detach(AppMirrorRelationship amr) {
        Vault destination = destination(amr);
        List<ArchivePath> complete = destination.list(amr.spec().sourceApplicationName(),
                amr.spec().sourceApplicationUID());
        if (complete.isEmpty()) {
            return MirrorStep.done("nothing replicated");
        }
        Archive archive = destination.read(complete.get(complete.size() - 1));
        for (Claims.Pair pair : claims.pairs(archive, AmrReconciler.mapping(amr))) {
            Optional<MirrorEndpoint> local = claims.local(pair);
            // a claim mirrored for another relationship of the same application is that one's to release
            if (local.isEmpty() || claims.mirroredBy(pair).filter(other -> !other.equals(amr.metadata().getName()))
                    .isPresent()) {
                continue;
            }
            MirrorStep s = mirror.promote(local.get(), null);
            if (!s.isDone()) {
                return s;
            }
            claims.annotate(pair, null);
            if (pair.remote().managementLif() != null) {
                try {
                    MirrorStep released = mirror.release(pair.remote(), local.get());
                    if (!released.isDone() && !released.isFailed()) {
                        return released;
                    }
                } catch (UnreachableException sourceGone) {
                    // The source cluster is gone: nothing there to release; deletion must not wait for it.
                }
            }
        }
        return MirrorStep.done("relationship removed; the applications are independent");
    }
}
