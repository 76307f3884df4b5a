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

    /**
     * The seed's set-up for an application of {@code shape}: AppVaults, the namespaces' own metadata, the application
     * (and its exec hooks), its writer, replication; {@code wrongVaultFirst}: the relationship is first applied naming
     * a destination AppVault that does not exist, fails, and is corrected.
     */
    record SetUp(AppShape shape, WorkloadSpec app, boolean wrongVaultFirst) implements Op {
        public String kind() {
            return wrongVaultFirst ? "set up replication after a wrong vault" : "set up replication";
        }

        public List<Step> steps() {
            List<Step> steps = new ArrayList<>();
            steps.add(new Step.SetVars(GENERATED, shape.vars()));
            steps.add(run("install-vaults"));
            steps.addAll(shape.namespaceMetadata());
            steps.add(run(shape.twoClaims() ? "fuzz-deploy-app-two-claims" : "deploy-app"));
            if (shape.hooks()) {
                steps.add(run("fuzz-install-hooks"));
            }
            steps.add(new Step.WorkloadStart(GENERATED, app));
            steps.add(run(wrongVaultFirst ? "fuzz-set-up-after-a-wrong-vault" : "fuzz-set-up-replication"));
            return steps;
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
     * application writes afterwards. A reverse resync reads the uid of the Application on west in the shape's
     * namespace; a failover of an application with a post-failover hook waits for the hook to complete.
     */
    record Run(Workflow workflow, int number, WorkloadSpec writer, AppShape shape) implements Op {
        public String kind() {
            return workflow.label();
        }

        public List<Step> steps() {
            List<Step> steps = new ArrayList<>(List.of(new Step.SetVars(GENERATED, Map.of("OP",
                    String.valueOf(number))), run(workflow.procedure())));
            if (workflow == Workflow.REVERSE_DIRECTION || workflow == Workflow.REVERSE_RESYNC) {
                steps.add(workflow == Workflow.REVERSE_DIRECTION ? steps.size() : steps.size() - 1,
                        new Step.SetVars(GENERATED, Map.of("WEST_APP_UID", "${uid:k8s-west/Application/"
                                + shape.destinationNamespace() + "/my-app-name}")));
                if (workflow == Workflow.REVERSE_DIRECTION) {
                    steps.add(run(Workflow.REVERSE_RESYNC.procedure()));
                }
            }
            if (shape.hooks() && workflow.failsOver()) {
                steps.add(run("fuzz-await-failover-hooks"));
            }
            if (writer != null) {
                steps.add(new Step.WorkloadStart(GENERATED, writer));
            }
            return steps;
        }
    }

    /** A storage administrator's operation ({@link StorageOp}): its ONTAP and tridentctl steps and what they need. */
    record Storage(StorageOp op, List<Step> steps) implements Op {
        public Storage {
            steps = List.copyOf(steps);
        }

        public String kind() {
            return op.label();
        }
    }

    private static Step run(String procedure) {
        return new Step.Run(GENERATED, procedure);
    }
}
