package io.mirrordrill.engine.appvault;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesPort;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads one key of a Secret in a given namespace, as the API server would hand it to a pod: {@code stringData}
 * (plain text, which a real API server folds into {@code data} on write but a mock may keep) wins over
 * {@code data} (base64). Each Secret is fetched once per reader. Problems name Secret, key and namespace only.
 */
final class SecretReader {
    private final KubernetesPort kubernetes;
    private final String namespace;
    private final Map<String, Optional<GenericKubernetesResource>> fetched = new TreeMap<>();

    SecretReader(KubernetesPort kubernetes, String namespace) {
        this.kubernetes = kubernetes;
        this.namespace = namespace;
    }

    /** The value of {@code key} in Secret {@code name}, for the credential {@code credential}. */
    String read(String credential, String name, String key) {
        GenericKubernetesResource secret = fetched
                .computeIfAbsent(name, n -> kubernetes.get("v1", "Secret", namespace, n))
                .orElseThrow(() -> new CredentialException(VaultReasons.SECRET_NOT_FOUND,
                        "Secret " + name + " (for providerCredentials." + credential + ") not found in namespace "
                                + namespace,
                        "create Secret " + name + " in namespace " + namespace + " with key " + key
                                + " (kubectl create secret generic " + name + " -n " + namespace
                                + " --from-literal=" + key + "=...), or point providerCredentials." + credential
                                + ".valueFromSecret.name at a Secret of the AppVault's namespace",
                        credential, namespace, name, key));
        Map<String, Object> stringData = map(secret, "stringData");
        Map<String, Object> data = map(secret, "data");
        String value = stringData.get(key) instanceof String s ? s : decode(credential, name, key, data.get(key));
        if (value == null) {
            throw new CredentialException(VaultReasons.SECRET_KEY_NOT_FOUND,
                    "Secret " + namespace + "/" + name + " has no key " + key + " (for providerCredentials."
                            + credential + "); its keys are " + keys(stringData, data),
                    "add key " + key + " to Secret " + name + " in namespace " + namespace + ", or set"
                            + " providerCredentials." + credential + ".valueFromSecret.key to the key that holds it",
                    credential, namespace, name, key);
        }
        if (value.isEmpty()) {
            throw invalid(credential, name, key, "is empty");
        }
        return value;
    }

    private String decode(String credential, String name, String key, Object encoded) {
        if (encoded == null) {
            return null;
        }
        if (!(encoded instanceof String text)) {
            throw invalid(credential, name, key, "is not a base64 string");
        }
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // the decoder's message names a character of the value: not kept
            throw invalid(credential, name, key, "is not valid base64");
        }
    }

    private CredentialException invalid(String credential, String name, String key, String what) {
        return new CredentialException(VaultReasons.SECRET_VALUE_INVALID,
                "key " + key + " of Secret " + namespace + "/" + name + " (for providerCredentials." + credential
                        + ") " + what,
                "store the value under data as base64 (kubectl create secret generic --from-literal does this)"
                        + " or as plain text under stringData",
                credential, namespace, name, key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(GenericKubernetesResource secret, String field) {
        Object value = secret.getAdditionalProperties().get(field);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String keys(Map<String, Object> stringData, Map<String, Object> data) {
        Set<String> all = new TreeSet<>(stringData.keySet());
        all.addAll(data.keySet());
        return all.isEmpty() ? "none" : String.join(", ", all);
    }
}
