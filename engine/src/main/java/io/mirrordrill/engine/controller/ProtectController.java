package io.mirrordrill.engine.controller;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.mirrordrill.engine.model.Condition;
import io.mirrordrill.engine.model.Conditioned;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.yaml.BindingException;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.status.ReadyCondition;
import io.mirrordrill.engine.controller.UnboundStatus;
import io.mirrordrill.port.Clock;
import io.mirrordrill.port.kubernetes.ConflictException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The controller runtime of one protect kind (java-operator-sdk's {@code ReconciliationDispatcher}): reads and binds
 * the resource, adds the kind's finalizer before anything else happens, routes a deletion to the reconciler's
 * cleanup and removes the finalizer after it, turns a known exception into a {@link Problem}, and writes the
 * decided status in one {@link StatusPatch} with the {@code Ready} condition's {@code observedGeneration} and
 * {@code lastTransitionTime}. A conflict (the resource changed under us) is answered by looking again at once.
 */
public final class ProtectController<R extends ProtectResource<?, T>, T extends Conditioned<T>> implements Reconciler {
    /** A status that changed, for whoever records events; called after the write. */
    public record StatusChange<T>(ResourceKey key, ObjectMeta meta, T before, T after) {}

    private final KubernetesPort kubernetes;
    private final Clock clock;
    private final ProtectReconciler<R, T> reconciler;
    private Consumer<StatusChange<T>> onStatusChange = c -> { };

    public ProtectController(KubernetesPort kubernetes, Clock clock, ProtectReconciler<R, T> reconciler) {
        this.kubernetes = kubernetes;
        this.clock = clock;
        this.reconciler = reconciler;
    }

    public ProtectReconciler<R, T> reconciler() {
        return reconciler;
    }

    /** The one hook where a status change (a state entered, a failure shown) can be recorded as an event. */
    public void onStatusChange(Consumer<StatusChange<T>> listener) {
        this.onStatusChange = listener;
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        Optional<GenericKubernetesResource> found = kubernetes.get(ProtectApi.API_VERSION, reconciler.kind(),
                key.namespace(), key.name());
        if (found.isEmpty()) {
            return Outcome.done();
        }
        try {
            R resource;
            try {
                resource = bind(found.get());
            } catch (BindingException e) {
                return unbound(found.get(), e);
            }
            String finalizer = reconciler.finalizer();
            if (resource.metadata().getDeletionTimestamp() != null) {
                if (finalizer == null || !Finalizers.has(found.get(), finalizer)) {
                    return Outcome.done();
                }
                Decision<T> d = reconciler.cleanup(resource);
                GenericKubernetesResource written = write(key, found.get(), resource, d);
                if (d.outcome() instanceof Outcome.Done) {
                    Finalizers.set(kubernetes, written, finalizer, false);
                }
                return d.outcome();
            }
            if (finalizer != null && !Finalizers.has(found.get(), finalizer)) {
                Finalizers.set(kubernetes, found.get(), finalizer, true);
                return Outcome.requeueAfter(Duration.ZERO);
            }
            Decision<T> d;
            try {
                d = reconciler.reconcile(resource);
            } catch (ConflictException | NotFoundException e) {
                throw e;
            } catch (RuntimeException e) {
                Problem problem = Problem.of(e).orElseThrow(() -> e);
                d = reconciler.failed(resource, problem);
            }
            write(key, found.get(), resource, d);
            return d.outcome();
        } catch (ConflictException e) {
            return Outcome.requeueAfter(Duration.ZERO); // changed under us: look again at the new version
        } catch (NotFoundException e) {
            return Outcome.done();
        }
    }

    @SuppressWarnings("unchecked")
    private R bind(GenericKubernetesResource found) {
        return (R) ProtectYaml.fromGeneric(found);
    }

    /** The decided status, with the Ready condition stamped, in one patch (none when nothing changed). */
    private GenericKubernetesResource write(ResourceKey key, GenericKubernetesResource found, R resource,
                                            Decision<T> d) {
        T before = resource.status();
        T next = d.status() != null ? d.status() : before;
        if (d.ready() != null && next == null) {
            next = reconciler.emptyStatus();
        }
        if (next == null) {
            return found;
        }
        // conditions are the runtime's: those there are kept, and Ready is set as decided
        List<Condition> conditions = before == null ? List.of() : before.conditions();
        if (d.ready() != null) {
            Ready r = d.ready();
            conditions = ReadyCondition.set(conditions, r.ready(), r.reason(), r.message(),
                    resource.metadata().getGeneration(), clock.now(), r.restart());
        }
        next = next.withConditions(conditions);
        if (next.equals(before)) {
            return found;
        }
        @SuppressWarnings("unchecked")
        ProtectResource<?, T> withStatus = (ProtectResource<?, T>) resource.withStatus(next);
        GenericKubernetesResource written = StatusPatch.write(kubernetes, found, withStatus);
        if (written != found) {
            onStatusChange.accept(new StatusChange<>(key, resource.metadata(), before, next));
        }
        return written;
    }

    private Outcome unbound(GenericKubernetesResource found, BindingException e) {
        UnboundStatus.settle(kubernetes, found, e.getMessage(), clock.now(), reconciler.failedState(),
                reconciler.finalizer());
        return Outcome.done();
    }
}
