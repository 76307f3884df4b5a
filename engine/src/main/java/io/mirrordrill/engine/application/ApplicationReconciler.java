package io.mirrordrill.engine.application;

import io.mirrordrill.engine.controller.Decision;
import io.mirrordrill.engine.controller.ProtectReconciler;
import io.mirrordrill.engine.controller.Ready;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ResourceStatus;
import io.mirrordrill.port.kubernetes.KubernetesPort;

import java.time.Duration;
import java.util.List;

/**
 * Keeps an Application's status true: {@code Ready} when its spec is valid, its namespaces exist and the cluster
 * serves the cluster-scoped kinds it names; {@code Failed} otherwise, with {@code error} and the {@code Ready}
 * condition saying what is wrong and the fix. Checked again every {@code recheck}, since creating a missing namespace
 * raises no Application event.
 */
public final class ApplicationReconciler implements ProtectReconciler<Application, ResourceStatus> {
    public static final Duration DEFAULT_RECHECK = Duration.ofMinutes(5);
    public static final String READY = "Ready";
    public static final String FAILED = "Failed";

    private final Duration recheck;
    private final ApplicationResolver resolver;

    public ApplicationReconciler(KubernetesPort kubernetes, Duration recheck) {
        this.recheck = recheck;
        this.resolver = new ApplicationResolver(kubernetes);
    }

    public ApplicationReconciler(KubernetesPort kubernetes) {
        this(kubernetes, DEFAULT_RECHECK);
    }

    @Override
    public String kind() {
        return Application.KIND;
    }

    @Override
    public ResourceStatus emptyStatus() {
        return new ResourceStatus(null, null, List.of());
    }

    @Override
    public Decision<ResourceStatus> reconcile(Application app) {
        try {
            ApplicationScope scope = resolver.scope(app);
            return Decision.requeue(status(app, READY, null), Ready.isTrue("Resolved", "includes namespaces "
                    + String.join(", ", scope.namespaceNames()) + (scope.clusterScoped().isEmpty() ? ""
                    : " and " + scope.clusterScoped().size() + " cluster-scoped kind(s)")), recheck);
        } catch (ApplicationException e) {
            return Decision.requeue(status(app, FAILED, e.getMessage()), Ready.isFalse(e.reason(), e.getMessage()),
                    recheck);
        }
    }

    private static ResourceStatus status(Application app, String state, String error) {
        ResourceStatus current = app.status();
        return new ResourceStatus(state, error, current == null ? null : current.conditions(),
                current == null ? null : current.unknownFields());
    }
}
