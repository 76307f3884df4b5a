package io.mirrordrill.scenario.fuzz;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.scenario.drill.Ref;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.sim.RandomStream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application and namespaces of one generated drill, drawn from its seed: the destination namespace (the
 * source's name or mapped to another), one claim or two (the second on a class of its own, mapped to a class of the
 * destination or not), the labels and annotations each side's namespace has of its own, the skip lists of each
 * cluster's protect controller (as the Trident protect documentation gives them: the Helm values
 * {@code restoreSkipNamespaceLabels} and {@code restoreSkipNamespaceAnnotations}, or the controller's environment
 * {@code RESTORE_SKIP_NAMESPACE_ANNOTATIONS} and, our reading, {@code RESTORE_SKIP_NAMESPACE_LABELS}), and whether the
 * application brings a post-failover exec hook. So the namespace merge, mapping and hooks are exercised by fuzzing.
 */
public record AppShape(String destinationNamespace, boolean twoClaims, boolean classMapping,
                       Map<String, String> sourceLabels, Map<String, String> sourceAnnotations,
                       Map<String, String> destinationLabels, Map<String, String> destinationAnnotations,
                       List<String> skipLabels, List<String> skipAnnotations, boolean skipByHelm, boolean hooks) {
    public static final String SOURCE_NAMESPACE = "my-app-namespace";
    /** Where a mapped application goes on the destination. */
    static final String MAPPED_NAMESPACE = "my-app-dr";

    /** Keys both sides draw from, so they overlap, conflict and meet the skip lists; {@code name} has a rule. */
    private static final List<String> LABELS = List.of("environment", "compliance", "role", "name");
    private static final List<String> LABEL_VALUES = List.of("production", "staging", "hipaa", "database");
    private static final List<String> ANNOTATIONS = List.of("annotation.one/key", "annotation.two/key",
            "annotation.three/key");
    private static final List<String> ANNOTATION_VALUES = List.of("true", "false", "updatedvalue");

    public AppShape {
        sourceLabels = sorted(sourceLabels);
        sourceAnnotations = sorted(sourceAnnotations);
        destinationLabels = sorted(destinationLabels);
        destinationAnnotations = sorted(destinationAnnotations);
        skipLabels = List.copyOf(skipLabels);
        skipAnnotations = List.copyOf(skipAnnotations);
    }

    /** The seed's application as the built-in drills have it: one claim, same namespace, nothing of its own. */
    public static final AppShape SEED = new AppShape(SOURCE_NAMESPACE, false, false, Map.of(), Map.of(), Map.of(),
            Map.of(), List.of(), List.of(), false, false);

    /** {@code byHelm}: where the skip lists are set, from a stream of its own (draws added later go last). */
    static AppShape draw(RandomStream random, RandomStream byHelm) {
        String destination = random.chance(0.5) ? SOURCE_NAMESPACE : MAPPED_NAMESPACE;
        boolean two = random.chance(0.5);
        boolean mapping = two && random.chance(0.6);
        Map<String, String> srcLabels = metadata(random, LABELS, LABEL_VALUES, SOURCE_NAMESPACE);
        Map<String, String> srcAnnotations = metadata(random, ANNOTATIONS, ANNOTATION_VALUES, SOURCE_NAMESPACE);
        Map<String, String> dstLabels = metadata(random, LABELS, LABEL_VALUES, destination);
        Map<String, String> dstAnnotations = metadata(random, ANNOTATIONS, ANNOTATION_VALUES, destination);
        boolean skip = random.chance(0.5);
        List<String> skipLabels = skip ? subset(random, LABELS) : List.of();
        List<String> skipAnnotations = skip ? subset(random, ANNOTATIONS) : List.of();
        return new AppShape(destination, two, mapping, srcLabels, srcAnnotations, dstLabels, dstAnnotations,
                skipLabels, skipAnnotations, byHelm.chance(0.5), random.chance(0.5));
    }

    /** Each key in or out (about half), with a value from the pool; {@code name} is the namespace's own name. */
    private static Map<String, String> metadata(RandomStream random, List<String> keys, List<String> values,
                                                String namespace) {
        Map<String, String> m = new TreeMap<>();
        for (String key : keys) {
            if (random.chance(0.45)) {
                m.put(key, key.equals("name") ? namespace : random.pick(values));
            }
        }
        return m;
    }

    private static List<String> subset(RandomStream random, List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            if (random.chance(0.4)) {
                out.add(key);
            }
        }
        return out;
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }

    public boolean mapped() {
        return !destinationNamespace.equals(SOURCE_NAMESPACE);
    }

    /** Whether either namespace has labels or annotations of its own: a promotion merges them. */
    public boolean ownMetadata() {
        return !(sourceLabels.isEmpty() && sourceAnnotations.isEmpty() && destinationLabels.isEmpty()
                && destinationAnnotations.isEmpty());
    }

    public boolean skipLists() {
        return !skipLabels.isEmpty() || !skipAnnotations.isEmpty();
    }

    /** The namespace the application lives in on a cluster. */
    public String namespace(String cluster) {
        return cluster.equals("k8s-west") ? destinationNamespace : SOURCE_NAMESPACE;
    }

    /** Where the writer writes: each claim's mount. */
    public List<String> mounts() {
        return twoClaims ? List.of("/data", "/logs") : List.of("/data");
    }

    /** The variables the {@code fuzz/} procedures and files read. */
    Map<String, String> vars() {
        Map<String, String> v = new TreeMap<>();
        v.put("DST_NS", destinationNamespace);
        v.put("CLASS_MAPPING", classMapping ? "[{source: sc-gold, destination: sc-west-gold}]" : "[]");
        v.put("REVERSE_CLASS_MAPPING", classMapping ? "[{source: sc-west-gold, destination: sc-gold}]" : "[]");
        return v;
    }

    /** The namespaces' own labels and annotations, as a person sets them before replication. */
    List<Step> namespaceMetadata() {
        List<Step> steps = new ArrayList<>();
        label(steps, "k8s-east", SOURCE_NAMESPACE, sourceLabels, sourceAnnotations);
        label(steps, "k8s-west", destinationNamespace, destinationLabels, destinationAnnotations);
        return steps;
    }

    private static void label(List<Step> steps, String cluster, String namespace, Map<String, String> labels,
                              Map<String, String> annotations) {
        if (labels.isEmpty() && annotations.isEmpty()) {
            return;
        }
        ObjectNode merge = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = merge.putObject("metadata");
        if (!labels.isEmpty()) {
            labels.forEach(metadata.putObject("labels")::put);
        }
        if (!annotations.isEmpty()) {
            annotations.forEach(metadata.putObject("annotations")::put);
        }
        steps.add(new Step.Patch(Op.GENERATED, new Ref(cluster, "v1", "Namespace", null, namespace), merge));
    }

    /**
     * The skip lists of each cluster's controller as a world's cluster entry gives them: {@code environment:} or
     * {@code helmValues:} and a flow map; empty without.
     */
    String skipListsSetting() {
        List<String> e = new ArrayList<>();
        if (!skipLabels.isEmpty()) {
            e.add((skipByHelm ? "restoreSkipNamespaceLabels" : "RESTORE_SKIP_NAMESPACE_LABELS") + ": \""
                    + String.join(",", skipLabels) + "\"");
        }
        if (!skipAnnotations.isEmpty()) {
            e.add((skipByHelm ? "restoreSkipNamespaceAnnotations" : "RESTORE_SKIP_NAMESPACE_ANNOTATIONS") + ": \""
                    + String.join(",", skipAnnotations) + "\"");
        }
        return e.isEmpty() ? "" : (skipByHelm ? "helmValues" : "environment") + ": {" + String.join(", ", e) + "}";
    }

    /** The mix's header lines. */
    List<String> describe() {
        return List.of("application: " + (twoClaims ? "two claims (data, logs on sc-gold" + (classMapping
                ? " mapped to sc-west-gold)" : ")") : "one claim") + ", on west in " + destinationNamespace
                + (hooks ? ", a post-failover exec hook" : ""),
                "namespaces: east labels " + sourceLabels + " annotations " + sourceAnnotations + "; west labels "
                        + destinationLabels + " annotations " + destinationAnnotations + "; skip lists labels "
                        + skipLabels + " annotations " + skipAnnotations + (skipLists() ? (skipByHelm
                        ? " (Helm values)" : " (environment)") : ""));
    }
}
