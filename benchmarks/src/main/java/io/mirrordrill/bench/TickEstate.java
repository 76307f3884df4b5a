package io.mirrordrill.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.world.SimCluster;
import io.mirrordrill.scenario.world.SimWorld;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The seed's estate (east and west sites, peered SVMs, one bucket per site, the seed's AppVaults and Secrets) with
 * {@code n} applications instead of one: each in its own namespace with four claims and a Deployment that appends a
 * little to every volume each minute, the seed's Application, 5-minute Schedule and AppMirrorRelationship, read from
 * {@code drills/seed/} and renamed into the app's namespace.
 */
final class TickEstate {
    static final String SEED = "my-app-namespace";
    static final String SCHEDULE = "appmirror-schedule-0e1f88ab-f013-4bce-8ae9-6afed9df59a1";
    static final String AMR = "amr-16061e80-1b05-4e80-9d26-d326dc1953d8";
    static final String PROTECT = "protect.trident.netapp.io/v1";
    static final int CLAIMS = 4;

    final SimWorld w;
    final SimCluster source;
    final SimCluster destination;
    final List<String> namespaces = new ArrayList<>();
    private final List<String> pods = new ArrayList<>();

    TickEstate(int n, long seed) {
        w = new SimWorld(seed)
                .site("east").site("west").link("east", "west", Duration.ofMillis(10), 100_000_000L)
                .ontapCluster("ontap-east", "east").svm("ontap-east", "svm-east")
                .ontapCluster("ontap-west", "west").svm("ontap-west", "svm-west")
                .objectStore("s3.east.example", "east", "trident-protect-src-bucket", "AKSRCEXAMPLE",
                        "src-secret-9f3b2c41")
                .objectStore("s3.west.example", "west", "trident-protect-dst-bucket", "AKDSTEXAMPLE",
                        "dst-secret-7c1d88e0");
        w.peer("ontap-west", "svm-west", "ontap-east", "svm-east");
        source = w.kubernetes("k8s-east", "east").backend("nas-east", "ontap-east", "svm-east")
                .storageClass("sc-vsim-1", "nas-east", true);
        destination = w.kubernetes("k8s-west", "west").backend("nas-west", "ontap-west", "svm-west")
                .storageClass("sc-vsim-2", "nas-west", true);
        for (SimCluster c : List.of(source, destination)) {
            c.namespace("trident-protect");
            c.apply("s3-secrets.yaml", seed("s3-secrets.yaml"), "trident-protect");
        }
        source.apply("appvault", seed("trident-protect-appvault-primary-source.yaml"), "trident-protect");
        destination.apply("appvault", seed("trident-protect-appvault-primary-destination.yaml"), "trident-protect");
        destination.apply("appvault", seed("trident-protect-appvault-secondary-destination.yaml"), "trident-protect");
        for (int i = 0; i < n; i++) {
            String ns = String.format("app-%04d", i);
            namespaces.add(ns);
            source.namespace(ns);
            destination.namespace(ns);
            source.apply("app", app(), ns);
            source.apply("application", seed("trident-protect-app-source.yaml").replace(SEED, ns), ns);
        }
    }

    /** A seed file from the scenarios jar ({@code scenarios/drills/seed/}). */
    static String seed(String file) {
        try (InputStream in = TickEstate.class.getResourceAsStream("/drills/seed/" + file)) {
            if (in == null) {
                throw new IllegalStateException("seed file " + file + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Four claims and a Deployment mounting them at /data-0../data-3. */
    private static String app() {
        StringBuilder y = new StringBuilder();
        StringBuilder mounts = new StringBuilder();
        StringBuilder volumes = new StringBuilder();
        for (int k = 0; k < CLAIMS; k++) {
            y.append("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data-").append(k)
                    .append(", labels: {app: db}}\nspec:\n  accessModes: [ReadWriteOnce]\n")
                    .append("  resources: {requests: {storage: 2Gi}}\n---\n");
            mounts.append(k == 0 ? "" : ", ").append("{name: data-").append(k).append(", mountPath: /data-")
                    .append(k).append('}');
            volumes.append("      - name: data-").append(k).append("\n        persistentVolumeClaim: {claimName: data-")
                    .append(k).append("}\n");
        }
        return y + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: db}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers:
                      - name: db
                        image: postgres:16
                        volumeMounts: [%s]
                      volumes:
                """.formatted(mounts) + volumes;
    }

    /** Waits until every app's pod runs, then starts the writers: 100 bytes per volume per minute, staggered. */
    void startApps() {
        awaitAll("apps running", Duration.ofSeconds(10), Duration.ofMinutes(30), ns -> runningPod(ns) != null);
        for (int i = 0; i < namespaces.size(); i++) {
            pods.add(runningPod(namespaces.get(i)));
            int app = i;
            Runnable[] write = new Runnable[1];
            write[0] = () -> {
                for (int k = 0; k < CLAIMS; k++) {
                    source.simulator().workloads().append(namespaces.get(app), pods.get(app), "/data-" + k,
                            "records.log", ("record at " + w.world().now() + "\n").repeat(3)
                                    .getBytes(StandardCharsets.UTF_8));
                }
                w.world().schedule(Duration.ofMinutes(1), "bench app writes", write[0]);
            };
            w.world().schedule(Duration.ofMillis(60_000L * i / namespaces.size()), "bench app writes", write[0]);
        }
    }

    private String runningPod(String ns) {
        for (var pod : source.api().list("v1", "Pod", ns, LabelSelector.everything())) {
            JsonNode p = Resources.toTree(pod);
            if ("Running".equals(p.path("status").path("phase").asText())) {
                return p.path("metadata").path("name").asText();
            }
        }
        return null;
    }

    /** The seed's Schedule in every app's namespace. */
    void schedule() {
        for (String ns : namespaces) {
            source.apply("schedule", seed("trident-protect-schedule.yaml").replace(SEED, ns), ns);
        }
    }

    /** The seed's AMR for every app, once its first scheduled snapshot is in the vault; waits for Established. */
    void establish() {
        awaitAll("a first scheduled snapshot", Duration.ofSeconds(30), Duration.ofMinutes(30), ns -> source.api()
                .list(PROTECT, "Snapshot", ns, LabelSelector.everything()).stream().map(Resources::toTree)
                .anyMatch(s -> "Completed".equals(s.path("status").path("state").asText())));
        for (String ns : namespaces) {
            String uid = source.get(PROTECT, "Application", ns, "my-app-name").orElseThrow().path("metadata")
                    .path("uid").asText();
            destination.apply("amr", seed("trident-protect-relationship.yaml").replace(SEED, ns)
                    .replace("${APP_UID}", uid), ns);
        }
        awaitAll("Established", Duration.ofSeconds(30), Duration.ofHours(2), ns -> "Established".equals(amr(ns)
                .path("state").asText()));
    }

    JsonNode amr(String ns) {
        return destination.get(PROTECT, "AppMirrorRelationship", ns, AMR).orElseThrow().path("status");
    }

    /** Advances in steps until {@code done} holds for every namespace; the checks cost wall time, not events. */
    void awaitAll(String what, Duration step, Duration limit, Predicate<String> done) {
        List<String> pending = new ArrayList<>(namespaces);
        Instant until = w.world().now().plus(limit);
        pending.removeIf(done);
        while (!pending.isEmpty()) {
            if (!w.world().now().isBefore(until)) {
                throw new IllegalStateException("timed out waiting for " + what + ": " + pending.size() + " of "
                        + namespaces.size() + " still waiting, e.g. " + pending.get(0) + " " + amrOrNothing(pending));
            }
            w.advance(step);
            pending.removeIf(done);
        }
    }

    private String amrOrNothing(List<String> pending) {
        return destination.get(PROTECT, "AppMirrorRelationship", pending.get(0), AMR).map(a -> a.path("status")
                .toString()).orElse("");
    }
}
