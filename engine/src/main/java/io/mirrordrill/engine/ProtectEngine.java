package io.mirrordrill.engine;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.engine.amr.AmrReconciler;
import io.mirrordrill.engine.amr.AmrEvents;
import io.mirrordrill.engine.application.ApplicationReconciler;
import io.mirrordrill.engine.hooks.ExecHooksRunReconciler;
import io.mirrordrill.engine.appvault.AppVaultReconciler;
import io.mirrordrill.runtime.Backoff;
import io.mirrordrill.runtime.Controller;
import io.mirrordrill.runtime.EventRecorder;
import io.mirrordrill.runtime.Reconciler;
import io.mirrordrill.runtime.ResourceKey;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.port.kubernetes.Watch;
import io.mirrordrill.port.kubernetes.WatchEvent;
import io.mirrordrill.engine.controller.ProtectController;
import io.mirrordrill.engine.controller.ProtectReconciler;
import io.mirrordrill.engine.model.AppMirrorRelationshipStatus;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.Conditioned;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.restore.SnapshotRestoreReconciler;
import io.mirrordrill.engine.schedule.ScheduleReconciler;
import io.mirrordrill.engine.snapshot.SnapshotReconciler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One engine instance: the Trident protect controller manager of one Kubernetes cluster. It registers a controller
 * per custom-resource kind, feeds each from a watch, and can be stopped (a crash) and started again: all state that
 * matters lives in the cluster and the storage, so a new instance picks up where the old one was.
 */
public final class ProtectEngine {
    public static final String GROUP_VERSION = "protect.trident.netapp.io/v1";
    /** The component the engine's Events name as their source, as Trident protect's controller does. */
    public static final String EVENT_SOURCE = "trident-protect";

    private final String name;
    private final EnginePorts ports;
    private final EngineSettings settings;
    private final List<Controller> controllers = new ArrayList<>();
    private final List<Watch> watches = new ArrayList<>();
    private final List<Consumer<Controller.Event>> listeners = new ArrayList<>();
    private boolean running;

    public ProtectEngine(String name, EnginePorts ports, EngineSettings settings) {
        this.name = name;
        this.ports = ports;
        this.settings = settings;
    }

    public String name() {
        return name;
    }

    public EnginePorts ports() {
        return ports;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** Receives every reconcile outcome (for traces, drill reports and tests). */
    public void onEvent(Consumer<Controller.Event> listener) {
        listeners.add(listener);
    }

    /** Starts every controller; a no-op when running. */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        // one recorder for every controller of this instance, so repeats aggregate across them
        EventRecorder events = new EventRecorder(ports.kubernetes(), ports.clock(), EVENT_SOURCE, name);
        register("AppVault", controller(new AppVaultReconciler(ports.kubernetes(), ports.objectStores())));
        // the source side of a replication pair
        register("Application", controller(new ApplicationReconciler(ports.kubernetes())));
        register("Snapshot", SnapshotReconciler.snapshots(ports, events));
        register("ShutdownSnapshot", SnapshotReconciler.shutdownSnapshots(ports, events));
        register("Schedule", controller(new ScheduleReconciler(ports.kubernetes(), ports.clock(), events)));
        register("SnapshotRestore", controller(new SnapshotRestoreReconciler(ports, settings)));
        register("ExecHooksRun", controller(new ExecHooksRunReconciler(ports, events)), true);
        // the destination side
        ProtectController<AppMirrorRelationship, AppMirrorRelationshipStatus> amr =
                controller(new AmrReconciler(ports, settings, events));
        amr.onStatusChange(new AmrEvents(events));
        register("AppMirrorRelationship", amr, true);
    }

    /** A kind's decisions inside the runtime that owns its finalizer, deletion, status writes and errors. */
    private <R extends ProtectResource<?, T>, T extends Conditioned<T>> ProtectController<R, T> controller(
            ProtectReconciler<R, T> reconciler) {
        return new ProtectController<>(ports.kubernetes(), ports.clock(), reconciler);
    }

    /** Stops every controller and watch: what a crash of the controller manager leaves behind. */
    public void stop() {
        watches.forEach(Watch::close);
        watches.clear();
        controllers.forEach(Controller::stop);
        controllers.clear();
        running = false;
    }

    public boolean isRunning() {
        return running;
    }

    /** The protect kinds this engine runs a controller for while running, in registration order. */
    public List<String> kinds() {
        return controllers.stream().map(c -> c.name().substring(name.length() + 1)).toList();
    }

    /** A controller for one protect kind, fed by a watch on that kind in all namespaces. */
    void register(String kind, Reconciler reconciler) {
        register(kind, reconciler, false);
    }

    /**
     * With {@code generationOnly}, updates that leave {@code metadata.generation} unchanged (status writes, label
     * edits) do not trigger a reconcile, as controller-runtime's GenerationChangedPredicate: for controllers that
     * requeue after every status write they make, so their own writes do not wake them a second time.
     */
    void register(String kind, Reconciler reconciler, boolean generationOnly) {
        Controller controller = new Controller(name + "/" + kind, reconciler, ports.scheduler(), Backoff.DEFAULT);
        controller.onEvent(e -> listeners.forEach(l -> l.accept(e)));
        controllers.add(controller);
        Map<ResourceKey, Long> generations = new TreeMap<>();
        watches.add(ports.kubernetes().watch(GROUP_VERSION, kind, null, LabelSelector.everything(), null, event -> {
            ResourceKey key = key(event.object());
            Long generation = event.object().getMetadata().getGeneration();
            boolean changed = event.type() != WatchEvent.Type.MODIFIED
                    || !java.util.Objects.equals(generations.get(key), generation);
            if (event.type() == WatchEvent.Type.DELETED) {
                generations.remove(key);
            } else {
                generations.put(key, generation);
            }
            if (!generationOnly || changed) {
                controller.enqueue(key);
            }
        }));
    }

    private static ResourceKey key(GenericKubernetesResource o) {
        return new ResourceKey(o.getKind(), o.getMetadata().getNamespace(), o.getMetadata().getName());
    }
}
