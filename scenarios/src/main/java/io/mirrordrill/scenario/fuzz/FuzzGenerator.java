package io.mirrordrill.scenario.fuzz;

import io.mirrordrill.scenario.drill.FaultSpec;
import io.mirrordrill.scenario.drill.OntapCommand;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.drill.TridentctlCommand;
import io.mirrordrill.scenario.drill.WorkloadSpec;
import io.mirrordrill.sim.RandomStream;
import io.mirrordrill.sim.Seeds;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates a drill from a seed: its mix ({@link FuzzOptions}), a world (the seed's estate with a random WAN), the
 * set-up of replication, then a sequence of operations and faults drawn by the mix that respects each one's
 * preconditions. A workflow runs only from the state it starts from (failover from Established, resync or reverse
 * resync from Promoted, the direction back from the reverse direction); a failover may run under any source-side
 * fault, the other workflows run after every fault is healed; the controller that owns the relationship is
 * restarted before a workflow needs it.
 */
public final class FuzzGenerator {
    enum State { ESTABLISHED, PROMOTED, REVERSED, INDEPENDENT }

    /**
     * How long a generated drill lasts at least (issue #17: fuzz drills of 2 simulated hours): the closing advance
     * runs replication on, with the faults left as they are, until the drill's own advances add up to it.
     */
    public static final Duration LENGTH = Duration.ofHours(2);
    private static final Duration STRIKE = Duration.ofMinutes(2);
    /** How often the set-up first names a destination AppVault that does not exist (Establishing -> Failed). */
    private static final double WRONG_VAULT_FIRST = 0.1;
    /** How often, before an operation without faults, a stray relationship is created Promoted ((new) -> Failed). */
    private static final double CREATED_PROMOTED = 0.03;
    /** Of failovers: first refused for an invalid promotedSnapshot (Established -> Failed -> Promoting). */
    private static final double FAILOVER_RETRIED = 0.12;
    /** Of failovers: first with a transformation that cannot apply (Promoting -> Failed). */
    private static final double FAILOVER_BAD_TRANSFORMATION = 0.08;

    /** Before an operation with every fault healed and replication running, how often a storage operation comes. */
    private static final double STORAGE_OP = 0.1;

    private final long seed;
    private final FuzzOptions options;
    private final RandomStream random;
    /**
     * The draws added for the application's shape and the lifecycle's failure rows, from a stream of their own so
     * the operations the mix draws stay what they were.
     */
    private final RandomStream extra;
    /** The storage operations' draws, from a stream of their own so the other draws stay what they were. */
    private final RandomStream storage;
    private final AppShape shape;
    /** Where crashes strike: a stream of its own, so choosing them shifts none of the seed's other choices. */
    private final RandomStream crashPoints;
    private final List<Op> ops = new ArrayList<>();
    /** The least simulated time the drill lasts ({@link #LENGTH} unless a test asks for less). */
    private final Duration length;
    /** Active faults, each with what heals it. */
    private final Map<FaultKind, FaultSpec> active = new EnumMap<>(FaultKind.class);
    /** Faults injected with a delay: healed only after they have struck. */
    private final Set<FaultKind> delayed = EnumSet.noneOf(FaultKind.class);
    private Duration latency;
    private long bandwidth;
    private State state = State.ESTABLISHED;
    private int opNumber;
    private int storageNumber;

    static final int CRASH_CALLS = 60;

    /** Whether storage operations are drawn (a test turns them off to compare the other draws). */
    private final boolean storageOps;

    private FuzzGenerator(long seed, boolean storageOps, Duration length) {
        this.storageOps = storageOps;
        this.length = length;
        Seeds seeds = new Seeds(seed);
        this.seed = seed;
        this.options = FuzzOptions.draw(seeds.stream("fuzz-options"));
        this.random = seeds.stream("fuzz");
        this.extra = seeds.stream("fuzz-app");
        this.shape = AppShape.draw(extra, seeds.stream("fuzz-skip-lists"));
        this.crashPoints = seeds.stream("fuzz-crash-points");
        this.storage = seeds.stream("fuzz-storage");
    }

    public static FuzzCase generate(long seed) {
        return generate(seed, LENGTH);
    }

    /**
     * The drill of {@code seed} lasting at least {@code length} of simulated time; the same operations at any length,
     * only the closing advance differs ({@link Duration#ZERO}: the drawn one, as before drills had a length).
     */
    public static FuzzCase generate(long seed, Duration length) {
        return new FuzzGenerator(seed, true, length).build();
    }

    /** The drill without its storage operations, as generated before they existed. */
    static FuzzCase withoutStorage(long seed) {
        return new FuzzGenerator(seed, false, LENGTH).build();
    }

    private FuzzCase build() {
        latency = Duration.ofMillis(1 + random.nextInt(50));
        bandwidth = random.pick(List.of(10_000_000L, 100_000_000L, 1_000_000_000L));
        ops.add(new Op.SetUp(shape, app("k8s-east"), extra.chance(WRONG_VAULT_FIRST)));
        int count = 4 + random.nextInt(9);
        for (int i = 0; i < count && state != State.INDEPENDENT; i++) {
            next();
        }
        ops.add(closing());
        return new FuzzCase(seed, options, shape, latency, bandwidth, ops);
    }

    /**
     * The closing advance: the one drawn, or longer so the drill lasts {@link #length}. Only the advances the
     * operations name count (a procedure's waits and the storage operations add to them), so the drill lasts at least
     * that long and its other operations are the same with or without storage operations.
     */
    private Op closing() {
        Op.Pass drawn = advance();
        Duration planned = Duration.ZERO;
        for (Op op : ops) {
            if (op instanceof Op.Storage) {
                continue;
            }
            for (Step step : op.steps()) {
                if (step instanceof Step.Advance a) {
                    planned = planned.plus(a.duration());
                }
            }
        }
        Duration rest = length.minus(planned);
        return rest.compareTo(drawn.duration()) > 0 ? new Op.Pass("run on", rest) : drawn;
    }

    private void next() {
        if (active.isEmpty() && extra.chance(CREATED_PROMOTED)) {
            opNumber++;
            ops.add(new Op.Run(Workflow.CREATED_PROMOTED, opNumber, null, shape));
        }
        List<StorageOp> fit = switch (state) {
            case ESTABLISHED, REVERSED -> List.of(StorageOp.SVM_STOPPED, StorageOp.TRANSFER_ABORTED);
            case PROMOTED -> List.of(StorageOp.SNAPSHOT_RESTORE);
            default -> List.of();
        };
        if (storageOps && active.isEmpty() && !fit.isEmpty() && storage.chance(STORAGE_OP)) {
            ops.add(storageOp(storage.pick(fit)));
        }
        if (state == State.ESTABLISHED && active.isEmpty() && random.chance(options.slowWanFailoverPercent() / 100.0)) {
            slowWanFailover();
            return;
        }
        switch (options.operation(random)) {
            case ADVANCE -> ops.add(advance());
            case BULK -> {
                if (siteDown(serving())) {
                    fault();
                } else {
                    bulk();
                }
            }
            case FAULT -> fault();
            default -> workflow();
        }
    }

    private Op.Pass advance() {
        return new Op.Pass("advance", Duration.ofMinutes(1 + random.nextInt((int) options.longestAdvance()
                .toMinutes())));
    }

    /**
     * A known-hard interleaving, as separate operations the shrinker may drop: a slow WAN, a burst of large writes,
     * time for a scheduled snapshot to start its long transfer, then a failover.
     */
    private void slowWanFailover() {
        inject(FaultKind.DEGRADE, Duration.ZERO);
        bulk();
        ops.add(new Op.Pass("advance", Duration.ofMinutes(5 + random.nextInt(10))));
        workflow();
    }

    /** A burst of large writes on the side that serves, making the next transfer long on a slow WAN. */
    private void bulk() {
        WorkloadSpec writes = new WorkloadSpec("bulk", "k8s-" + serving(), shape.namespace("k8s-" + serving()), "db",
                List.of("/data"),
                "bulk.bin", options.bulkRate(), FuzzOptions.BULK_RECORD_SIZE, Duration.ofSeconds(1));
        ops.add(new Op.Bulk(writes, Duration.ofMinutes(1 + random.nextInt((int) options.longestBulk()
                .toMinutes()))));
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

    private boolean siteDown(String site) {
        return active.get(FaultKind.SITE_DOWN) instanceof FaultSpec.SiteUp up && up.site().equals(site);
    }

    /** Injects a fault not active yet, or heals one that is. */
    private void fault() {
        FaultKind kind = options.fault(random);
        if (active.containsKey(kind)) {
            heal(kind);
            return;
        }
        // a delayed fault strikes within two minutes; a crash strikes at once, so a workflow never meets it by surprise
        boolean late = kind != FaultKind.ENGINE_CRASH && random.chance(options.delayedFaultPercent() / 100.0);
        inject(kind, late ? Duration.ofSeconds(10 + random.nextInt(110)) : Duration.ZERO);
    }

    private void inject(FaultKind kind, Duration after) {
        String host = state == State.REVERSED ? "s3.west.example" : "s3.east.example";
        String bucket = state == State.REVERSED ? "trident-protect-dst-bucket" : "trident-protect-src-bucket";
        FaultSpec fault = switch (kind) {
            case SITE_DOWN -> new FaultSpec.SiteDown(source());
            case PARTITION -> new FaultSpec.Partition("east", "west");
            case DEGRADE -> new FaultSpec.Degrade("east", "west", options.degradeLatency(),
                    options.degradeBandwidth());
            case BUCKET_OUTAGE -> new FaultSpec.BucketOutage(host, bucket);
            case ENGINE_CRASH -> new FaultSpec.EngineCrash(owner(), crashPoint());
        };
        FaultSpec heal = switch (kind) {
            case SITE_DOWN -> new FaultSpec.SiteUp(source());
            case PARTITION -> new FaultSpec.Heal("east", "west");
            // back to the link the world was built with
            case DEGRADE -> new FaultSpec.Degrade("east", "west", latency, bandwidth);
            case BUCKET_OUTAGE -> new FaultSpec.BucketRestore(host, bucket);
            case ENGINE_CRASH -> new FaultSpec.EngineRestart(owner());
        };
        if (!after.isZero()) {
            delayed.add(kind);
        }
        active.put(kind, heal);
        ops.add(new Op.Inject(kind, fault, after));
    }

    /**
     * Half the crashes strike at once (between simulation events); the others right after one of the engine's next
     * 1..{@value #CRASH_CALLS} port calls, which may fall inside one event's work (an archive of several objects, a
     * step over several volumes).
     */
    private long crashPoint() {
        return crashPoints.chance(0.5) ? 0 : 1 + crashPoints.nextInt(CRASH_CALLS);
    }

    private void heal(FaultKind kind) {
        if (delayed.remove(kind)) {
            ops.add(new Op.Pass("let the delayed fault strike", STRIKE));
        }
        ops.add(new Op.Heal(kind, active.remove(kind)));
    }

    private void healAll() {
        if (active.isEmpty()) {
            return;
        }
        if (!delayed.isEmpty()) {
            ops.add(new Op.Pass("let delayed faults strike", STRIKE));
            delayed.clear();
        }
        for (FaultKind kind : List.copyOf(active.keySet())) {
            heal(kind);
        }
        ops.add(new Op.Pass("settle", Duration.ofMinutes(2)));
    }

    private void workflow() {
        opNumber++;
        switch (state) {
            case ESTABLISHED -> {
                if (active.containsKey(FaultKind.DEGRADE) || random.chance(options.failoverPercent() / 100.0)) {
                    if (active.containsKey(FaultKind.ENGINE_CRASH)) {
                        heal(FaultKind.ENGINE_CRASH);
                    }
                    ops.add(new Op.Run(failover(), opNumber, app("k8s-west"), shape));
                    state = State.PROMOTED;
                } else {
                    healAll();
                    ops.add(new Op.Run(Workflow.REVERSE_DIRECTION, opNumber, app("k8s-west"), shape));
                    state = State.REVERSED;
                }
            }
            case PROMOTED -> {
                healAll();
                Workflow next = options.afterFailover(random);
                ops.add(new Op.Run(next, opNumber, next == Workflow.RESYNC ? app("k8s-east") : null, shape));
                state = switch (next) {
                    case RESYNC -> State.ESTABLISHED;
                    case REVERSE_RESYNC -> State.REVERSED;
                    default -> State.INDEPENDENT;
                };
            }
            case REVERSED -> {
                healAll();
                ops.add(new Op.Run(Workflow.DIRECTION_BACK, opNumber, app("k8s-east"), shape));
                state = State.ESTABLISHED;
            }
            default -> ops.add(advance());
        }
    }

    /**
     * A storage operation with every fault healed: while replication runs, on the destination's SVM (stop and start)
     * or volume (abort); once promoted, on the promoted volume where the application writes (snapshot restore). A
     * volume that is a SnapMirror source cannot be restored past the relationship's newer snapshots without
     * {@code -force}, which would break replication, as ONTAP refuses it.
     */
    private Op storageOp(StorageOp op) {
        String src = source();
        String dst = src.equals("east") ? "west" : "east";
        Duration pause = Duration.ofMinutes(1 + storage.nextInt(3));
        List<Step> steps = new ArrayList<>();
        switch (op) {
            case SVM_STOPPED -> {
                steps.add(ontap(dst, "vserver stop", "vserver", "svm-" + dst));
                steps.add(new Step.Advance(Op.GENERATED, pause));
                steps.add(ontap(dst, "vserver start", "vserver", "svm-" + dst));
                Path file = Path.of("fuzz", "backend-" + dst + ".yaml");
                steps.add(new Step.Tridentctl(Op.GENERATED, "k8s-" + dst, new TridentctlCommand("update backend",
                        "nas-" + dst, null, file, "trident", null, null)));
            }
            case TRANSFER_ABORTED -> {
                WorkloadSpec writes = new WorkloadSpec("bulk", "k8s-" + src, shape.namespace("k8s-" + src), "db",
                        List.of("/data"), "bulk.bin", options.bulkRate(), FuzzOptions.BULK_RECORD_SIZE,
                        Duration.ofSeconds(1));
                // on a slow WAN, so the transfer still runs when the abort's job does (a second later)
                steps.add(new Step.Fault(Op.GENERATED, new FaultSpec.Degrade("east", "west",
                        options.degradeLatency(), options.degradeBandwidth()), Duration.ZERO, false));
                steps.add(new Step.WorkloadStart(Op.GENERATED, writes));
                steps.add(new Step.Advance(Op.GENERATED, pause));
                steps.add(new Step.WorkloadStop(Op.GENERATED, writes.name()));
                // a scheduled transfer may still carry the burst (a slow WAN), and ONTAP refuses an update while one
                // runs: abort it, start the burst's own, and abort that one while it runs
                String path = "svm-" + dst + ":" + volume(dst);
                steps.add(ontap(dst, "snapmirror abort", "destination-path", path));
                steps.add(ontap(dst, "snapmirror update", "destination-path", path));
                steps.add(ontap(dst, "snapmirror abort", "destination-path", path));
                steps.add(new Step.Fault(Op.GENERATED, new FaultSpec.Degrade("east", "west", latency, bandwidth),
                        Duration.ZERO, false));
            }
            case SNAPSHOT_RESTORE -> {
                String name = "fuzz-snap-" + ++storageNumber;
                String site = serving();
                steps.add(ontap(site, "volume snapshot create", "vserver", "svm-" + site, "volume", volume(site),
                        "snapshot", name));
                steps.add(new Step.Advance(Op.GENERATED, pause));
                steps.add(ontap(site, "volume snapshot restore", "vserver", "svm-" + site, "volume", volume(site),
                        "snapshot", name));
            }
        }
        return new Op.Storage(op, steps);
    }

    /** The ONTAP volume of the application's claim {@code data} on a site's cluster, filled in when the step runs. */
    private String volume(String site) {
        return "${volume:k8s-" + site + "/PersistentVolumeClaim/" + shape.namespace("k8s-" + site) + "/data}";
    }

    /** An ONTAP CLI command at the site's cluster, its parameters given as name, value, .... */
    private static Step ontap(String site, String verb, String... params) {
        TreeMap<String, String> named = new TreeMap<>();
        for (int i = 0; i < params.length; i += 2) {
            named.put(params[i], params[i + 1]);
        }
        return new Step.Ontap(Op.GENERATED, "ontap-" + site, new OntapCommand(verb, named));
    }

    /** A failover, now and then first refused (the lifecycle's rows into and out of Failed). */
    private Workflow failover() {
        double draw = extra.nextDouble();
        return draw < FAILOVER_BAD_TRANSFORMATION ? Workflow.FAILOVER_BAD_TRANSFORMATION
                : draw < FAILOVER_BAD_TRANSFORMATION + FAILOVER_RETRIED ? Workflow.FAILOVER_RETRIED : Workflow.FAILOVER;
    }

    /** The application's writer on a cluster (starting it there moves it), on every claim. */
    private WorkloadSpec app(String cluster) {
        return new WorkloadSpec("app", cluster, shape.namespace(cluster), "db", shape.mounts(), "records.log",
                options.appRate(), 32, Duration.ofSeconds(1));
    }

    long seed() {
        return seed;
    }
}
