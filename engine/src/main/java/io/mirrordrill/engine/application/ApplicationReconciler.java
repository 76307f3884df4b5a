package io.mirrordrill.engine.application;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.runtime.Outcome;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.engine.model.yaml.BindingException;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.port.Clock;
import io.mirrordrill.port.kubernetes.ConflictException;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.NotFoundException;
import io.mirrordrill.engine.status.ReadyCondition;
import io.mirrordrill.engine.status.StatusWriter;
import io.mirrordrill.engine.controller.UnboundStatus;

import java.time.Duration;
import java.util.Optional;

/**
 * Keeps an Application's status true: {@code Ready} when its spec is valid, its namespaces exist and the cluster
 * serves the cluster-scoped kinds it names; {@code Failed} otherwise, with {@code error} and the {@code Ready}
 * condition saying what is wrong and the fix. Checked again every {@code recheck}, since creating a missing namespace
 * raises no Application event.
 */
public final class ApplicationReconciler implements Reconciler {
    public static final Duration DEFAULT_RECHECK = Duration.ofMinutes(5);
    public static final String READY = "Ready";
    public static final String FAILED = "Failed";

    private final KubernetesPort kubernetes;
    private final Clock clock;
    private final Duration recheck;
    private final ApplicationResolver resolver;

    public ApplicationReconciler(KubernetesPort kubernetes, Clock clock, Duration recheck) {
        this.kubernetes = kubernetes;
        this.clock = clock;
        this.recheck = recheck;
        this.resolver = new ApplicationResolver(kubernetes);
    }

    public ApplicationReconciler(KubernetesPort kubernetes, Clock clock) {
        this(kubernetes, clock, DEFAULT_RECHECK);
    }

    @Override
    public Outcome reconcile(ResourceKey key) {
        Optional<GenericKubernetesResource> found = kubernetes.get(ProtectApi.API_VERSION, Application.KIND,
                key.namespace(), key.name());
        if (found.isEmpty() || found.get().getMetadata().getDeletionTimestamp() != null) {
            return Outcome.done();
        }
        Application app;
        try {
            app = (Application) ProtectYaml.fromGeneric(found.get());
        } catch (BindingException e) {
            return unbound(found.get(), e);
        }
        ResourceStatus next;
        try {
            ApplicationScope scope = resolver.scope(app);
            next = status(app, true, "Resolved", "includes namespaces " + String.join(", ", scope.namespaceNames())
                    + (scope.clusterScoped().isEmpty() ? "" : " and " + scope.clusterScoped().size()
                    + " cluster-scoped kind(s)"));
        } catch (ApplicationException e) {
            next = status(app, false, e.reason(), e.getMessage());
        }
        try {
            StatusWriter.write(kubernetes, found.get(), app.withStatus(next));
        } catch (ConflictException e) {
            return Outcome.requeueAfter(Duration.ZERO);
        } catch (NotFoundException e) {
            return Outcome.done();
        }
        return Outcome.requeueAfter(recheck);
    }

    private Outcome unbound(GenericKubernetesResource found, BindingException e) {
        try {
            UnboundStatus.fail(kubernetes, found, e.getMessage(), clock.now());
            return Outcome.done(); // nothing to do until the spec changes
        } catch (ConflictException conflict) {
            return Outcome.requeueAfter(Duration.ZERO);
        } catch (NotFoundException gone) {
            return Outcome.done();
        }
    }

    private ResourceStatus status(Application app, boolean ready, String reason, String message) {
        ResourceStatus current = app.status();
        return new ResourceStatus(ready ? READY : FAILED, ready ? null : message,
                ReadyCondition.set(current == null ? null : current.conditions(), ready, reason, message,
                        app.metadata().getGeneration(), clock.now()),
                current == null ? null : current.unknownFields());
    }
}
