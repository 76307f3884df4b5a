package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.workload.Writer;

/** Starting (or moving) and stopping the drill's application writers. */
final class WorkloadSteps {
    private final Estate estate;
    private final Workloads workloads;
    /** Watches every writer: RPO and RTO are measured from its writes. */
    private final Writer.Observer observer;

    WorkloadSteps(Estate estate, Workloads workloads, Writer.Observer observer) {
        this.estate = estate;
        this.workloads = workloads;
        this.observer = observer;
    }

    void start(Step.WorkloadStart w) {
        var cluster = estate.reachableCluster(w.workload().cluster());
        workloads.writer(w.workload().name(), observer).start(w.workload(), cluster);
    }

    void stop(Step.WorkloadStop w) {
        workloads.get(w.name()).ifPresent(Writer::stop);
    }
}
