package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.engine.archive.Archive;
import io.mirrordrill.engine.restore.NamespaceMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * After a failover, each destination namespace's labels and annotations follow Trident protect's rule, computed
 * here on its own from the namespace before the failover and the source namespace in the promoted archive: keys
 * only on the source are added, keys on both take the source value, keys only on the destination stay, keys in the
 * controller's skip lists stay as they were, and a {@code name} label equal to the source namespace's name becomes
 * the destination's name.
 */
final class NamespaceMergeRule implements Invariant {
    private static final Set<String> NAME_LABELS = Set.of("name", "kubernetes.io/metadata.name");

    @Override
    public String id() {
        return "namespace-merge-rule";
    }

    @Override
    public List<Violation> check(Checkpoint at) {
        List<Violation> out = new ArrayList<>();
        for (AmrWatch.History h : at.amrs.in("Promoted")) {
            String key = id() + "/" + h.key() + "/" + h.states.size();
            Optional<Promotions.Request> request = at.promotions.latest(h.cluster, h.namespace, h.name);
            if (at.done.contains(key) || request.isEmpty()) {
                continue;
            }
            Optional<JsonNode> amr = at.amr(h);
            Optional<Archive> archive = amr.flatMap(a -> at.archive(h, a, FailoverKeepsWrites.promotedBasename(a)));
            if (archive.isEmpty()) {
                continue;
            }
            EngineSettings settings = at.estate.settings(h.cluster);
            for (NamespaceMetadata source : archive.get().content().namespaces()) {
                String dst = Mapping.destination(amr.get(), source.name());
                NamespaceMetadata before = request.get().destinationsBefore().getOrDefault(dst,
                        NamespaceMetadata.empty(dst));
                at.object(h.cluster, "v1", "Namespace", null, dst).map(NamespaceMetadata::fromNamespace)
                        .ifPresent(now -> compare(out, source, before, now, settings));
            }
            at.done.add(key);
        }
        return out;
    }

    private void compare(List<Violation> out, NamespaceMetadata source, NamespaceMetadata before,
                         NamespaceMetadata now, EngineSettings settings) {
        Map<String, String> labels = merge(source.labels(), before.labels(),
                settings.skipLabels().keys(), source.name(), before.name(), true);
        Map<String, String> annotations = merge(source.annotations(), before.annotations(),
                settings.skipAnnotations().keys(), source.name(), before.name(), false);
        if (!labels.equals(now.labels()) || !annotations.equals(now.annotations())) {
            out.add(new Violation(id(), "namespace " + now.name() + " does not follow the merge rule",
                    "expected labels " + labels + " annotations " + annotations + "; found labels " + now.labels()
                            + " annotations " + now.annotations() + " (source " + source.name() + " labels "
                            + source.labels() + " annotations " + source.annotations() + ")"));
        }
    }

    static Map<String, String> merge(Map<String, String> source, Map<String, String> destination, Set<String> skip,
                                     String sourceName, String destinationName, boolean labels) {
        Map<String, String> result = new TreeMap<>(destination);
        for (Map.Entry<String, String> e : source.entrySet()) {
            if (skip.contains(e.getKey())) {
                continue;
            }
            boolean rename = labels && NAME_LABELS.contains(e.getKey()) && e.getValue().equals(sourceName);
            result.put(e.getKey(), rename ? destinationName : e.getValue());
        }
        return result;
    }
}
