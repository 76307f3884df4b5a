package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.scenario.world.SimCluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Follows every AppMirrorRelationship of every cluster through watches: the states each went through and when, for
 * the timeline and for the invariants that depend on history (a resync is an Established after a Promoted).
 */
final class AmrWatch {
    /** One state an AMR was seen in. */
    record Seen(Instant time, String state) {}

    /** A snapshot the relationship reports replicated ({@code status.lastTransferredSnapshot}), first seen at {@code time}. */
    record Replicated(Instant time, String snapshot, long bytes) {}

    /** What is known of one AMR (by cluster/namespace/name/uid: a re-created AMR is another one). */
    static final class History {
        final String cluster;
        final String namespace;
        final String name;
        final String uid;
        final List<Seen> states = new ArrayList<>();
        final List<Replicated> replicated = new ArrayList<>();
        String recurrenceRule = "";
        boolean deleted;

        History(String cluster, String namespace, String name, String uid) {
            this.cluster = cluster;
            this.namespace = namespace;
            this.name = name;
            this.uid = uid;
        }

        String key() {
            return cluster + "/" + namespace + "/" + name + "/" + uid;
        }

        String current() {
            return states.isEmpty() ? "" : states.get(states.size() - 1).state();
        }

        boolean wasEver(String state) {
            return states.stream().anyMatch(s -> s.state().equals(state));
        }
    }

    private final Estate estate;
    private final Map<String, History> histories = new LinkedHashMap<>();
    private final List<Consumer<History>> listeners = new ArrayList<>();

    AmrWatch(Estate estate) {
        this.estate = estate;
        for (SimCluster c : estate.clusters()) {
            c.api().watch(ProtectApi.API_VERSION, "AppMirrorRelationship", null, LabelSelector.everything(), null,
                    e -> event(c.name(), e));
        }
    }

    void onChange(Consumer<History> listener) {
        listeners.add(listener);
    }

    private void event(String cluster, WatchEvent e) {
        JsonNode amr = Resources.toTree(e.object());
        String ns = amr.path("metadata").path("namespace").asText();
        String name = amr.path("metadata").path("name").asText();
        String uid = amr.path("metadata").path("uid").asText();
        History h = histories.computeIfAbsent(cluster + "/" + ns + "/" + name + "/" + uid,
                k -> new History(cluster, ns, name, uid));
        if (e.type() == WatchEvent.Type.DELETED) {
            h.deleted = true;
            record(h, "Deleted");
            return;
        }
        h.recurrenceRule = amr.path("spec").path("recurrenceRule").asText(h.recurrenceRule);
        String last = amr.path("status").path("lastTransferredSnapshot").asText("");
        if (!last.isEmpty() && (h.replicated.isEmpty()
                || !h.replicated.get(h.replicated.size() - 1).snapshot().equals(last))) {
            h.replicated.add(new Replicated(estate.world().now(), last,
                    amr.path("status").path("lastTransfer").path("transferSizeBytes").asLong(0)));
        }
        String state = amr.path("status").path("state").asText("");
        if (!state.isEmpty() && !state.equals(h.current())) {
            record(h, state);
        }
    }

    private void record(History h, String state) {
        h.states.add(new Seen(estate.world().now(), state));
        estate.world().record("drill", "amr " + h.cluster + "/" + h.namespace + "/" + h.name + " " + state);
        listeners.forEach(l -> l.accept(h));
    }

    List<History> histories() {
        return List.copyOf(histories.values());
    }

    /** The relationships that exist and whose latest observed state is {@code state}. */
    List<History> in(String state) {
        return histories.values().stream().filter(h -> !h.deleted && h.current().equals(state)).toList();
    }
}
