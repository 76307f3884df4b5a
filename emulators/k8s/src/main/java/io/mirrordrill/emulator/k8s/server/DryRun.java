package io.mirrordrill.emulator.k8s.server;

import io.javalin.http.HandlerType;
import io.mirrordrill.port.kubernetes.KubernetesException;

import java.util.List;
import java.util.Map;

/**
 * The {@code dryRun} query parameter of writes ({@code kubectl apply --dry-run=server} sends {@code dryRun=All}):
 * "All" is the one value the API server supports; any other is refused as its options validation does (422 on the
 * verb's options kind). A dry-run request is validated, admitted and defaulted, and nothing is kept
 * ({@link io.mirrordrill.emulator.k8s.KubernetesCluster#dryRun}).
 */
final class DryRun {
    private DryRun() {
    }

    /** Whether the request is a dry run; a value other than "All" on a write is refused. */
    static boolean requested(HandlerType method, Map<String, List<String>> query) {
        List<String> values = query.get("dryRun");
        if (values == null || values.isEmpty() || method == HandlerType.GET) {
            return false;
        }
        for (String v : values) {
            if (!v.equals("All")) {
                String options = switch (method.name()) {
                    case "POST" -> "CreateOptions";
                    case "PUT" -> "UpdateOptions";
                    case "PATCH" -> "PatchOptions";
                    default -> "DeleteOptions";
                };
                throw new KubernetesException(422, "Invalid", options + ".meta.k8s.io \"\" is invalid: dryRun:"
                        + " Unsupported value: []string{\"" + v + "\"}: supported values: \"All\"", options, null, "");
            }
        }
        return true;
    }
}
