package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.scenario.drill.At;
import io.mirrordrill.scenario.drill.FaultSpec;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.drill.WorkloadSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One generated operation: the drill steps that belong together, which the shrinker keeps or drops as one. */
public sealed interface Op {
    /** Where generated steps are written: a drill file gives them their real place when it is read. */
    At GENERATED = new At("drill fuzz", 0, "steps");

    /** What it does, as the drill file's comment above its steps says. */
    String kind();

    List<Step> steps();

    /** The seed's set-up: AppVaults, the application, its writer, replication. */
    record SetUp(WorkloadSpec app) implements Op {
        public String kind() {
            return "set up replication";
        }

        public List<Step> steps() {
            return List.of(run("install-vaults"), run("deploy-app"), new Step.WorkloadStart(GENERATED, app),
                    run("set-up-replication"));
        }
    }

    /** Simulated time passing; {@code why} names it ({@code advance}, {@code settle}, ...). */
    record Pass(String why, Duration duration) implements Op {
        public String kind() {
            return why;
        }

        public List<Step> steps() {
            return List.of(new Step.Advance(GENERATED, duration));
        }
    }

    /** A burst of large writes for a while, making the next transfer long on a slow WAN. */
    record Bulk(WorkloadSpec writes, Duration length) implements Op {
        public String kind() {
            return "bulk writes";
        }

        public List<Step> steps() {
            return List.of(new Step.WorkloadStart(GENERATED, writes), new Step.Advance(GENERATED, length),
                    new Step.WorkloadStop(GENERATED, writes.name()));
        }
    }

    /** A fault, now or {@code after} a delay. */
    record Inject(FaultKind fault, FaultSpec spec, Duration after) implements Op {
        public String kind() {
            return fault.id();
        }

        public List<Step> steps() {
            return List.of(new Step.Fault(GENERATED, spec, after, false));
        }
    }

    /** What undoes an injected fault. */
    record Heal(FaultKind fault, FaultSpec spec) implements Op {
        public String kind() {
            return "heal " + fault.id();
        }

        public List<Step> steps() {
            return List.of(new Step.Fault(GENERATED, spec, Duration.ZERO, false));
        }
    }

    /**
     * A workflow, numbered so the names it gives its objects are unique; {@code writer}, when not null, is where the
     * application writes afterwards.
     */
    record Run(Workflow workflow, int number, WorkloadSpec writer) implements Op {
        public String kind() {
            return workflow.label();
        }

        public List<Step> steps() {
            List<Step> steps = new ArrayList<>(List.of(new Step.SetVars(GENERATED, Map.of("OP",
                    String.valueOf(number))), run(workflow.procedure())));
            if (writer != null) {
                steps.add(new Step.WorkloadStart(GENERATED, writer));
            }
            return steps;
        }
    }

    private static Step run(String procedure) {
        return new Step.Run(GENERATED, procedure);
    }
}
