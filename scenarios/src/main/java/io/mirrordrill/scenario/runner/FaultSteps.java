package io.mirrordrill.scenario.runner;

import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.sim.Fault;
import io.mirrordrill.sim.World;

import java.util.List;

/** A fault injected now or later; when it strikes it is marked on the timeline, and a disaster starts the clock. */
final class FaultSteps {
    private final Estate estate;
    private final List<TraceWatch.Mark> marks;
    private final Measures measures;

    FaultSteps(Estate estate, List<TraceWatch.Mark> marks, Measures measures) {
        this.estate = estate;
        this.marks = marks;
        this.measures = measures;
    }

    void fault(Step.Fault f) {
        Fault fault = Faults.of(f.fault(), estate);
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
}
