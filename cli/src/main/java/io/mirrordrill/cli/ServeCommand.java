package io.mirrordrill.cli;

import io.mirrordrill.scenario.drill.Drill;
import io.mirrordrill.scenario.drill.DrillInputException;
import io.mirrordrill.scenario.drill.Problem;
import io.mirrordrill.scenario.drill.Units;
import io.mirrordrill.scenario.report.DrillResult;
import io.mirrordrill.scenario.report.TextSummary;
import io.mirrordrill.scenario.runner.DrillWorlds;
import io.mirrordrill.scenario.runner.Estate;
import io.mirrordrill.scenario.runner.RunOptions;
import io.mirrordrill.scenario.world.ServedWorld;
import io.mirrordrill.scenario.world.SimWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code mirrordrill serve}: a drill's world behind real protocol servers on 127.0.0.1, simulated time following
 * real time, until Ctrl-C or {@code --for}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serve a drill's emulated estate on 127.0.0.1 for kubectl, your own scripts and mirrordrill's production"
                + " adapters: a Kubernetes API server per Kubernetes cluster, an ONTAP REST server per ONTAP"
                + " cluster, an S3 server per object store, all over one world whose simulated time runs with real"
                + " time (--speed). Trident, the workload controllers and each cluster's protect engine run as in a"
                + " drill, so a PVC you create gets Bound to an ONTAP volume and an AppMirrorRelationship replicates.",
            "The world is built exactly as 'drill run' builds it (same seed, Trident backends, storage classes,"
                + " buckets, credentials, engines). Writes <out>/kubeconfig (a context per cluster),"
                + " <out>/endpoints.json (every URL) and <out>/credentials.json (mode 0600: ONTAP users and"
                + " passwords, S3 keys; nothing secret is printed)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly (--for elapsed, Ctrl-C or SIGTERM, or interrupted)",
            "1:an unexpected failure (a bug: the message and stack trace say where)",
            "2:bad input or usage (unknown drill, bad option, port in use)"})
final class ServeCommand implements Callable<Integer> {
    static final String HOST = "127.0.0.1";
    static final String ONTAP_USER = "admin";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<file|name>",
            description = "A drill file or the name of a built-in drill (see: drill list).")
    String target;

    @Option(names = "--run-steps", description = {
        "Run the drill's steps first, as 'drill run' does (its summary is printed), and serve the world as the"
            + " last step left it: vaults, applications, replication, faults and all; workloads stopped.",
        "Without it (the default): serve the drill's world before any step: sites, ONTAP clusters and peered"
            + " SVMs, empty buckets, Kubernetes clusters with Trident, storage classes, namespaces and a protect"
            + " engine each, for you to apply your own resources."})
    boolean runSteps;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1.0",
            description = "Simulated seconds per real second (default ${DEFAULT-VALUE}: real time; 60: a minute per"
                    + " second).")
    double speed;

    @Option(names = "--port-base", paramLabel = "N", description = "Listen on consecutive ports from N: the"
            + " Kubernetes clusters by name, then the ONTAP clusters, then the object stores (default: ephemeral"
            + " ports; endpoints.json says which).")
    Integer portBase;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "serve-out",
            description = "Where to write kubeconfig, endpoints.json and credentials.json (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--for", paramLabel = "DURATION", description = "Stop after this much real time (30s, 5m,"
            + " 1h30m), for scripts and tests; default: until Ctrl-C.")
    String forText;

    @Option(names = "--seed", paramLabel = "N", description = "Build the world with this seed instead of the drill's"
            + " own.")
    Long seed;

    @Option(names = "--no-progress", description = "No progress bar while --run-steps runs.")
    boolean noProgress;

    @Option(names = "--no-engine", paramLabel = "CLUSTER", description = "Run no protect engine in this Kubernetes"
            + " cluster (repeatable): its protect resources wait for a controller from outside, such as 'mirrordrill"
            + " controller' with the cluster's context. Trident, workloads and the kubelet still run.")
    List<String> noEngine = new ArrayList<>();

    @Option(names = "--audit-log", paramLabel = "FILE", description = "Append every resource request the Kubernetes"
            + " servers take to FILE, one JSON line each (cluster, verb, apiGroup, resource, subresource, namespace,"
            + " userAgent): what a client used, e.g. to check its RBAC.")
    Path auditLog;

    @Override
    public Integer call() throws IOException {
        Duration runFor = checkOptions();
        List<Drill> drills = Drills.load(List.of(target));
        if (drills.size() != 1) {
            throw usage("<file|name>", "\"" + target + "\" names " + drills.size() + " drills",
                    "name one drill file or built-in drill");
        }
        Drill drill = drills.get(0);
        TreeSet<String> clusters = new TreeSet<>();
        drill.world().kubernetes().forEach(k -> clusters.add(k.name()));
        for (String name : noEngine) {
            if (!clusters.contains(name)) {
                throw usage("--no-engine", "the drill has no Kubernetes cluster \"" + name + "\"",
                        "name one of " + clusters);
            }
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw usage("--out", "cannot create the directory " + out + " (" + e + ")",
                    "name a directory that can be written");
        }
        PrintWriter console = spec.commandLine().getOut();
        RunOptions options = RunOptions.defaults().withSeed(seed).withWallClock(System::nanoTime)
                .withoutEngine(new TreeSet<>(noEngine));
        Estate estate;
        if (runSteps) {
            DrillWorlds.AfterSteps after;
            try (Progress progress = Progress.of(drill.name(), drill.steps().size(), !noProgress)) {
                after = DrillWorlds.runSteps(drill, options.withProgress(progress));
            }
            estate = after.estate();
            DrillResult result = after.result();
            console.print(TextSummary.of(result));
            if (!result.passed()) {
                console.println("(the drill failed; serving the world as its last step left it)");
            }
        } else {
            estate = DrillWorlds.build(drill, options);
        }
        SimWorld sim = estate.sim();
        int servers = ServedWorld.serverCount(sim);
        if (portBase != null && portBase + servers - 1 > 65_535) {
            throw usage("--port-base", "the world needs " + servers + " ports, " + portBase + ".."
                    + (portBase + servers - 1) + " goes past 65535", "choose a lower --port-base");
        }
        Map<String, String> passwords = new TreeMap<>();
        SecureRandom random = new SecureRandom();
        sim.ontap().clusterNames().forEach(name -> passwords.put(name, password(random)));
        ServeAccess access = ServeAccess.create(random);
        ServedWorld served;
        AuditLog audit = auditLog == null ? null : AuditLog.open(auditLog);
        try {
            served = ServedWorld.start(sim, HOST, portBase == null ? 0 : portBase, ONTAP_USER, passwords::get,
                    access.kube(), audit == null ? null : audit::write);
        } catch (ServedWorld.PortTakenException e) {
            throw usage("--port-base", e.getMessage(), "choose another --port-base, or leave it out for ephemeral"
                    + " ports");
        }
        UntilStopped until = new UntilStopped("mirrordrill-serve-shutdown", Duration.ofSeconds(10));
        ClockPump pump = null;
        boolean interrupted = false;
        try {
            pump = ClockPump.start(sim.world(), speed, System::nanoTime);
            Instant simulatedStart = pump.stats().simulatedStart();
            long usedSeed = seed != null ? seed : drill.seed();
            ServeFiles.write(out, served, new ServeFiles.About(drill.name(), usedSeed, runSteps, speed,
                    simulatedStart), passwords, access);
            console.print(ServeSummary.of(drill.name(), usedSeed, runSteps, speed, simulatedStart, served, out,
                    runFor));
            console.flush();
            interrupted = until.await(runFor);
        } finally {
            until.closing();
            if (pump != null) {
                pump.close();
            }
            served.close();
            if (audit != null) {
                audit.close();
            }
            if (pump != null) {
                console.print(ServeSummary.stopped(pump.stats(), speed));
                console.flush();
            }
            until.closed(interrupted);
        }
        return Main.PASSED;
    }

    private Duration checkOptions() {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw usage("--speed", "the speed must be a positive number, not " + speed,
                    "give simulated seconds per real second, e.g. --speed 1 (real time) or --speed 60");
        }
        if (portBase != null && (portBase < 1 || portBase > 65_535)) {
            throw usage("--port-base", "not a port: " + portBase, "give a port from 1024 to 65535, or leave it out"
                    + " for ephemeral ports");
        }
        if (forText == null) {
            return null;
        }
        Duration d = Units.duration(forText).orElseThrow(() -> usage("--for", "not a duration: \"" + forText
                + "\"", "write it as 30s, 5m, 1h30m or 250ms"));
        if (d.isZero()) {
            throw usage("--for", "the duration must be longer than 0", "give e.g. --for 30s");
        }
        return d;
    }

    private static DrillInputException usage(String field, String reason, String fix) {
        return new DrillInputException(List.of(new Problem("command line", 0, field, reason, fix)));
    }

    /** 24 URL-safe characters from 144 random bits. */
    private static String password(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String speed(double speed) {
        return speed == Math.rint(speed) ? String.format(Locale.ROOT, "%.0f", speed)
                : String.format(Locale.ROOT, "%s", speed);
    }
}
