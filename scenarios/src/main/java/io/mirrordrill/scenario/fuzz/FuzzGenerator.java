package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.sim.RandomStream;
import io.mirrordrill.sim.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates a drill from a seed: a world (the seed's estate with a random WAN), the set-up of replication, then a
 * sequence of operations and faults that respects each one's preconditions. A workflow runs only from the state it
 * starts from (failover from Established, resync or reverse resync from Promoted, the direction back from the
 * reverse direction); a failover may run under any source-side fault, the other workflows run after every fault is
 * healed; the controller that owns the relationship is restarted before a workflow needs it.
 */
public final class FuzzGenerator {
    enum State { ESTABLISHED, PROMOTED, REVERSED, INDEPENDENT }

    private final RandomStream random;
    private final long seed;
    private final List<Op> ops = new ArrayList<>();
    private final Set<String> faults = new TreeSet<>();
    /** Faults injected with a delay: healed only after they have struck. */
    private final Set<String> delayed = new TreeSet<>();
    private final String rate;
    private State state = State.ESTABLISHED;
    private int opNumber;

    private FuzzGenerator(long seed) {
        this.seed = seed;
        this.random = new Seeds(seed).stream("fuzz");
        this.rate = (1 + random.nextInt(5)) + "/s";
    }

    public static FuzzCase generate(long seed) {
        return new FuzzGenerator(seed).build();
    }

    private FuzzCase build() {
        String latency = (1 + random.nextInt(50)) + "ms";
        String bandwidth = random.pick(List.of("10MB/s", "100MB/s", "1GB/s"));
        ops.add(Op.of("set up replication", "run: install-vaults", "run: deploy-app",
                "workload: {start: app, cluster: k8s-east, namespace: my-app-namespace, deployment: db, mount: /data,"
                        + " rate: " + rate + "}", "run: set-up-replication"));
        int count = 4 + random.nextInt(9);
        for (int i = 0; i < count && state != State.INDEPENDENT; i++) {
            next();
        }
        ops.add(advance());
        return new FuzzCase(seed, latency, bandwidth, ops);
    }

    private void next() {
        int pick = random.nextInt(100);
        if (pick < 8 && state == State.ESTABLISHED && !faults.contains("degrade") && faults.isEmpty()) {
            slowWanFailover();
        } else if (pick < 25) {
            ops.add(advance());
        } else if (pick < 35 && !faults.contains("siteDown@" + serving())) {
            bulk();
        } else if (pick < 60) {
            fault();
        } else {
            workflow();
        }
    }

    private Op advance() {
        return Op.of("advance", "advance: " + (1 + random.nextInt(15)) + "m");
    }

    /**
     * A known-hard interleaving, as separate operations the shrinker may drop: a slow WAN, a burst of large writes,
     * time for a scheduled snapshot to start its long transfer, then a failover.
     */
    private void slowWanFailover() {
        faults.add("degrade");
        faults.add("degrade@");
        ops.add(Op.of("degrade", "fault: {degrade: [east, west], latency: 40ms, bandwidth: 100KB/s}"));
        bulk();
        ops.add(Op.of("advance", "advance: " + (5 + random.nextInt(10)) + "m"));
        workflow();
    }

    /** A burst of large writes on the side that serves, making the next transfer long on a slow WAN. */
    private void bulk() {
        String cluster = "k8s-" + serving();
        ops.add(Op.of("bulk writes", "workload: {start: bulk, cluster: " + cluster + ", namespace: my-app-namespace,"
                        + " deployment: db, mount: /data, file: bulk.bin, rate: 2/s, recordSize: 256KiB}",
                "advance: " + (1 + random.nextInt(3)) + "m", "workload: {stop: bulk}"));
    }

    /** The site whose application takes the writes now. */
    private String serving() {
        return state == State.REVERSED || state == State.PROMOTED || state == State.INDEPENDENT ? "west" : "east";
    }

    private String source() {
        return state == State.REVERSED ? "west" : "east";
    }

    private String owner() {
        return state == State.REVERSED ? "k8s-east" : "k8s-west";
    }

    private String sourceBucket() {
        return state == State.REVERSED ? "s3.west.example/trident-protect-dst-bucket"
                : "s3.east.example/trident-protect-src-bucket";
    }

    /** Injects a fault not active yet, or heals one that is. */
    private void fault() {
        List<String> kinds = List.of("siteDown", "partition", "degrade", "bucketOutage", "engineCrash");
        String kind = random.pick(kinds);
        if (faults.contains(kind)) {
            heal(kind);
            return;
        }
        // a delayed fault strikes within two minutes; a crash strikes at once, so a workflow never meets it by surprise
        String after = !kind.equals("engineCrash") && random.chance(0.3) ? ", after: " + (10 + random.nextInt(110))
                + "s" : "";
        String step = switch (kind) {
            case "siteDown" -> "fault: {siteDown: " + source() + after + "}";
            case "partition" -> "fault: {partition: [east, west]" + after + "}";
            case "degrade" -> "fault: {degrade: [east, west], latency: 40ms, bandwidth: 100KB/s" + after + "}";
            case "bucketOutage" -> "fault: {bucketOutage: " + sourceBucket() + after + "}";
            default -> "fault: {engineCrash: " + owner() + after + "}";
        };
        if (!after.isEmpty()) {
            delayed.add(kind);
        }
        faults.add(kind + "@" + (kind.equals("siteDown") ? source() : kind.equals("engineCrash") ? owner()
                : kind.equals("bucketOutage") ? sourceBucket() : ""));
        faults.add(kind);
        ops.add(Op.of(kind, step));
    }

    private void heal(String kind) {
        if (delayed.remove(kind)) {
            ops.add(Op.of("let the delayed fault strike", "advance: 2m"));
        }
        String target = faults.stream().filter(f -> f.startsWith(kind + "@")).findFirst().orElseThrow();
        String at = target.substring(target.indexOf('@') + 1);
        String step = switch (kind) {
            case "siteDown" -> "fault: {siteUp: " + at + "}";
            case "partition" -> "fault: {heal: [east, west]}";
            case "degrade" -> "fault: {degrade: [east, west], latency: 10ms, bandwidth: 100MB/s}";
            case "bucketOutage" -> "fault: {bucketRestore: " + at + "}";
            default -> "fault: {engineRestart: " + at + "}";
        };
        faults.remove(kind);
        faults.remove(target);
        ops.add(Op.of("heal " + kind, step));
    }

    private void healAll() {
        if (faults.isEmpty()) {
            return;
        }
        if (!delayed.isEmpty()) {
            ops.add(Op.of("let delayed faults strike", "advance: 2m"));
            delayed.clear();
        }
        for (String kind : List.copyOf(faults)) {
            if (!kind.contains("@") && faults.contains(kind)) {
                heal(kind);
            }
        }
        ops.add(Op.of("settle", "advance: 2m"));
    }

    private void workflow() {
        opNumber++;
        String op = "set: {OP: \"" + opNumber + "\"}";
        switch (state) {
            case ESTABLISHED -> {
                if (faults.contains("degrade") || random.chance(0.6)) {
                    if (faults.contains("engineCrash")) {
                        heal("engineCrash");
                    }
                    ops.add(Op.of("failover", op, "run: fuzz-failover", writer("k8s-west")));
                    state = State.PROMOTED;
                } else {
                    healAll();
                    ops.add(Op.of("reverse direction", op, "run: fuzz-reverse-direction", writer("k8s-west")));
                    state = State.REVERSED;
                }
            }
            case PROMOTED -> {
                healAll();
                int which = random.nextInt(10);
                if (which < 4) {
                    ops.add(Op.of("resync", op, "run: fuzz-resync", writer("k8s-east")));
                    state = State.ESTABLISHED;
                } else if (which < 8) {
                    ops.add(Op.of("reverse resync", op, "run: fuzz-reverse-resync"));
                    state = State.REVERSED;
                } else {
                    ops.add(Op.of("delete", op, "run: fuzz-delete"));
                    state = State.INDEPENDENT;
                }
            }
            case REVERSED -> {
                healAll();
                ops.add(Op.of("direction back", op, "run: fuzz-direction-back", writer("k8s-east")));
                state = State.ESTABLISHED;
            }
            default -> ops.add(advance());
        }
    }

    private String writer(String cluster) {
        return String.format(Locale.ROOT, "workload: {start: app, cluster: %s, namespace: my-app-namespace,"
                + " deployment: db, mount: /data, rate: %s}", cluster, rate);
    }

    long seed() {
        return seed;
    }
}
