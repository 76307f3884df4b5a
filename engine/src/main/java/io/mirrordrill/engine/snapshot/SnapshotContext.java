package io.mirrordrill.engine.snapshot;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.application.ApplicationException;
import io.mirrordrill.engine.application.ApplicationResolver;
import io.mirrordrill.engine.application.ApplicationScope;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchivePathException;
import io.mirrordrill.engine.archive.StagedCapture;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.engine.controller.Finalizers;
import io.mirrordrill.engine.controller.StatusPatch;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.SnapshotState;
import io.mirrordrill.engine.model.validation.Problem;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.engine.model.yaml.BindingException;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reconcile of one snapshot: the resource as last read or written, what it refers to (Application, AppVault,
 * archive path), and the vault's bucket once opened, released at the end of the reconcile.
 */
final class SnapshotContext implements AutoCloseable {
    private final EnginePorts ports;
    private SnapshotCr cr;
    private Application app;
    private AppVault vault;
    private ArchivePath path;
    private VaultBucket bucket;
    private StagedCapture capture;
    private final EventRecorder events;

    SnapshotContext(SnapshotCr cr, EnginePorts ports, EventRecorder events) {
        this.cr = cr;
        this.ports = ports;
        this.events = events;
    }

    /** The snapshot as the object its Events are about. */
    EventRecorder.Involved involved() {
        return EventRecorder.Involved.of(cr.found());
    }

    EventRecorder events() {
        return events;
    }

    /** Finds what the snapshot refers to; a spec that cannot work is a SnapshotException naming the fix. */
    void prepare() {
        List<Problem> problems = Validator.validateSpec(cr.typed());
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            throw new SnapshotException(SnapshotException.INVALID_SPEC, p.field() + ": " + p.message() + ". Fix: "
                    + p.fix());
        }
        String appName = cr.spec().applicationRef();
        GenericKubernetesResource found = kube().get(ProtectApi.API_VERSION, Application.KIND, cr.namespace(),
                appName).orElseThrow(() -> new SnapshotException(SnapshotException.APPLICATION_NOT_FOUND,
                "Application " + appName + " not found in namespace " + cr.namespace() + ". Fix: create it, or set"
                        + " spec.applicationRef to an Application of namespace " + cr.namespace()));
        try {
            app = (Application) ProtectYaml.fromGeneric(found);
        } catch (BindingException e) {
            throw new SnapshotException(SnapshotException.APPLICATION_INVALID, "Application " + appName + ": "
                    + e.getMessage());
        }
        vault = new VaultAccess(kube(), ports.objectStores()).find(cr.spec().appVaultRef(), cr.namespace());
        path = archivePath();
    }

    /** As {@link #prepare}, keeping whatever can be found: a failing or deleted snapshot still cleans up. */
    void prepareLeniently() {
        try {
            prepare();
        } catch (SnapshotException e) {
            if (path == null && cr.progress().appArchivePath() != null) {
                path = ArchivePath.parse(cr.progress().appArchivePath(), cr.describe() + " status.appArchivePath");
            }
        }
    }

    /** The path the status names once the snapshot started (the application may since have been recreated). */
    private ArchivePath archivePath() {
        String recorded = cr.progress().appArchivePath();
        try {
            return recorded != null ? ArchivePath.parse(recorded, cr.describe() + " status.appArchivePath")
                    : new ArchivePath(app.name(), app.metadata().getUid(), cr.createdAt(), cr.name(), cr.uid());
        } catch (ArchivePathException e) {
            throw new SnapshotException(SnapshotException.INVALID_SPEC, e.getMessage());
        }
    }

    KubernetesPort kube() {
        return ports.kubernetes();
    }

    EnginePorts ports() {
        return ports;
    }

    SnapshotCr cr() {
        return cr;
    }

    SnapshotProgress progress() {
        return cr.progress();
    }

    Optional<Application> app() {
        return Optional.ofNullable(app);
    }

    Optional<ArchivePath> path() {
        return Optional.ofNullable(path);
    }

    ArchivePath requirePath() {
        return path().orElseThrow(() -> new IllegalStateException("prepare() names the archive path first"));
    }

    /** The vault's bucket, opened on first use; empty when the vault cannot be found or used. */
    Optional<VaultBucket> bucket() {
        if (bucket == null && vault != null) {
            bucket = new VaultAccess(kube(), ports.objectStores()).open(vault);
        }
        return Optional.ofNullable(bucket);
    }

    VaultBucket requireBucket() {
        return bucket().orElseThrow(() -> new IllegalStateException("prepare() finds the AppVault first"));
    }

    /**
     * The capture staged by the capture step, read once per reconcile (it is written once and never changed); its
     * loss is reported, never silently re-captured.
     */
    StagedCapture capture() {
        if (capture == null) {
            capture = requireBucket().reader().capture(requirePath()).orElseThrow(() -> new SnapshotException(
                    SnapshotException.ARCHIVE_FAILED, "the resources captured for " + requirePath() + " are gone"
                    + " from bucket " + requireBucket().bucket() + ". Fix: take a new snapshot"));
        }
        return capture;
    }

    /** The application's namespaces and selectors; without the Application, the snapshot's own namespace. */
    List<ApplicationScope.Included> hookScope(boolean lenient) {
        try {
            if (app != null) {
                return new ApplicationResolver(kube()).scope(app).namespaces();
            }
        } catch (ApplicationException e) {
            if (!lenient) {
                throw new SnapshotException(SnapshotException.APPLICATION_INVALID, "Application " + app.name() + ": "
                        + e.getMessage());
            }
        }
        List<ApplicationScope.Included> own = new ArrayList<>();
        own.add(new ApplicationScope.Included(NamespaceMetadata.empty(cr.namespace()), LabelSelector.everything()));
        return own;
    }

    /**
     * Writes the progress as the status through the runtime's one {@link StatusPatch} (only when it changed). A
     * snapshot writes before each step acts, so a restarted engine resumes at the step the status names: several
     * writes per reconcile, which is why this kind drives the runtime's writer itself.
     */
    void write(SnapshotProgress progress) {
        String before = cr.progress().state();
        var withStatus = cr.typed().withStatus(progress.toStatus(cr.typed().status()));
        GenericKubernetesResource written = StatusPatch.write(kube(), cr.found(), withStatus);
        cr = new SnapshotCr(written, withStatus);
        String after = progress.state();
        if (after != null && !after.equals(before)) {
            if (SnapshotState.COMPLETED.value().equals(after)) {
                events.normal(involved(), cr.kind() + "Completed", cr.kind() + " completed; archive "
                        + progress.appArchivePath());
            } else if (SnapshotState.FAILED.value().equals(after)) {
                events.warning(involved(), cr.kind() + "Failed", String.valueOf(progress.error()));
            }
        }
    }

    /**
     * Holds or releases the engine's finalizer through the runtime's {@link Finalizers}: a snapshot holds it only
     * while it runs and, with reclaim policy Delete, while its archive lives.
     */
    void finalizer(boolean present) {
        cr = new SnapshotCr(Finalizers.set(kube(), cr.found(), SnapshotCr.FINALIZER, present), cr.typed());
    }

    @Override
    public void close() {
        if (bucket != null) {
            bucket.close();
        }
    }
}
