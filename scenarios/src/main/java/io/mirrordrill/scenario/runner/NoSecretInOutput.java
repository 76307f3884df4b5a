package io.mirrordrill.scenario.runner;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceKind;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.secret.Redactor;
import io.mirrordrill.scenario.world.SimCluster;

import java.util.ArrayList;
import java.util.List;

/**
 * No secret value (AppVault credentials, Secret data) in the trace, nor itself or in base64 in any protect resource's
 * status or in any Event (what the engine, Trident and the kubelet record for people to read). The rendered reports
 * are read back at the end ({@link SecretScan}). Every check first learns the Secrets created since the last one.
 */
final class NoSecretInOutput implements Invariant {
    @Override
    public String id() {
        return "no-secret-in-output";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        at.estate.learnClusterSecrets();
        Redactor redactor = at.estate.redactor();
        List<Violation> out = new ArrayList<>();
        for (String leak : at.trace.leaks()) {
            if (at.done.add(id() + "/" + leak)) {
                out.add(new Violation(id(), "a secret value appears in the trace", leak));
            }
        }
        for (SimCluster c : at.estate.clusters()) {
            if (!at.estate.reachable(c)) {
                continue;
            }
            for (ResourceKind kind : ResourceKind.values()) {
                for (GenericKubernetesResource r : c.api().list(ProtectApi.API_VERSION, kind.kind(), null,
                        LabelSelector.everything())) {
                    String status = Resources.toTree(r).path("status").toString();
                    if (redactor.shows(status)) {
                        out.add(new Violation(id(), "a secret value appears in a status", c.name() + " "
                                + kind.kind() + " " + r.getMetadata().getNamespace() + "/"
                                + r.getMetadata().getName() + ": " + redactor.redact(status)));
                    }
                }
            }
            for (GenericKubernetesResource e : c.api().list("v1", "Event", null, LabelSelector.everything())) {
                // reason and message are what recorders build from what they saw; the rest is names and times
                String event = e.get("reason") + ": " + e.get("message");
                if (redactor.shows(event)) {
                    out.add(new Violation(id(), "a secret value appears in an Event", c.name() + " Event "
                            + e.getMetadata().getNamespace() + "/" + e.getMetadata().getName() + ": "
                            + redactor.redact(event)));
                }
            }
        }
        return out;
    }
}
