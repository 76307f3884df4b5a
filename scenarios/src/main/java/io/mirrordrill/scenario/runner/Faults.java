package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.s3.S3Faults;
import io.mirrordrill.scenario.drill.FaultSpec;
import io.mirrordrill.sim.Fault;
import io.mirrordrill.sim.World;

/** A drill's {@link FaultSpec} as a fault of the simulated world. */
final class Faults {
    private Faults() {
    }

    static Fault of(FaultSpec spec, Estate estate) {
        if (spec instanceof FaultSpec.SiteDown d) {
            return new Fault.SiteDown(d.site());
        } else if (spec instanceof FaultSpec.SiteUp u) {
            return new Fault.SiteUp(u.site());
        } else if (spec instanceof FaultSpec.Partition p) {
            return new Fault.Partition(p.a(), p.b());
        } else if (spec instanceof FaultSpec.Heal h) {
            return new Fault.Heal(h.a(), h.b());
        } else if (spec instanceof FaultSpec.Degrade g) {
            return new Fault.Degrade(g.a(), g.b(), g.latency(), g.bandwidth());
        } else if (spec instanceof FaultSpec.BucketOutage o) {
            return new S3Faults.BucketOutage(estate.store(o.host()), o.bucket());
        } else if (spec instanceof FaultSpec.BucketRestore r) {
            return new S3Faults.BucketRestored(estate.store(r.host()), r.bucket());
        } else if (spec instanceof FaultSpec.EngineCrash c) {
            return new EngineFault(spec.describe(), c.afterCalls() == 0
                    ? () -> estate.cluster(c.cluster()).crashEngine()
                    : () -> estate.cluster(c.cluster()).crashEngineAfter(c.afterCalls()));
        }
        FaultSpec.EngineRestart r = (FaultSpec.EngineRestart) spec;
        return new EngineFault(spec.describe(), () -> estate.restartEngine(r.cluster()));
    }

    /** A crash or restart of a cluster's protect controller manager. */
    private record EngineFault(String description, Runnable action) implements Fault {
        public String describe() {
            return description;
        }

        public void apply(World world) {
            world.record("fault", description);
            action.run();
        }
    }
}
