package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.scenario.drill.StepWriter;
import io.mirrordrill.sim.RandomStream;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mix of one generated drill, drawn from its seed (swarm testing, as TigerBeetle's VOPR does it): how often each
 * kind of operation, fault and workflow comes, how often a fault strikes late, and the workloads' rates and
 * durations. A weight of 0 leaves a feature out of the drill, so each seed explores a corner of its own; the mix is
 * printed in the header of the drill file, so a failure says what produced it.
 */
public record FuzzOptions(Map<Operation, Integer> operations, int slowWanFailoverPercent,
                          Map<FaultKind, Integer> faults, int delayedFaultPercent, Duration degradeLatency,
                          long degradeBandwidth, int failoverPercent, Map<Workflow, Integer> afterFailover,
                          int appRate, int bulkRate, Duration longestBulk, Duration longestAdvance) {
    /** What the generator does next, unless a slow-WAN failover comes first. */
    public enum Operation {
        ADVANCE("advance"), BULK("bulk writes"), FAULT("fault"), WORKFLOW("workflow");

        private final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    /** Large records of the bulk writer: a few make a SnapMirror update long on a degraded WAN. */
    public static final int BULK_RECORD_SIZE = 256 * 1024;

    public FuzzOptions {
        operations = Collections.unmodifiableMap(new EnumMap<>(operations));
        faults = Collections.unmodifiableMap(new EnumMap<>(faults));
        afterFailover = Collections.unmodifiableMap(new EnumMap<>(afterFailover));
    }

    /** The mix of one seed (from its own stream, so the mix and the drill's draws do not disturb each other). */
    static FuzzOptions draw(RandomStream random) {
        Map<FaultKind, Integer> faults = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            faults.put(k, random.chance(0.8) ? 1 + random.nextInt(3) : 0);
        }
        boolean anyFault = faults.values().stream().anyMatch(w -> w > 0);
        Map<Operation, Integer> operations = new EnumMap<>(Operation.class);
        operations.put(Operation.ADVANCE, 1 + random.nextInt(3));
        operations.put(Operation.BULK, random.nextInt(3));
        int fault = random.nextInt(5);
        operations.put(Operation.FAULT, anyFault ? fault : 0);
        operations.put(Operation.WORKFLOW, 1 + random.nextInt(6));
        int slowWan = random.nextInt(17);
        int delayed = random.nextInt(61);
        Duration latency = Duration.ofMillis(20 + random.nextInt(61));
        long bandwidth = random.pick(List.of(50_000L, 100_000L, 200_000L));
        int failover = 30 + random.nextInt(61);
        Map<Workflow, Integer> after = new EnumMap<>(Workflow.class);
        after.put(Workflow.RESYNC, 1 + random.nextInt(4));
        after.put(Workflow.REVERSE_RESYNC, 1 + random.nextInt(4));
        after.put(Workflow.DELETE, random.nextInt(3));
        // the slow-WAN failover starts with a degrade: left out with it
        return new FuzzOptions(operations, faults.get(FaultKind.DEGRADE) > 0 ? slowWan : 0, faults, delayed,
                latency, bandwidth, failover, after, 1 + random.nextInt(5), 1 + random.nextInt(3),
                Duration.ofMinutes(1 + random.nextInt(3)), Duration.ofMinutes(5 + random.nextInt(16)));
    }

    Operation operation(RandomStream random) {
        return pick(operations, random);
    }

    FaultKind fault(RandomStream random) {
        return pick(faults, random);
    }

    Workflow afterFailover(RandomStream random) {
        return pick(afterFailover, random);
    }

    /** A weighted draw, in the keys' (enum) order. */
    private static <K> K pick(Map<K, Integer> weights, RandomStream random) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int n = random.nextInt(total);
        for (Map.Entry<K, Integer> e : weights.entrySet()) {
            n -= e.getValue();
            if (n < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no weight left in " + weights);
    }

    /** The mix as the lines of a drill file's header. */
    public List<String> describe() {
        return List.of(
                "operations: " + shares(operations, o -> o.label) + "; a slow-WAN failover " + slowWanFailoverPercent
                        + "% of operations while replication runs without faults",
                "faults (when one is drawn): " + (faults.values().stream().allMatch(w -> w == 0) ? "none"
                        : shares(faults, FaultKind::id)) + "; " + delayedFaultPercent + "% strike 10s..2m later;"
                        + " degrade to " + StepWriter.duration(degradeLatency) + ", "
                        + StepWriter.bandwidth(degradeBandwidth),
                "workflows: failover " + failoverPercent + "% (else reverse direction) when Established; after a"
                        + " failover " + shares(afterFailover, Workflow::label),
                "workloads: app " + appRate + "/s; bulk writes " + bulkRate + "/s of "
                        + StepWriter.size(BULK_RECORD_SIZE) + " for up to " + StepWriter.duration(longestBulk)
                        + "; advance up to " + StepWriter.duration(longestAdvance));
    }

    private static <K> String shares(Map<K, Integer> weights, Function<K, String> name) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        return weights.entrySet().stream().map(e -> name.apply(e.getKey()) + " "
                + (total == 0 ? 0 : Math.round(100.0 * e.getValue() / total)) + "%").collect(Collectors.joining(", "));
    }
}
