package io.mirrordrill.engine.amr;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.engine.archive.ArchivePath;
import io.mirrordrill.engine.archive.ArchivePathException;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.controller.Problem;
import io.mirrordrill.engine.controller.ProtectReconciler;
import io.mirrordrill.engine.controller.Ready;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipStatus;
import io.mirrordrill.engine.model.DesiredState;
import io.mirrordrill.engine.model.MirrorState;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.objectstore.ObjectStoreException;
import io.mirrordrill.port.ontap.OntapException;
import io.mirrordrill.engine.restore.NamespaceMap;
import io.mirrordrill.engine.restore.RestoreException;
import io.mirrordrill.engine.restore.StorageClassMapping;
import io.mirrordrill.engine.trident.MirrorStep;
import io.mirrordrill.engine.trident.VolumeMirror;
import io.mirrordrill.port.MirrordrillException;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.statemachine.History;
import io.mirrordrill.runtime.statemachine.StateMachine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The AppMirrorRelationship controller's decisions, run by the destination cluster's engine. Every reconcile reads
 * the relationship, the AppVaults and the storage, takes the next step of the current state ({@link AmrSteps}), and
 * changes the state only by taking a row of {@link AmrLifecycle}, whose effect says what the status shows. The
 * runtime ({@link io.mirrordrill.engine.controller.ProtectController}) holds the finalizer, routes deletion to
 * {@link #cleanup}, writes the status and turns exceptions into {@link Problem}s for {@link #failed}.
 */
public final class AmrReconciler implements ProtectReconciler<AppMirrorRelationship, AppMirrorRelationshipStatus> {
    public static final String FINALIZER = "protect.trident.netapp.io/appmirrorrelationship";
    static final Duration POLL = Duration.ofSeconds(5);
    static final Duration RECHECK_FAILED = RECHECK;
    static final AppMirrorRelationshipStatus EMPTY = new AppMirrorRelationshipStatus(null, List.of(), null, List.of(),
            null, null, null, null);

    private final EnginePorts ports;
    private final AmrSteps steps;
    private final StateMachine<MirrorState, AmrEvent, AmrMove> lifecycle;
    /** Each relationship's rows taken while this engine ran, by uid: what a refused move is explained with. */
    private final Map<String, History> histories = new TreeMap<>();

    private final EventRecorder events;
    private final FailoverHooks failoverHooks;

    public AmrReconciler(EnginePorts ports, EngineSettings settings, EventRecorder events) {
        this.ports = ports;
        this.events = events;
        this.failoverHooks = new FailoverHooks(ports.kubernetes(), ports.clock(), events);
        this.steps = new AmrSteps(ports, settings, new VolumeMirror(ports.ontap()), events);
        this.lifecycle = AmrLifecycle.machine(() -> ports.clock().now().toString());
    }

    @Override
    public String kind() {
        return AppMirrorRelationship.KIND;
    }

    @Override
    public AppMirrorRelationshipStatus emptyStatus() {
        return EMPTY;
    }

    @Override
    public String finalizer() {
        return FINALIZER;
    }

    @Override
    public Decision<AppMirrorRelationshipStatus> reconcile(AppMirrorRelationship amr) {
        Optional<DesiredState> desired = amr.spec() == null ? Optional.empty() : amr.spec().desiredStateValue();
        if (desired.isEmpty()) {
            throw new AmrException("InvalidSpec", "spec.desiredState \"" + amr.spec().desiredState()
                    + "\" is not valid. Fix: set it to Established or Promoted", true);
        }
        return step(amr, steps.forReconcile(), state(amr), desired.get() == DesiredState.PROMOTED);
    }

    private static MirrorState state(AppMirrorRelationship amr) {
        return amr.status() == null ? null : amr.status().stateValue().orElse(null);
    }

    private Decision<AppMirrorRelationshipStatus> step(AppMirrorRelationship amr, AmrSteps steps, MirrorState state,
                                                       boolean promote) {
        if (state == null) {
            if (promote) {
                throw new AmrException("NothingReplicated", "desiredState is Promoted but nothing has been replicated"
                        + " yet. Fix: create the relationship with desiredState Established first", true);
            }
            return move(amr, null, AmrEvent.ESTABLISH, AmrMove.of(amr), Duration.ZERO);
        }
        switch (state) {
            case FAILED: {
                Optional<Duration> wait = untilRetry(amr);
                if (wait.isPresent()) {
                    return Decision.after(wait.get());
                }
                steps.check(amr);
                if (promote) {
                    promotedSnapshot(amr);
                }
                return move(amr, state, promote ? AmrEvent.PROMOTE : AmrEvent.ESTABLISH, AmrMove.of(amr),
                        Duration.ZERO);
            }
            case ESTABLISHING: {
                Optional<AmrException> broken = steps.references(amr);
                failIfPermanent(broken);
                if (staleUid(broken)) {
                    steps.check(amr);
                    return showing(broken, Decision.after(steps.nextPoll(amr)));
                }
                Progress p = steps.establish(amr);
                return showing(broken, p.isDone() ? move(amr, state, AmrEvent.ESTABLISHED, AmrMove.arriving(amr, p),
                        Duration.ZERO) : progress(p));
            }
            case ESTABLISHED: {
                if (promote) {
                    promotedSnapshot(amr);
                    return move(amr, state, AmrEvent.PROMOTE, AmrMove.of(amr), Duration.ZERO);
                }
                Optional<AmrException> broken = steps.references(amr);
                failIfPermanent(broken);
                if (staleUid(broken)) {
                    steps.check(amr);
                    return showing(broken, Decision.after(steps.nextPoll(amr)));
                }
                Progress p = steps.replicate(amr);
                if (!p.isDone()) {
                    return showing(broken, progress(p));
                }
                return showing(broken, Decision.requeue(AmrMove.withFacts(amr.status(), p),
                        Ready.isTrue("Established", p.message()), steps.nextPoll(amr)));
            }
            case PROMOTING: {
                Progress p = steps.promote(amr);
                return p.isDone() ? move(amr, state, AmrEvent.PROMOTED, AmrMove.arriving(amr, p), Duration.ZERO)
                        : progress(p);
            }
            case PROMOTED:
                if (!promote) {
                    return move(amr, state, AmrEvent.RESYNC, AmrMove.of(amr), Duration.ZERO);
                }
                return failoverHooks.afterPromotion(amr);
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

    /** Takes the lifecycle's row: its effect decides the status; then look again after {@code then}. */
    private Decision<AppMirrorRelationshipStatus> move(AppMirrorRelationship amr, MirrorState from, AmrEvent event,
                                                       AmrMove move, Duration then) {
        lifecycle.fire(from, event, move, histories.computeIfAbsent(amr.metadata().getUid(), uid -> new History()));
        return move.decision(Outcome.requeueAfter(then));
    }

    /**
     * A broken reference ({@link References}) is what Ready says while the step's decision stands: the state and the
     * replication facts are kept and replication goes on where it can.
     */
    private static Decision<AppMirrorRelationshipStatus> showing(Optional<AmrException> broken,
                                                                 Decision<AppMirrorRelationshipStatus> d) {
        if (broken.isEmpty()) {
            return d;
        }
        Ready ready = Ready.isFalse(broken.get().reason(), broken.get().getMessage());
        return new Decision<>(d.status(), d.ready() != null && d.ready().restart() ? ready.restarted() : ready,
                d.outcome());
    }

    /** A broken reference that nothing can be replicated past (see {@link References}) fails the relationship. */
    private static void failIfPermanent(Optional<AmrException> broken) {
        if (broken.isPresent() && broken.get().permanent()) {
            throw broken.get();
        }
    }

    /**
     * The source application was created again under another UID: the archives left under spec.sourceApplicationUID
     * are the old application's (source retention deletes them one by one), so nothing is replicated from them until
     * the UID is corrected; Ready says why.
     */
    private static boolean staleUid(Optional<AmrException> broken) {
        return broken.filter(b -> References.UID_MISMATCH.equals(b.reason())).isPresent();
    }

    /** A promotedSnapshot that is no archive basename (set by a patch past validation) fails the failover. */
    private static void promotedSnapshot(AppMirrorRelationship amr) {
        if (amr.spec().promotedSnapshot() != null) {
            pathOf(amr, amr.spec().promotedSnapshot());
        }
    }

    private Decision<AppMirrorRelationshipStatus> progress(Progress p) {
        if (p.isFailed()) {
            return Decision.retry(null, Ready.isFalse("StepFailed", p.message()), p.message());
        }
        return Decision.requeue(null, Ready.isFalse("Progressing", p.message()), POLL);
    }

    /** A permanent problem fails the relationship through the lifecycle's row; a passing one is shown and retried. */
    @Override
    public Decision<AppMirrorRelationshipStatus> failed(AppMirrorRelationship amr, Problem problem) {
        // every occurrence, so a problem that persists counts up on one Event
        events.warning(EventRecorder.Involved.of(ProtectApi.API_VERSION, AppMirrorRelationship.KIND, amr.metadata()),
                problem.reason(), problem.message());
        MirrorState state = state(amr);
        if (problem.permanent() && state != MirrorState.FAILED && lifecycle.allows(state, AmrEvent.FAIL)) {
            return move(amr, state, AmrEvent.FAIL, AmrMove.failing(amr, problem), RECHECK_FAILED);
        }
        return ProtectReconciler.super.failed(amr, problem);
    }

    /** Deletion: the source side is released so two independent applications remain; then the finalizer goes. */
    @Override
    public Decision<AppMirrorRelationshipStatus> cleanup(AppMirrorRelationship amr) {
        try {
            MirrorStep s = steps.forReconcile().detach(amr);
            if (!s.isDone()) {
                return Decision.after(POLL);
            }
        } catch (MirrordrillException gone) {
            // A relationship whose vault or storage is gone must still be deletable: there is nothing to detach.
        }
        histories.remove(amr.metadata().getUid());
        steps.forget(amr.metadata().getUid());
        return Decision.done();
    }

    /** The archive {@code promotedSnapshot} names; one it cannot name is a permanent problem of the spec. */
    static ArchivePath pathOf(AppMirrorRelationship amr, String basename) {
        try {
            return ArchivePath.fromBasename(amr.spec().sourceApplicationName(), amr.spec().sourceApplicationUID(),
                    basename, "spec.promotedSnapshot");
        } catch (ArchivePathException e) {
            throw new AmrException("InvalidPromotedSnapshot", e.getMessage() + "; or remove spec.promotedSnapshot"
                    + " to fail over to the last replicated snapshot", true);
        }
    }

    static NamespaceMap mapping(AppMirrorRelationship amr) {
        return NamespaceMap.of(owner(amr), amr.spec().namespaceMapping());
    }

    static StorageClassMapping classes(AppMirrorRelationship amr, String clusterDefault) {
        return StorageClassMapping.of(owner(amr), amr.spec().storageClassMapping(), amr.spec().storageClassName(),
                clusterDefault);
    }

    static String owner(AppMirrorRelationship amr) {
        return AppMirrorRelationship.KIND + " " + amr.metadata().getNamespace() + "/" + amr.metadata().getName();
    }
}
