package io.mirrordrill.scenario.drill;

/** A Kubernetes object a step or expectation names; {@code namespace} is null for cluster-scoped kinds. */
public record Ref(String cluster, String apiVersion, String kind, String namespace, String name) {
    public String describe() {
        return cluster + ":" + kind + "/" + (namespace == null ? "" : namespace + "/") + name;
    }
}
