package io.mirrordrill.scenario.workload;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.k8s.cluster.WorkloadIoException;
import io.mirrordrill.port.Scheduler;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.drill.WorkloadSpec;
import io.mirrordrill.scenario.world.SimCluster;
import io.mirrordrill.sim.World;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One named application writer. It writes at its rate wherever it was last started; starting it on another cluster
 * moves it (the numbering goes on). Each {@code batch} it appends the records due to the running pod of its
 * Deployment through the pod's mounts; what the cluster refuses (no pod, read-only, frozen, unreachable) is counted
 * as refused and never numbered.
 */
public final class Writer {
    /** Hooks for measuring: called before the first append at a location, and after every accepted run. */
    /** A stretch of refused writes with one reason: from the first refused batch to the last one. */
    public record Refusal(String reason, Instant from, Instant to, long writes) {}

    public interface Observer {
        void beforeWrite(Writer writer, Location location);

        void accepted(Ledger.Run run);
    }

    private final String name;
    private final World world;
    private final Ledger ledger;
    private final Observer observer;
    private WorkloadSpec spec;
    private SimCluster cluster;
    private Scheduler.Cancellable timer;
    private Instant runStart;
    private long emitted;
    private long next = 1;
    private long refused;
    private int rotation;
    private String refusing;
    private final List<Refusal> refusals = new ArrayList<>();
    /** The running pod written to last; looked up again when a write finds it gone. */
    private String pod;
    private String volumesOf;
    private final Map<String, String> volumes = new TreeMap<>();

    public Writer(String name, World world, Ledger ledger, Observer observer) {
        this.name = name;
        this.world = world;
        this.ledger = ledger;
        this.observer = observer;
    }

    public String name() {
        return name;
    }

    public Optional<Location> location() {
        return spec == null ? Optional.empty()
                : Optional.of(new Location(spec.cluster(), spec.namespace(), spec.deployment()));
    }

    public WorkloadSpec spec() {
        return spec;
    }

    public boolean isRunning() {
        return timer != null;
    }

    public long refused() {
        return refused;
    }

    /** Every stretch of refused writes, in time order: what refused them, when and how many. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** Why its writes are refused now; empty while they are accepted. */
    public Optional<String> refusing() {
        return Optional.ofNullable(refusing);
    }

    /** Starts (or moves) the writer; the first group is written at once. */
    public void start(WorkloadSpec newSpec, SimCluster on) {
        stop();
        this.spec = newSpec;
        this.cluster = on;
        this.runStart = world.now();
        this.emitted = 0;
        this.pod = null;
        this.volumesOf = null;
        world.record("workload/" + name, "start on " + newSpec.cluster() + ":" + newSpec.namespace() + "/"
                + newSpec.deployment() + " rate=" + newSpec.rate() + "/s batch=" + newSpec.batch());
        tick();
    }

    public void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
            world.record("workload/" + name, "stop");
        }
    }

    private void tick() {
        timer = world.schedule(spec.batch(), "workload " + name, this::tick);
        long elapsed = Duration.between(runStart, world.now()).toNanos();
        long dueTotal = (long) Math.floor(elapsed / 1e9 * spec.rate()) + 1;  // one at once, then at the rate
        long due = dueTotal - emitted;
        emitted = dueTotal;
        if (due <= 0) {
            return;
        }
        Optional<String> running;
        try {
            running = pod != null ? Optional.of(pod) : runningPod();
        } catch (UnreachableException e) {
            refuse(due, "cluster " + spec.cluster() + " unreachable");
            return;
        }
        if (running.isEmpty()) {
            refuse(due, "no running pod of deployment " + spec.deployment());
            return;
        }
        observer.beforeWrite(this, location().orElseThrow());
        int mounts = spec.mounts().size();
        for (int k = 0; k < mounts; k++) {
            int mount = (rotation + k) % mounts;
            long n = due / mounts + (k < due % mounts ? 1 : 0);
            if (n > 0) {
                append(running.get(), spec.mounts().get(mount), n, true);
            }
        }
        rotation = (int) ((rotation + due) % mounts);
    }

    /** Appends {@code n} records; a pod that is gone is looked up again once (the Deployment replaced it). */
    private void append(String podName, String mount, long n, boolean retry) {
        try {
            cluster.simulator().workloads().append(spec.namespace(), podName, mount, spec.file(),
                    RecordFormat.lines(next, next + n - 1, spec.recordSize()));
        } catch (WorkloadIoException e) {
            boolean podGone = e.reason() == WorkloadIoException.Reason.NOT_FOUND
                    || e.reason() == WorkloadIoException.Reason.NOT_RUNNING;
            if (podGone && retry) {
                pod = null;
                Optional<String> other;
                try {
                    other = runningPod();
                } catch (UnreachableException unreachable) {
                    other = Optional.empty();
                }
                if (other.isPresent()) {
                    append(other.get(), mount, n, false);
                    return;
                }
            }
            refuse(n, e.getMessage());
            return;
        } catch (UnreachableException e) {
            refuse(n, "cluster " + spec.cluster() + " unreachable");
            return;
        }
        if (refusing != null) {
            refusing = null;
            world.record("workload/" + name, "writes accepted again");
        }
        Ledger.Run run = new Ledger.Run(name, next, next + n - 1, location().orElseThrow(), volume(podName, mount),
                mount, spec.file(), world.now(), world.trace().size());
        cluster.simulator().workloads().print(spec.namespace(), podName, mount,
                new CommitLine(next, next + n - 1, mount, spec.file()));
        next += n;
        ledger.add(run);
        observer.accepted(run);
    }

    private void refuse(long n, String reason) {
        refused += n;
        Refusal last = refusals.isEmpty() ? null : refusals.get(refusals.size() - 1);
        if (reason.equals(refusing) && last != null) {
            refusals.set(refusals.size() - 1, new Refusal(reason, last.from(), world.now(), last.writes() + n));
        } else {
            refusals.add(new Refusal(reason, world.now(), world.now(), n));
        }
        if (!reason.equals(refusing)) {
            refusing = reason;
            world.record("workload/" + name, "writes refused: " + reason);
        }
    }

    /** The first running pod (by name) the Deployment owns. */
    private Optional<String> runningPod() {
        for (GenericKubernetesResource p : cluster.api().list("v1", "Pod", spec.namespace(),
                LabelSelector.everything())) {
            boolean owned = p.getMetadata().getOwnerReferences().stream()
                    .anyMatch(o -> o.getKind().equals("Deployment") && o.getName().equals(spec.deployment()));
            if (owned && "Running".equals(Resources.toTree(p).path("status").path("phase").asText())) {
                return Optional.of(p.getMetadata().getName());
            }
        }
        return Optional.empty();
    }

    /** The volume behind a mount of the pod, resolved once per pod. */
    private String volume(String podName, String mount) {
        if (!podName.equals(volumesOf)) {
            volumesOf = podName;
            volumes.clear();
        }
        pod = podName;
        return volumes.computeIfAbsent(mount, m -> claimOf(podName, m)
                .flatMap(claim -> VolumeRef.of(cluster.api(), spec.namespace(), claim)).map(VolumeRef::path)
                .orElse("?"));
    }

    /**
     * What a read through the pod's mount is remembered under: the volume behind it ({@code svm:volume/file}, as the
     * checker's reads from storage name it), so a file the checker read from storage is not parsed again in full
     * through the pod; the pod's own name when the volume cannot be found. Resolved at each read, without touching
     * the writer's state.
     */
    private String readKey(String podName, String mount) {
        Optional<String> volume = claimOf(podName, mount)
                .flatMap(claim -> VolumeRef.of(cluster.api(), spec.namespace(), claim)).map(VolumeRef::path);
        return volume.map(v -> v + "/" + spec.file()).orElse(cluster.name() + "/" + spec.namespace() + "/" + podName
                + ":" + mount + "/" + spec.file());
    }

    private Optional<String> claimOf(String podName, String mount) {
        var tree = cluster.api().get("v1", "Pod", spec.namespace(), podName).map(Resources::toTree);
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        for (var c : tree.get().path("spec").path("containers")) {
            for (var vm : c.path("volumeMounts")) {
                if (vm.path("mountPath").asText().equals(mount)) {
                    for (var v : tree.get().path("spec").path("volumes")) {
                        if (v.path("name").asText().equals(vm.path("name").asText())) {
                            return Optional.of(v.path("persistentVolumeClaim").path("claimName").asText());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Corrupts the application's records files through its running pod, as a bad release or a bug would: every
     * digit overwritten (the lines stay, the records in them are gone). Returns how many files it changed.
     */
    public int corrupt() {
        Optional<String> running = spec == null ? Optional.empty() : runningPod();
        if (running.isEmpty()) {
            return 0;
        }
        int changed = 0;
        var w = cluster.simulator().workloads();
        for (String mount : spec.mounts()) {
            if (w.exists(spec.namespace(), running.get(), mount, spec.file())) {
                byte[] data = w.read(spec.namespace(), running.get(), mount, spec.file());
                for (int i = 0; i < data.length; i++) {
                    data[i] = data[i] >= '0' && data[i] <= '9' ? (byte) '#' : data[i];
                }
                w.write(spec.namespace(), running.get(), mount, spec.file(), 0, data);
                changed++;
            }
        }
        world.record("workload/" + name, "records corrupted in " + changed + " file(s)");
        return changed;
    }

    /** What the app sees now in its files, through its running pod; empty when it cannot read. */
    public Optional<RecordSet> readThroughPod() {
        Optional<String> running;
        try {
            running = runningPod();
        } catch (UnreachableException e) {
            return Optional.empty();
        }
        if (running.isEmpty()) {
            return Optional.empty();
        }
        RecordSet all = new RecordSet();
        try {
            for (String mount : spec.mounts()) {
                var w = cluster.simulator().workloads();
                if (w.exists(spec.namespace(), running.get(), mount, spec.file())) {
                    String at = running.get();
                    all.addAll(ledger.reads().records(readKey(at, mount), RecordFiles.Source.of(
                            () -> w.size(spec.namespace(), at, mount, spec.file()),
                            (offset, length) -> w.read(spec.namespace(), at, mount, spec.file(), offset, length))));
                }
            }
        } catch (WorkloadIoException e) {
            return Optional.empty();
        }
        return Optional.of(all);
    }
}
