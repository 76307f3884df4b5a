package io.mirrordrill.engine.amr;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.engine.MirrordrillException;
import io.mirrordrill.engine.archive.ArchiveException;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.controller.EventRecorder;
import io.mirrordrill.engine.controller.Outcome;
import io.mirrordrill.engine.controller.Reconciler;
import io.mirrordrill.engine.controller.ResourceKey;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.DesiredState;
import io.mirrordrill.engine.model.MirrorState;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.port.UnreachableException;
import io.mirrordrill.engine.port.objectstore.ObjectStoreException;
import io.mirrordrill.engine.port.ontap.OntapException;
import io.mirrordrill.engine.restore.NamespaceMapping;
import io.mirrordrill.engine.restore.RestoreException;
import io.mirrordrill.engine.restore.StorageClassMapping;
import io.mirrordrill.engine.trident.MirrorStep;
import io.mirrordrill.engine.trident.VolumeMirror;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The AppMirrorRelationship controller, run by the destination cluster's engine. Every reconcile reads the
 * relationship, the AppVaults and the storage, takes the next step of the current state, and changes the state only
 * through {@link AmrLifecycle}. Steps live in {@link AmrSteps}; this class decides which one runs and records the
 * outcome in the status.
 */
public final class AmrReconciler implements Reconciler {
    public static final String FINALIZER = "protect.trident.netapp.io/appmirrorrelationship";
    static final Duration POLL = Duration.ofSeconds(5);
    static final Duration STEADY = Duration.ofMinutes(1);
    static final Duration RECHECK_FAILED = Duration.ofMinutes(5);

    private final EnginePorts ports;
    private final AmrStatusWriter status;
    private final AmrSteps steps;

    private final EventRecorder events;

    public AmrReconciler(EnginePorts ports, EngineSettings settings, EventRecorder events) {
        this.ports = ports;
        this.events = events;
        this.status = new AmrStatusWriter(ports.kubernetes(), ports.clock(), events);
        this.steps = new AmrSteps(ports, settings, new VolumeMirror(ports.ontap()));
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        Optional<GenericKubernetesResource> found = ports.kubernetes().get(ProtectApi.API_VERSION,
                AppMirrorRelationship.KIND, key.namespace(), key.name());
        if (found.isEmpty()) {
            return Outcome.done();
        }
        AppMirrorRelationship amr = (AppMirrorRelationship) ProtectYaml.fromGeneric(found.get());
        if (amr.metadata().getDeletionTimestamp() != null) {
            return deleting(amr);
        }
        if (!amr.metadata().getFinalizers().contains(FINALIZER)) {
            ports.kubernetes().patch(ProtectApi.API_VERSION, AppMirrorRelationship.KIND, key.namespace(), key.name(),
                    "{\"metadata\":{\"finalizers\":[\"" + FINALIZER + "\"],\"resourceVersion\":\""
                            + amr.metadata().getResourceVersion() + "\"}}");
            return Outcome.requeueAfter(Duration.ZERO);
        }
        MirrorState state = amr.status() == null ? null : amr.status().stateValue().orElse(null);
        steps.begin();
        try {
            Optional<DesiredState> desired = amr.spec() == null ? Optional.empty() : amr.spec().desiredStateValue();
            if (desired.isEmpty()) {
                throw new AmrException("InvalidSpec", "spec.desiredState \"" + amr.spec().desiredState()
                        + "\" is not valid. Fix: set it to Established or Promoted", true);
            }
            return step(amr, state, desired.get());
        } catch (AmrException e) {
            return problem(amr, state, e.reason(), e.getMessage(), e.permanent());
        } catch (RestoreException e) {
            return problem(amr, state, "InvalidSpec", e.getMessage(), true);
        } catch (UnreachableException e) {
            return problem(amr, state, "Unreachable", e.getMessage(), false);
        } catch (ObjectStoreException e) {
            return problem(amr, state, "AppVaultError", "AppVault request failed: " + e.getMessage(), false);
        } catch (ArchiveException e) {
            return problem(amr, state, "ArchiveError", e.getMessage(), false);
        } catch (OntapException e) {
            return problem(amr, state, "OntapError", "ONTAP refused a request: " + e.getMessage() + " (code "
                    + e.code() + ")", false);
        }
    }

    private Outcome step(AppMirrorRelationship amr, MirrorState state, DesiredState desired) {
        boolean promote = desired == DesiredState.PROMOTED;
        if (state == null) {
            if (promote) {
                throw new AmrException("NothingReplicated", "desiredState is Promoted but nothing has been replicated"
                        + " yet. Fix: create the relationship with desiredState Established first", true);
            }
            return move(amr, null, AmrEvent.ESTABLISH, "Establishing", "setting up replication");
        }
        switch (state) {
            case FAILED: {
                Optional<Duration> wait = untilRetry(amr);
                if (wait.isPresent()) {
                    return Outcome.requeueAfter(wait.get());
                }
                steps.check(amr);
                return move(amr, state, promote ? AmrEvent.PROMOTE : AmrEvent.ESTABLISH, "Retrying",
                        "retrying after the failure");
            }
            case ESTABLISHING: {
                Progress p = steps.establish(amr);
                return p.isDone() ? moveWith(amr, state, AmrEvent.ESTABLISHED, p) : progress(amr, p);
            }
            case ESTABLISHED: {
                if (promote) {
                    return move(amr, state, AmrEvent.PROMOTE, "Promoting", "failing over to the destination");
                }
                Progress p = steps.replicate(amr);
                if (!p.isDone()) {
                    return progress(amr, p);
                }
                status.write(amr, new AmrStatusWriter.Change(null, true, "Established", p.message(), null,
                        p.lastTransferredSnapshot(), p.lastTransfer(), null, null));
                return Outcome.requeueAfter(steps.nextPoll(amr));
            }
            case PROMOTING: {
                Progress p = steps.promote(amr);
                return p.isDone() ? moveWith(amr, state, AmrEvent.PROMOTED, p) : progress(amr, p);
            }
            case PROMOTED:
                if (!promote) {
                    return move(amr, state, AmrEvent.RESYNC, "Resyncing", "re-establishing replication; writes made"
                            + " on the destination since the failover are discarded");
                }
                return Outcome.done();
            default:
                throw new IllegalStateException("unhandled state " + state);
        }
    }

    /**
     * A failed relationship is retried when its spec was edited since it failed, or every {@link #RECHECK_FAILED}
     * (a missing AppVault or namespace may have been created since). Its own status writes do not retry it.
     */
    private Optional<Duration> untilRetry(AppMirrorRelationship amr) {
        var ready = amr.status().conditions().stream().filter(c -> c.type().equals("Ready")).findFirst();
        if (ready.isEmpty() || ready.get().observedGeneration() == null || ready.get().lastTransitionTime() == null) {
            return Optional.empty();
        }
        Long generation = amr.metadata().getGeneration();
        if (generation != null && generation > ready.get().observedGeneration()) {
            return Optional.empty();
        }
        Duration since = Duration.between(ready.get().lastTransitionTime(), ports.clock().now());
        return since.compareTo(RECHECK_FAILED) >= 0 ? Optional.empty() : Optional.of(RECHECK_FAILED.minus(since));
    }

    private Outcome move(AppMirrorRelationship amr, MirrorState from, AmrEvent event, String reason, String message) {
        AmrLifecycle.Transition t = AmrLifecycle.next(from, event, List.of());
        status.write(amr, new AmrStatusWriter.Change(t.to(), false, reason, message, null, null, null, null, null));
        return Outcome.requeueAfter(Duration.ZERO);
    }

    private Outcome moveWith(AppMirrorRelationship amr, MirrorState from, AmrEvent event, Progress p) {
        AmrLifecycle.Transition t = AmrLifecycle.next(from, event, List.of());
        status.write(amr, new AmrStatusWriter.Change(t.to(), true, t.to().value(), p.message(), null,
                p.lastTransferredSnapshot(), p.lastTransfer(), p.destinationApplication(),
                p.destinationNamespaces()));
        return Outcome.requeueAfter(Duration.ZERO);
    }

    private Outcome progress(AppMirrorRelationship amr, Progress s) {
        if (s.isFailed()) {
            return problem(amr, amr.status().stateValue().orElse(null), "StepFailed", s.message(), false);
        }
        status.write(amr, AmrStatusWriter.Change.progress(AmrStatusWriter.PROGRESSING, s.message()));
        return Outcome.requeueAfter(POLL);
    }

    /** A permanent problem fails the relationship; a passing one is shown and retried. */
    private Outcome problem(AppMirrorRelationship amr, MirrorState state, String reason, String message,
                            boolean permanent) {
        // every occurrence, so a problem that persists counts up on one Event
        events.warning(EventRecorder.Involved.of(ProtectApi.API_VERSION, AppMirrorRelationship.KIND, amr.metadata()),
                reason, message);
        if (permanent && state != MirrorState.FAILED && AmrLifecycle.find(state, AmrEvent.FAIL).isPresent()) {
            status.write(amr, new AmrStatusWriter.Change(MirrorState.FAILED, false, reason, message, message, null,
                    null, null, null));
            return Outcome.requeueAfter(RECHECK_FAILED);
        }
        status.write(amr, AmrStatusWriter.Change.progress(reason, message));
        return permanent ? Outcome.requeueAfter(RECHECK_FAILED) : Outcome.failed(message);
    }

    /** Deletion: the source side is released so two independent applications remain; then the finalizer goes. */
    private Outcome deleting(AppMirrorRelationship amr) {
        if (!amr.metadata().getFinalizers().contains(FINALIZER)) {
            return Outcome.done();
        }
        steps.begin();
        try {
            MirrorStep s = steps.detach(amr);
            if (!s.isDone()) {
                return Outcome.requeueAfter(POLL);
            }
        } catch (MirrordrillException gone) {
            // A relationship whose vault or storage is gone must still be deletable: there is nothing to detach.
        }
        List<String> rest = amr.metadata().getFinalizers().stream().filter(f -> !f.equals(FINALIZER)).toList();
        ports.kubernetes().patch(ProtectApi.API_VERSION, AppMirrorRelationship.KIND, amr.metadata().getNamespace(),
                amr.metadata().getName(), "{\"metadata\":{\"finalizers\":" + toJson(rest) + "}}");
        return Outcome.done();
    }

    private static String toJson(List<String> items) {
        return items.stream().map(s -> "\"" + s + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("null");
    }

    static ArchivePath pathOf(AppMirrorRelationship amr, String basename) {
        return ArchivePath.fromBasename(amr.spec().sourceApplicationName(), amr.spec().sourceApplicationUID(),
                basename, "spec.promotedSnapshot");
    }

    static NamespaceMapping mapping(AppMirrorRelationship amr) {
        return NamespaceMapping.of(owner(amr), amr.spec().namespaceMapping());
    }

    static StorageClassMapping classes(AppMirrorRelationship amr, String clusterDefault) {
        return StorageClassMapping.of(owner(amr), amr.spec().storageClassMapping(), amr.spec().storageClassName(),
                clusterDefault);
    }

    static String owner(AppMirrorRelationship amr) {
        return AppMirrorRelationship.KIND + " " + amr.metadata().getNamespace() + "/" + amr.metadata().getName();
    }
}
