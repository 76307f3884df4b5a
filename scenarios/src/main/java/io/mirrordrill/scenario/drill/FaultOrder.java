package io.mirrordrill.scenario.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The step-order check of faults: the drill's steps in the order they run (procedures expanded where they are run),
 * and a fault that undoes something (siteUp, heal, bucketRestore, engineRestart) only after what it undoes. A
 * {@code siteUp} of a site that is up is a drill that does not rehearse what its author thinks.
 */
final class FaultOrder {
    private final Drill drill;
    private final Set<String> down = new TreeSet<>();
    private final Set<String> partitioned = new TreeSet<>();
    private final Set<String> outages = new TreeSet<>();
    private final Set<String> crashed = new TreeSet<>();
    private final List<Problem> problems = new ArrayList<>();

    FaultOrder(Drill drill) {
        this.drill = drill;
    }

    List<Problem> check() {
        walk(drill.steps(), new ArrayList<>());
        return problems;
    }

    private void walk(List<Step> steps, List<String> running) {
        for (Step s : steps) {
            if (s instanceof Step.Run r && drill.procedures().containsKey(r.procedure())
                    && !running.contains(r.procedure())) { // a recursive run is reported elsewhere
                running.add(r.procedure());
                walk(drill.procedures().get(r.procedure()), running);
                running.remove(running.size() - 1);
            } else if (s instanceof Step.Fault f) {
                fault(f);
            }
        }
    }

    private void fault(Step.Fault step) {
        FaultSpec f = step.fault();
        if (f instanceof FaultSpec.SiteDown d) {
            down.add(d.site());
        } else if (f instanceof FaultSpec.SiteUp u && !down.remove(u.site())) {
            add(step, "siteUp " + u.site() + ", but site " + u.site() + " is not down at this step (no siteDown "
                    + u.site() + " runs before it)", "take the site down first (fault: {siteDown: " + u.site()
                    + "}) or remove this step");
        } else if (f instanceof FaultSpec.Partition p) {
            partitioned.add(pair(p.a(), p.b()));
        } else if (f instanceof FaultSpec.Heal h && !partitioned.remove(pair(h.a(), h.b()))) {
            add(step, "heal " + h.a() + "-" + h.b() + ", but that link is not partitioned at this step (no partition"
                    + " of it runs before it)", "partition it first (fault: {partition: [" + h.a() + ", " + h.b()
                    + "]}) or remove this step");
        } else if (f instanceof FaultSpec.BucketOutage o) {
            outages.add(o.host() + "/" + o.bucket());
        } else if (f instanceof FaultSpec.BucketRestore r && !outages.remove(r.host() + "/" + r.bucket())) {
            add(step, "bucketRestore " + r.host() + "/" + r.bucket() + ", but that bucket has no outage at this step",
                    "cause the outage first (fault: {bucketOutage: " + r.host() + "/" + r.bucket()
                            + "}) or remove this step");
        } else if (f instanceof FaultSpec.EngineCrash c) {
            crashed.add(c.cluster());
        } else if (f instanceof FaultSpec.EngineRestart r && !crashed.remove(r.cluster())) {
            add(step, "engineRestart " + r.cluster() + ", but the engine of " + r.cluster() + " has not crashed at"
                    + " this step", "crash it first (fault: {engineCrash: " + r.cluster() + "}) or remove this step");
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private void add(Step.Fault step, String reason, String fix) {
        problems.add(new Problem(step.at().source(), step.at().line(), step.at().path() + ".fault", reason, fix));
    }
}
