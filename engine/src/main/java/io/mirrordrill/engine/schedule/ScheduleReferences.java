package io.mirrordrill.engine.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.appvault.AppVaults;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.Resources;

import java.util.Optional;

/**
 * What a Schedule names, checked on every reconcile: its AppVault (in the schedule's namespace or
 * {@value AppVaults#PROTECT_NAMESPACE}) and its Application (in the schedule's namespace) exist and their controllers
 * do not report them in error. A Snapshot created meanwhile would fail; the schedule says why beforehand.
 */
final class ScheduleReferences {
    /** A broken reference: the Ready reason and a message ending in the fix. */
    record Broken(String reason, String message) {}

    private final KubernetesPort kubernetes;

    ScheduleReferences(KubernetesPort kubernetes) {
        this.kubernetes = kubernetes;
    }

    Optional<Broken> check(Schedule schedule) {
        String ns = schedule.namespace();
        String vault = schedule.spec().appVaultRef();
        Optional<JsonNode> foundVault = AppVaults.find(kubernetes, vault, ns).map(Resources::toTree);
        if (foundVault.isEmpty()) {
            return Optional.of(new Broken("AppVaultNotFound", "spec.appVaultRef: AppVault \"" + vault + "\" not found"
                    + " in namespace " + ns + " or " + AppVaults.PROTECT_NAMESPACE + ". Fix: create it, or set"
                    + " spec.appVaultRef to an existing AppVault"));
        }
        if ("Error".equals(state(foundVault.get()))) {
            return Optional.of(new Broken("AppVaultNotReady", "spec.appVaultRef: AppVault \"" + vault + "\" is in"
                    + " state Error" + error(foundVault.get()) + ". Fix: repair the AppVault (kubectl describe"
                    + " appvault " + vault + "), or set spec.appVaultRef to a usable one"));
        }
        String app = schedule.spec().applicationRef();
        Optional<JsonNode> foundApp = kubernetes.get(ProtectApi.API_VERSION, Application.KIND, ns, app)
                .map(Resources::toTree);
        if (foundApp.isEmpty()) {
            return Optional.of(new Broken("ApplicationNotFound", "spec.applicationRef: Application \"" + app
                    + "\" not found in namespace " + ns + ". Fix: create it, or set spec.applicationRef to an"
                    + " Application of namespace " + ns));
        }
        if ("Failed".equals(state(foundApp.get()))) {
            return Optional.of(new Broken("ApplicationNotReady", "spec.applicationRef: Application \"" + app
                    + "\" is in state Failed" + error(foundApp.get()) + ". Fix: correct the Application (kubectl"
                    + " describe application " + app + " -n " + ns + ")"));
        }
        return Optional.empty();
    }

    private static String state(JsonNode resource) {
        return resource.path("status").path("state").asText("");
    }

    private static String error(JsonNode resource) {
        String error = resource.path("status").path("error").asText("");
        return error.isEmpty() ? "" : " (" + error + ")";
    }
}
