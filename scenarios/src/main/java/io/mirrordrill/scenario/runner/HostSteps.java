package io.mirrordrill.scenario.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrordrill.emulator.k8s.EtcdEmulator;
import io.mirrordrill.emulator.k8s.cluster.WorkloadIoException;
import io.mirrordrill.port.UnreachableException;
import io.mirrordrill.port.element.ElementException;
import io.mirrordrill.port.element.ElementPort;
import io.mirrordrill.port.element.ScheduleCreate;
import io.mirrordrill.port.element.ScheduleModify;
import io.mirrordrill.port.element.SnapshotRecord;
import io.mirrordrill.port.etcd.EtcdException;
import io.mirrordrill.port.etcd.RestoreRequest;
import io.mirrordrill.port.etcd.SavedSnapshot;
import io.mirrordrill.port.etcd.SnapshotStatus;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.scenario.drill.AdminCommand;
import io.mirrordrill.scenario.drill.Step;
import io.mirrordrill.scenario.drill.WorldSpec;
import io.mirrordrill.scenario.world.SimCluster;
import io.mirrordrill.sim.SimulationException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

/**
 * The storage administrator's steps: NFS mounts on the sites' hosts, etcdctl snapshot save/status/restore, kubeadm
 * init over a restored etcd data dir, Element API calls, and data corruption. Each does what the real command does
 * through the emulators and fails with what the real one says when it refuses.
 */
final class HostSteps {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Estate estate;
    private final Vars vars;
    private final StorageEvidence evidence;
    private final Measures measures;
    private final HostFiles hosts;
    /** site:data dir -> the status of the snapshot restored into it. */
    private final Map<String, SnapshotStatus> restored = new TreeMap<>();
    /** Element cluster -> the Kubernetes clusters with a solidfire-san backend on it. */
    private final Map<String, Set<String>> elementUsers = new TreeMap<>();

    HostSteps(Estate estate, WorldSpec world, Vars vars, StorageEvidence evidence, Measures measures) {
        this.estate = estate;
        world.kubernetes().forEach(k -> k.backends().stream().filter(WorldSpec.Backend::isElement)
                .forEach(b -> elementUsers.computeIfAbsent(b.element(), e -> new TreeSet<>()).add(k.name())));
        this.vars = vars;
        this.evidence = evidence;
        this.measures = measures;
        this.hosts = new HostFiles(estate);
    }

    void mount(Step.Mount m) {
        if (m.bucket() != null) {
            hosts.mountBucket(m.site(), m.bucket(), m.path());
        } else {
            hosts.mount(m.site(), m.volume(), m.path());
        }
    }

    void etcdctl(Step.Etcdctl e) {
        EtcdEmulator etcd = estate.sim().estate().etcd();
        try {
            if (e.command() instanceof AdminCommand.Save save) {
                SimCluster c = estate.cluster(e.cluster());
                if (!estate.reachable(c)) {
                    throw new StepFailure("etcdctl snapshot save: the control-plane host of " + c.name() + " at site "
                            + c.site() + " is down with its site", "save while the cluster runs (a backup schedule)");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                SavedSnapshot saved = etcd.port(c.apiServer(), c.site()).save(out);
                hosts.write(c.site(), save.file(), out.toByteArray());
                evidence.saved(saved.status(), EtcdEmulator.keys(out.toByteArray()));
            } else if (e.command() instanceof AdminCommand.Status status) {
                etcd.port(e.site()).status(new ByteArrayInputStream(hosts.read(e.site(), status.file())));
            } else if (e.command() instanceof AdminCommand.Restore r) {
                byte[] file = hosts.read(e.site(), r.file());
                var member = etcd.port(e.site()).restore(new ByteArrayInputStream(file),
                        new RestoreRequest(r.dataDir(), r.name(), r.peerUrls(), r.token()));
                restored.put(e.site() + ":" + r.dataDir(), member.snapshot());
            }
        } catch (EtcdException x) {
            throw new StepFailure("Error: " + x.getMessage() + " (" + x.reason() + ")", e.command().line());
        } catch (UnreachableException x) {
            throw new StepFailure("Error: context deadline exceeded: " + x.getMessage(), e.command().line());
        }
    }

    /**
     * {@code kubeadm init}: refused, as kubeadm's preflight refuses a non-empty {@code /var/lib/etcd} unless told to
     * ignore it; and refused when there is nothing restored there, since kubeadm would then bring up an empty
     * cluster without Trident's objects (the seed's wrong order).
     */
    void kubeadm(Step.Kubeadm k) {
        String dataDir = AdminCommand.KubeadmInit.ETCD_DATA_DIR;
        if (!estate.world().network().isSiteUp(k.site())) {
            throw new StepFailure("the host at site " + k.site() + " is down with its site", "run it at a site that"
                    + " is up");
        }
        if (!estate.sim().estate().etcd().hasDataDir(k.site(), dataDir)) {
            throw new StepFailure("kubeadm init at site " + k.site() + " finds no restored etcd data in " + dataDir
                    + ": it would bring up an empty cluster " + k.cluster() + " without Trident's CRDs and objects",
                    "first mount the volume holding the etcd snapshot and run etcdctl snapshot restore <file>"
                            + " --data-dir " + dataDir + " --name " + k.cluster() + " on a host at " + k.site());
        }
        if (!k.command().ignoreEtcdDir()) {
            throw new StepFailure("[preflight] Some fatal errors occurred: [ERROR DirAvailable--var-lib-etcd]: "
                    + dataDir + " is not empty", "add --ignore-preflight-errors=DirAvailable--var-lib-etcd to bring"
                    + " the cluster up over the restored data");
        }
        String node = k.command().nodeName() != null ? k.command().nodeName() : k.cluster();
        if (!node.equals(k.cluster())) {
            throw new StepFailure("node name " + node + " is not " + k.cluster() + ": the restored cluster's node"
                    + " hostnames must be the same as the source cluster's", "use --node-name " + k.cluster());
        }
        SimCluster rebuilt;
        try {
            rebuilt = estate.sim().rebuild(k.cluster(), k.site(), dataDir);
        } catch (SimulationException refused) {
            throw new StepFailure("kubeadm init: " + refused.getMessage(), k.command().line());
        }
        measures.recoveredInPlace(k.cluster());
        evidence.rebuilt(k.cluster(), restored.get(k.site() + ":" + dataDir),
                EtcdEmulator.keys(rebuilt.apiServer()));
    }

    void element(Step.Element e) {
        ElementPort port = estate.sim().estate().element().port(e.cluster(),
                estate.sim().estate().element().cluster(e.cluster()).site());
        JsonNode p;
        try {
            p = JSON.readTree(vars.render(e.params().toString()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new StepFailure("xInvalidJSONRPCRequest: the params do not render to JSON", x.getOriginalMessage());
        }
        try {
            Long saved = switch (e.method()) {
                case "CreateSnapshot" -> port.createSnapshot(id(p, "volumeID"), text(p, "name"), text(p, "retention"))
                        .snapshotID();
                case "ListSnapshots" -> {
                    List<SnapshotRecord> all = port.listSnapshots(p.has("volumeID") ? id(p, "volumeID") : null);
                    yield all.isEmpty() ? null : all.get(all.size() - 1).snapshotID();
                }
                case "DeleteSnapshot" -> {
                    port.deleteSnapshot(id(p, "snapshotID"));
                    yield null;
                }
                case "RollbackToSnapshot" -> {
                    OptionalLong kept = port.rollbackToSnapshot(id(p, "volumeID"), id(p, "snapshotID"),
                            p.path("saveCurrentState").asBoolean(false), text(p, "name"));
                    elementUsers.getOrDefault(e.cluster(), Set.of()).forEach(measures::recoveredInPlace);
                    yield kept.isPresent() ? kept.getAsLong() : null;
                }
                case "CreateSchedule" -> port.createSchedule(schedule(p));
                case "ModifySchedule" -> {
                    port.modifySchedule(new ScheduleModify(id(p, "scheduleID"),
                            p.has("paused") ? p.get("paused").asBoolean() : null,
                            p.has("hours") ? p.get("hours").asInt() : null,
                            p.has("minutes") ? p.get("minutes").asInt() : null, null,
                            p.has("toBeDeleted") ? p.get("toBeDeleted").asBoolean() : null));
                    yield null;
                }
                case "ListSchedules" -> {
                    port.listSchedules();
                    yield null;
                }
                default -> {
                    port.listVolumes();
                    yield null;
                }
            };
            if (e.saveAs() != null) {
                if (saved == null) {
                    throw new StepFailure(e.method() + " returned no ID to keep in " + e.saveAs(),
                            "keep an ID from CreateSnapshot, ListSnapshots (with snapshots), CreateSchedule or a"
                                    + " RollbackToSnapshot with saveCurrentState");
                }
                vars.set(e.saveAs(), Long.toString(saved));
            }
        } catch (ElementException x) {
            throw new StepFailure(x.name() + ": " + x.getMessage(), e.method() + " " + p);
        } catch (UnreachableException x) {
            throw new StepFailure("Element cluster " + e.cluster() + " cannot be reached: " + x.getMessage(),
                    e.method() + " " + p);
        }
    }

    /** {@code CreateSchedule} of a snapshot schedule at a time interval, as the emulator models them. */
    private static ScheduleCreate schedule(JsonNode p) {
        if (!"Snapshot".equals(p.path("scheduleType").asText())) {
            throw new ElementException(500, "xInvalidParameter", "scheduleType must be Snapshot");
        }
        if (!"Time Interval".equals(p.path("attributes").path("frequency").asText())) {
            throw new ElementException(500, "xInvalidParameter", "attributes.frequency \""
                    + p.path("attributes").path("frequency").asText() + "\" is not modelled; use Time Interval");
        }
        JsonNode info = p.path("scheduleInfo");
        List<Long> volumes = new ArrayList<>();
        if (info.has("volumeID")) {
            volumes.add(info.get("volumeID").asLong());
        }
        info.path("volumes").forEach(v -> volumes.add(v.asLong()));
        String name = info.path("name").asText(p.path("scheduleName").asText());
        return new ScheduleCreate(p.path("scheduleName").asText(), p.path("hours").asInt(),
                p.path("minutes").asInt(), volumes, name, info.has("retention") ? info.get("retention").asText()
                : null, p.path("paused").asBoolean(false), null);
    }

    /** Overwrites the application's file with as many bytes of garbage, keeping its last newline. */
    void corrupt(Step.Corrupt c) {
        SimCluster cluster = estate.reachableCluster(c.cluster());
        String pod = cluster.api().list("v1", "Pod", c.namespace(), LabelSelector.everything()).stream()
                .map(Resources::toTree).filter(t -> t.path("metadata").path("name").asText()
                        .startsWith(c.deployment() + "-") && "Running".equals(t.path("status").path("phase").asText()))
                .map(t -> t.path("metadata").path("name").asText()).findFirst().orElseThrow(() -> new StepFailure(
                        "no running pod of " + c.namespace() + "/" + c.deployment() + " on " + c.cluster(),
                        "corrupt the data of an application that runs"));
        var io = cluster.simulator().workloads();
        try {
            long size = io.size(c.namespace(), pod, c.mount(), c.file());
            byte[] garbage = new byte[(int) size];
            Arrays.fill(garbage, (byte) '#');
            if (size > 0) {
                garbage[(int) size - 1] = '\n';
            }
            io.write(c.namespace(), pod, c.mount(), c.file(), 0, garbage);
            // the corruption is the incident: RPO and RTO are measured from it
            measures.start(estate.world().now(), estate.world().trace().size(), "disaster: " + c.describe());
        } catch (WorkloadIoException x) {
            throw new StepFailure("cannot corrupt " + c.file() + ": " + x.getMessage(), c.describe());
        }
    }

    private static long id(JsonNode p, String key) {
        JsonNode v = p.path(key);
        if (!v.canConvertToLong() && !(v.isTextual() && v.asText().matches("\\d+"))) {
            throw new ElementException(500, "xInvalidParameterType", key + " must be an integer, not " + v);
        }
        return v.asLong();
    }

    private static String text(JsonNode p, String key) {
        return p.has(key) && !p.get(key).isNull() ? p.get(key).asText() : null;
    }
}
