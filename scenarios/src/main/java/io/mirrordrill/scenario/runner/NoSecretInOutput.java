package io.mirrordrill.scenario.runner;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ResourceKind;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.secret.Redactor;
import io.mirrordrill.scenario.world.SimCluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * No secret value (AppVault credentials, Secret data) in the trace, nor itself or in base64 in any protect resource's
 * status or in any Event (what the engine, Trident and the kubelet record for people to read). The rendered reports
 * are read back at the end ({@link SecretScan}). Every check first learns the Secrets created since the last one
 * (when no reachable cluster changed since, there are none), and reads again only the clusters that changed.
 */
final class NoSecretInOutput implements Invariant {
    /**
     * What a cluster's statuses and Events showed: a pure function of its API server's content (whose revision
     * every committed write and removal raises; a rebuilt cluster is another server) and of the secrets then known
     * (a new set whenever one is learned). Either changing makes the next check read the cluster again.
     */
    private record Scanned(KubernetesCluster server, long revision, Set<String> secrets, List<Violation> found) {}

    private final Map<String, Scanned> scanned = new HashMap<>();
    /** The reachable clusters' servers and revisions when their Secrets were last learned: unchanged, none is new. */
    private List<Object> learnedAt = List.of();

    @Override
    public String id() {
        return "no-secret-in-output";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Object> now = new ArrayList<>();
        for (SimCluster c : at.estate.clusters()) {
            if (at.estate.reachable(c)) {
                now.add(c.apiServer());
                now.add(c.apiServer().revision());
            }
        }
        if (!now.equals(learnedAt)) {
            at.estate.learnClusterSecrets();
            learnedAt = now;
        }
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
            Scanned before = scanned.get(c.name());
            KubernetesCluster server = c.apiServer();
            if (before == null || before.server() != server || before.revision() != server.revision()
                    || before.secrets() != redactor.secrets()) {
                before = new Scanned(server, server.revision(), redactor.secrets(), scan(c, redactor));
                scanned.put(c.name(), before);
            }
            out.addAll(before.found());
        }
        return out;
    }

    private List<Violation> scan(SimCluster c, Redactor redactor) {
        List<Violation> out = new ArrayList<>();
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
        return List.copyOf(out);
    }
}
