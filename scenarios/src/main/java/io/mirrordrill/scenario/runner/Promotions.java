package io.mirrordrill.scenario.runner;

import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every failover the drill asked for (an AppMirrorRelationship given {@code desiredState: Promoted}), with the
 * destination namespaces as they were just before: what the namespace merge rule is checked against.
 */
public final class Promotions {
    /** One request: where, when, and the destination namespaces' metadata before it. */
    public record Request(String cluster, String namespace, String name, Instant time,
                          Map<String, NamespaceMetadata> destinationsBefore) {
        public String key() {
            return cluster + "/" + namespace + "/" + name;
        }
    }

    private final List<Request> requests = new ArrayList<>();
    private final List<Consumer<Request>> listeners = new ArrayList<>();

    void add(Request r) {
        requests.add(r);
        listeners.forEach(l -> l.accept(r));
    }

    void onRequest(Consumer<Request> listener) {
        listeners.add(listener);
    }

    public List<Request> all() {
        return List.copyOf(requests);
    }

    public Optional<Request> first() {
        return requests.stream().findFirst();
    }

    /** The latest request for an AMR. */
    public Optional<Request> latest(String cluster, String namespace, String name) {
        Request found = null;
        for (Request r : requests) {
            if (r.cluster().equals(cluster) && r.namespace().equals(namespace) && r.name().equals(name)) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }
}
