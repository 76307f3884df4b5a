package io.mirrordrill.scenario.runner.standin;

import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.ProtectEngine;
import io.mirrordrill.engine.controller.Backoff;
import io.mirrordrill.engine.controller.Controller;
import io.mirrordrill.engine.controller.Reconciler;
import io.mirrordrill.engine.controller.ResourceKey;
import io.mirrordrill.engine.port.kubernetes.LabelSelector;
import io.mirrordrill.engine.port.kubernetes.Watch;
import io.mirrordrill.scenario.world.SimCluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The source-side controllers (Schedule, Snapshot, ShutdownSnapshot) for a cluster whose protect engine does not run
 * them yet. Drills apply the real CR files either way; when the engine gains a kind, its own controller takes over
 * and the stand-in for that kind is not installed. Stand-ins are not subject to engine crash faults.
 */
public final class SourceStandIn {
    public static final List<String> KINDS = List.of("Schedule", "Snapshot", "ShutdownSnapshot");

    private final List<Controller> controllers = new ArrayList<>();
    private final List<Watch> watches = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();

    private SourceStandIn() {
    }

    /** Installs a stand-in for each source kind the cluster's engine lacks; the kinds stood in for. */
    public static SourceStandIn install(SimCluster cluster) {
        SourceStandIn standIn = new SourceStandIn();
        List<String> engineKinds = cluster.engine().kinds();
        EnginePorts ports = cluster.engine().ports();
        for (String kind : KINDS) {
            if (!engineKinds.contains(kind)) {
                Reconciler r = kind.equals("Schedule") ? new ScheduleRunner(ports) : new SnapshotTaker(ports, kind);
                standIn.register(cluster.name(), kind, r, ports);
            }
        }
        return standIn;
    }

    /** The kinds this cluster's stand-in runs, e.g. for a drill report's notes. */
    public List<String> kinds() {
        return List.copyOf(kinds);
    }

    private void register(String cluster, String kind, Reconciler reconciler, EnginePorts ports) {
        Controller c = new Controller(cluster + "/stand-in/" + kind, reconciler, ports.scheduler(), Backoff.DEFAULT);
        controllers.add(c);
        kinds.add(kind);
        watches.add(ports.kubernetes().watch(ProtectEngine.GROUP_VERSION, kind, null, LabelSelector.everything(), null,
                e -> c.enqueue(new ResourceKey(kind, e.object().getMetadata().getNamespace(),
                        e.object().getMetadata().getName()))));
    }

    public void stop() {
        watches.forEach(Watch::close);
        controllers.forEach(Controller::stop);
    }
}
