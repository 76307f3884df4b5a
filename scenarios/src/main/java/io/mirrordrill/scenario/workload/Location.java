package io.mirrordrill.scenario.workload;

/** Where an application instance runs: a Deployment in a namespace of a cluster. */
public record Location(String cluster, String namespace, String deployment) {
    public String describe() {
        return cluster + ":" + namespace + "/" + deployment;
    }
}
