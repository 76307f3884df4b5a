package io.mirrordrill.engine.hooks;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.secret.SecretMask;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * Keeps secrets out of a hook's output before it is stored in a status or told in an Event: every value of every
 * Secret in the given namespaces (the hook's and the protect namespace), {@code data} decoded and {@code stringData}
 * as written, read at the time of the run, and their base64 forms become {@value SecretMask#MASK}, as does a URL's
 * user info. Values shorter than {@value SecretMask#MIN_LENGTH} characters are not secrets (see docs/security.md).
 */
public final class OutputScrubber {
    private final SecretMask mask = new SecretMask();

    private OutputScrubber() {
    }

    /** A scrubber knowing the Secrets now in {@code namespaces} (each read once). */
    public static OutputScrubber of(KubernetesPort kubernetes, Collection<String> namespaces) {
        OutputScrubber scrubber = new OutputScrubber();
        for (String ns : new TreeSet<>(namespaces)) {
            for (GenericKubernetesResource s : kubernetes.list("v1", "Secret", ns, LabelSelector.everything())) {
                values(s.get("data")).forEach(scrubber.mask::learnBase64);
                values(s.get("stringData")).forEach(scrubber.mask::learn);
            }
        }
        return scrubber;
    }

    /** The text with every known secret masked; null stays null. */
    public String scrub(String text) {
        return mask.redact(text);
    }

    private static Collection<String> values(Object field) {
        TreeSet<String> values = new TreeSet<>();
        if (field instanceof Map<?, ?> map) {
            map.values().forEach(v -> {
                if (v != null) {
                    values.add(v.toString());
                }
            });
        }
        return values;
    }
}
