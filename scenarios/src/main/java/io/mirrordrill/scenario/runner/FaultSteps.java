package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.FaultSpec;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.workload.Writer;
import io.mirrordrill.sim.Fault;
import io.mirrordrill.sim.World;

import java.util.List;

/** A fault injected now or later; when it strikes it is marked on the timeline, and a disaster starts the clock. */
final class FaultSteps {
    private final Estate estate;
    private final List<TraceWatch.Mark> marks;
    private final Measures measures;
    private final Workloads workloads;

    FaultSteps(Estate estate, List<TraceWatch.Mark> marks, Measures measures, Workloads workloads) {
        this.estate = estate;
        this.marks = marks;
        this.measures = measures;
        this.workloads = workloads;
    }

    void fault(Step.Fault f) {
        Fault fault = f.fault() instanceof FaultSpec.Corrupt c ? corruption(c) : Faults.of(f.fault(), estate);
        Fault marked = new Fault() {
            public String describe() {
                return fault.describe();
            }

            public void apply(World world) {
                fault.apply(world);
                marks.add(new TraceWatch.Mark(world.now(), f.fault().describe()));
                if (f.disaster()) {
                    measures.start(world.now(), world.trace().size(), "disaster: " + f.fault().describe());
                }
            }
        };
        if (f.after().isZero()) {
            marked.apply(estate.world());
        } else {
            estate.world().inject(f.after(), marked);
        }
    }

    /** The application's own files corrupted through its pod (the storage is fine: a snapshot still holds them). */
    private Fault corruption(FaultSpec.Corrupt c) {
        return new Fault() {
            public String describe() {
                return c.describe();
            }

            public void apply(World world) {
                world.record("fault", c.describe());
                workloads.get(c.workload()).ifPresent(Writer::corrupt);
            }
        };
    }
}
