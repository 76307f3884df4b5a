package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.k8s.cluster.WorkloadIoException.Reason;
import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.element.VolumeRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applications' I/O: a running pod reads and writes files under one of its volume mounts, which lands in the ONTAP
 * volume behind the claim. Refused, with the reason, when the pod is not running, the mount or volume is read-only,
 * the filesystem is frozen, or the storage is unreachable.
 */
public final class Workloads {
    private final ClusterSimulator sim;
    private final Set<String> frozen = new TreeSet<>();
    /**
     * Resolved mounts of running pods, by namespace/pod/mountPath. Dropped on every pod, claim, volume or backend
     * change the simulator's watches see, as a kubelet learns of them: writes in between use what it knew.
     */
    private final Map<String, Resolved> mounts = new HashMap<>();

    private record Resolved(Mount mount, MountedVolume files) {}

    Workloads(ClusterSimulator sim) {
        this.sim = sim;
    }

    public void append(String namespace, String pod, String mountPath, String file, byte[] data) {
        io(() -> {
            mount(namespace, pod, mountPath, true).append(file, data);
            return null;
        });
    }

    public void write(String namespace, String pod, String mountPath, String file, long offset, byte[] data) {
        io(() -> {
            mount(namespace, pod, mountPath, true).write(file, offset, data);
            return null;
        });
    }

    public byte[] read(String namespace, String pod, String mountPath, String file) {
        return io(() -> mount(namespace, pod, mountPath, false).read(file));
    }

    /** {@code dd skip=offset count=length}: part of a file, for readers that follow a growing file. */
    public byte[] read(String namespace, String pod, String mountPath, String file, long offset, int length) {
        return io(() -> mount(namespace, pod, mountPath, false).read(file, offset, length));
    }

    /** {@code stat -c %s}: the file's size. */
    public long size(String namespace, String pod, String mountPath, String file) {
        return io(() -> mount(namespace, pod, mountPath, false).size(file));
    }

    public boolean exists(String namespace, String pod, String mountPath, String file) {
        return io(() -> mount(namespace, pod, mountPath, false).exists(file));
    }

    /**
     * The container that mounts {@code mountPath} prints {@code line} to its log (an application logging what it
     * did): the pod must be running, as for its I/O.
     */
    public void print(String namespace, String pod, String mountPath, PodLogs.Line line) {
        String key = namespace + "/" + pod + "/" + mountPath;
        Resolved r = mounts.get(key);
        String container = r != null ? r.mount().container() : resolve(namespace, pod, mountPath).container();
        sim.logs().print(namespace, pod, container, sim.world().now(), line);
    }

    /**
     * The mount path under which {@code path} lies for a container of the pod ({@code container} null: any), the
     * longest when mounts nest; empty when the path is in the container's own layer (or the pod is gone).
     */
    public Optional<String> mountHolding(String namespace, String pod, String container, String path) {
        String best = null;
        JsonNode containers = sim.api().get("v1", "Pod", namespace, pod).map(Tree::of)
                .map(n -> n.path("spec").path("containers")).orElse(null);
        for (JsonNode c : containers == null ? List.<JsonNode>of() : containers) {
            if (container != null && !container.equals(c.path("name").asText())) {
                continue;
            }
            for (JsonNode vm : c.path("volumeMounts")) {
                String mp = vm.path("mountPath").asText();
                if (path.startsWith(mp + "/") && (best == null || mp.length() > best.length())) {
                    best = mp;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code fsfreeze --freeze} on the volume behind a mount (what a Pre snapshot hook does). */
    public void freeze(String namespace, String pod, String mountPath) {
        frozen.add(resolve(namespace, pod, mountPath).pvName());
    }

    public void unfreeze(String namespace, String pod, String mountPath) {
        frozen.remove(resolve(namespace, pod, mountPath).pvName());
    }

    /** Whether a PV's volume can be mounted now (for writing too, when asked): the kubelet's check. */
    Optional<String> mountProblem(String pvName, boolean write) {
        try {
            MountedVolume files = files(pvName);
            files.list();
            if (write && !files.isWritable()) {
                return Optional.of("volume " + files.path() + " is read-only");
            }
            return Optional.empty();
        } catch (WorkloadIoException | DataPathException e) {
            return Optional.of(e.getMessage());
        }
    }

    private record Mount(String pvName, boolean readOnly, String container) {}

    /** Forgets every resolved mount; the next I/O resolves again through the API. */
    void invalidate() {
        mounts.clear();
    }

    private MountedVolume mount(String namespace, String pod, String mountPath, boolean write) {
        String key = namespace + "/" + pod + "/" + mountPath;
        Resolved r = mounts.get(key);
        if (r == null) {
            Mount resolved = resolve(namespace, pod, mountPath);
            r = new Resolved(resolved, files(resolved.pvName()));
            mounts.put(key, r);
        }
        Mount m = r.mount();
        if (write && m.readOnly()) {
            throw new WorkloadIoException(Reason.READ_ONLY, "mount " + mountPath + " of pod " + namespace + "/" + pod
                    + " is read-only");
        }
        if (write && frozen.contains(m.pvName())) {
            throw new WorkloadIoException(Reason.FROZEN, "filesystem at " + mountPath + " of pod " + namespace + "/"
                    + pod + " is frozen");
        }
        return r.files();
    }

    private Mount resolve(String namespace, String pod, String mountPath) {
        ObjectNode p = sim.api().get("v1", "Pod", namespace, pod).map(Tree::of).orElseThrow(() ->
                new WorkloadIoException(Reason.NOT_FOUND, "no pod " + namespace + "/" + pod));
        if (!"Running".equals(p.path("status").path("phase").asText())) {
            throw new WorkloadIoException(Reason.NOT_RUNNING, "pod " + namespace + "/" + pod + " is "
                    + p.path("status").path("phase").asText("Pending"));
        }
        for (JsonNode container : p.path("spec").path("containers")) {
            for (JsonNode vm : container.path("volumeMounts")) {
                if (mountPath.equals(vm.path("mountPath").asText())) {
                    String claim = claimOf(p, vm.path("name").asText());
                    ObjectNode pvc = sim.api().get("v1", "PersistentVolumeClaim", namespace, claim).map(Tree::of)
                            .orElseThrow(() -> new WorkloadIoException(Reason.NOT_FOUND, "claim " + claim + " gone"));
                    String pv = Tree.text(pvc, "spec.volumeName").orElseThrow(() ->
                            new WorkloadIoException(Reason.NOT_RUNNING, "claim " + claim + " is not bound"));
                    return new Mount(pv, vm.path("readOnly").asBoolean(false), container.path("name").asText());
                }
            }
        }
        throw new WorkloadIoException(Reason.NOT_FOUND, "pod " + namespace + "/" + pod + " mounts nothing at "
                + mountPath);
    }

    private static String claimOf(ObjectNode pod, String volumeName) {
        for (JsonNode v : pod.path("spec").path("volumes")) {
            if (volumeName.equals(v.path("name").asText()) && v.has("persistentVolumeClaim")) {
                return v.path("persistentVolumeClaim").path("claimName").asText();
            }
        }
        throw new WorkloadIoException(Reason.NOT_FOUND, "volume " + volumeName + " is not a persistentVolumeClaim");
    }

    private MountedVolume files(String pvName) {
        ObjectNode pv = sim.api().get("v1", "PersistentVolume", null, pvName).map(Tree::of).orElseThrow(() ->
                new WorkloadIoException(Reason.NOT_FOUND, "no PV " + pvName));
        JsonNode attrs = pv.path("spec").path("csi").path("volumeAttributes");
        TridentBackend backend = sim.backendByUuid(attrs.path(Trident.ATTR_BACKEND_UUID).asText()).orElseThrow(() ->
                new WorkloadIoException(Reason.UNREACHABLE, "PV " + pvName + " names an unknown Trident backend"));
        String internal = attrs.path(Trident.ATTR_INTERNAL_NAME).asText();
        if (backend.isElement()) {
            return MountedVolume.of(sim.element().data(backend.managementCluster(), elementVolume(backend, internal)
                    .volumeID(), sim.site()));
        }
        return MountedVolume.of(sim.ontap().files(backend.managementCluster(), backend.svm(), internal, sim.site()));
    }

    /** The iSCSI login: the tenant's active volume of that name (Element names need not be unique; IDs are). */
    private VolumeRecord elementVolume(TridentBackend backend, String internal) {
        try {
            return Provisioner.elementVolume(sim, backend, internal).orElseThrow(() -> new WorkloadIoException(
                    Reason.NOT_FOUND, "no Element volume " + internal + " of tenant " + backend.svm() + " on "
                            + backend.managementCluster()));
        } catch (UnreachableException e) {
            throw new WorkloadIoException(Reason.UNREACHABLE, e.getMessage());
        }
    }

    private interface Io<T> {
        T run();
    }

    private static <T> T io(Io<T> call) {
        try {
            return call.run();
        } catch (DataPathException e) {
            Reason reason = switch (e.reason()) {
                case READ_ONLY -> Reason.READ_ONLY;
                case NO_SPACE -> Reason.NO_SPACE;
                case NOT_FOUND -> Reason.NOT_FOUND;
                case UNREACHABLE, INVALID -> Reason.UNREACHABLE;
            };
            throw new WorkloadIoException(reason, e.getMessage());
        }
    }
}
