package io.mirrordrill.adapter.ontap;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * ONTAP credentials where Trident keeps them: the Secret of the TridentBackend whose
 * {@code config.ontap_config.managementLIF} is the LIF. That is the Secret its {@code credentials.name} names (a
 * backend made from a TridentBackendConfig) or else {@code tbe-<backendUUID>} (one made with {@code tridentctl}),
 * in the backend's namespace, with the keys {@code username} and {@code password} in any case, as Trident's
 * persistent store reads them. Credentials of another {@code credentials.type} (AWS Secrets Manager) are not read.
 * Every password found is handed to {@code learned} first, so that the caller's redaction knows it before any use.
 */
public final class BackendSecretCredentials implements Function<String, OntapCredentials> {
    static final String TRIDENT = "trident.netapp.io/v1";
    static final String BACKEND = "TridentBackend";

    private final KubernetesPort kubernetes;
    private final Consumer<String> learned;

    public BackendSecretCredentials(KubernetesPort kubernetes, Consumer<String> learned) {
        this.kubernetes = kubernetes;
        this.learned = learned;
    }

    /** The credentials of the first backend (by namespace and name) at this LIF with a readable Secret. */
    @Override
    public OntapCredentials apply(String managementLif) {
        List<JsonNode> backends = kubernetes.list(TRIDENT, BACKEND, null, LabelSelector.everything()).stream()
                .sorted(Comparator.comparing((GenericKubernetesResource r) -> r.getMetadata().getNamespace())
                        .thenComparing(r -> r.getMetadata().getName()))
                .<JsonNode>map(Resources::toTree)
                .filter(b -> managementLif.equals(b.path("config").path("ontap_config").path("managementLIF")
                        .asText(null)))
                .toList();
        if (backends.isEmpty()) {
            throw new OntapConfigException("no ONTAP credentials for management LIF " + managementLif + ": no"
                    + " TridentBackend has that managementLIF; give the LIF's user in --ontap-credentials");
        }
        String problem = null;
        for (JsonNode backend : backends) {
            Optional<OntapCredentials> found = credentials(backend);
            if (found.isPresent()) {
                return found.get();
            }
            problem = problem != null ? problem : why(backend);
        }
        throw new OntapConfigException("no ONTAP credentials for management LIF " + managementLif + ": " + problem);
    }

    private Optional<OntapCredentials> credentials(JsonNode backend) {
        if (!isKubernetesSecret(backend)) {
            return Optional.empty();
        }
        String namespace = backend.path("metadata").path("namespace").asText();
        return kubernetes.get("v1", "Secret", namespace, secretName(backend)).map(Resources::toTree).flatMap(s -> {
            Map<String, String> keys = keys(s);
            String user = keys.get("username");
            String password = keys.get("password");
            if (user == null || user.isEmpty() || password == null || password.isEmpty()) {
                return Optional.empty();
            }
            learned.accept(password);
            return Optional.of(OntapCredentials.of(user, password));
        });
    }

    /** Why a backend's credentials could not be read, for the error (never a value from the Secret). */
    private String why(JsonNode backend) {
        String name = backend.path("metadata").path("namespace").asText() + "/" + backend.path("backendName")
                .asText(backend.path("metadata").path("name").asText());
        if (!isKubernetesSecret(backend)) {
            return "backend " + name + " keeps its credentials as type \"" + type(backend) + "\", which mirrordrill"
                    + " does not read; give the LIF's user in --ontap-credentials";
        }
        String secret = backend.path("metadata").path("namespace").asText() + "/" + secretName(backend);
        return "Secret " + secret + " of backend " + name + " is missing or lacks \"username\" and \"password\";"
                + " fix the backend's credentials (tridentctl update backend), or give the LIF's user in"
                + " --ontap-credentials";
    }

    private static String secretName(JsonNode backend) {
        String named = backend.path("config").path("ontap_config").path("credentials").path("name").asText("");
        return named.isEmpty() ? "tbe-" + backend.path("backendUUID").asText() : named;
    }

    private static String type(JsonNode backend) {
        return backend.path("config").path("ontap_config").path("credentials").path("type").asText("");
    }

    private static boolean isKubernetesSecret(JsonNode backend) {
        String type = type(backend);
        return type.isEmpty() || type.equals("secret");
    }

    /** The Secret's keys in lower case, {@code data} decoded, {@code stringData} over it (as Trident reads them). */
    private static Map<String, String> keys(JsonNode secret) {
        Map<String, String> keys = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = secret.path("data").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                keys.put(e.getKey().toLowerCase(Locale.ROOT), new String(Base64.getDecoder().decode(e.getValue()
                        .asText()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                // a value the API server would have refused; the key counts as absent
            }
        }
        secret.path("stringData").fields().forEachRemaining(e -> keys.put(e.getKey().toLowerCase(Locale.ROOT),
                e.getValue().asText()));
        return keys;
    }
}
