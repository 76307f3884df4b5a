package io.mirrordrill.scenario.runner;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.emulator.s3.S3Store;
import io.mirrordrill.engine.EnginePorts;
import io.mirrordrill.engine.EngineSettings;
import io.mirrordrill.engine.ProtectEngine;
import io.mirrordrill.port.kubernetes.LabelSelector;
import io.mirrordrill.scenario.ScenarioException;
import io.mirrordrill.scenario.drill.WorldSpec;
import io.mirrordrill.scenario.secret.Redactor;
import io.mirrordrill.scenario.world.SimCluster;
import io.mirrordrill.scenario.world.SimWorld;
import io.mirrordrill.sim.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The world a drill built: the simulated estate and the secret values no output may show. */
public final class Estate {
    private final SimWorld sim;
    private final Redactor redactor = new Redactor();
    private final Map<String, EngineSettings> settings = new TreeMap<>();
    /** What ONTAP refused of the engines' calls: evidence for the invariants. */
    final EngineCalls calls;

    private Estate(SimWorld sim) {
        this.sim = sim;
        this.calls = new EngineCalls(sim.world());
    }

    /** Builds the world of a drill; ONTAP peering takes the simulated time its jobs take. */
    public static Estate build(WorldSpec spec, long seed, RunOptions options) {
        Estate e = new Estate(new SimWorld(seed));
        SimWorld w = e.sim;
        spec.sites().forEach(w::site);
        spec.links().forEach(l -> w.link(l.a(), l.b(), l.latency(), l.bandwidth()));
        for (WorldSpec.Ontap o : spec.ontap()) {
            w.ontapCluster(o.name(), o.site());
            o.svms().forEach(s -> w.svm(o.name(), s));
        }
        spec.peers().forEach(p -> w.peer(p.cluster(), p.svm(), p.peerCluster(), p.peerSvm()));
        spec.element().forEach(el -> w.estate().elementCluster(el.name(), el.site()));
        spec.volumes().forEach(v -> w.volume(v.cluster(), v.svm(), v.name(), v.size(), v.mirrorOf(), v.schedule()));
        for (WorldSpec.ObjectStore s : spec.objectStores()) {
            s.buckets().forEach(b -> w.objectStore(s.host(), s.site(), b, s.accessKeyId(), s.secretAccessKey()));
            e.redactor.learnCredential(s.secretAccessKey());
        }
        for (WorldSpec.Kubernetes k : spec.kubernetes()) {
            EngineSettings engineSettings = new EngineSettings(k.environment(), k.helmValues());
            UnaryOperator<EnginePorts> decorate = options.enginePorts().apply(k.name());
            UnaryOperator<EnginePorts> watched = e.calls.watch(k.name());
            SimCluster c = w.kubernetes(k.name(), k.site(), engineSettings,
                    ports -> decorate.apply(watched.apply(ports)), !options.withoutEngine().contains(k.name()));
            k.backends().forEach(b -> {
                if (b.isElement()) {
                    c.elementBackend(b.name(), b.element(), b.tenantName());
                } else {
                    c.backend(b.name(), b.ontap(), b.svm());
                }
            });
            k.storageClasses().forEach(sc -> c.storageClass(sc.name(), sc.backend(), sc.isDefault()));
            k.namespaces().forEach(c::namespace);
            e.settings.put(k.name(), engineSettings);
        }
        return e;
    }

    public SimWorld sim() {
        return sim;
    }

    public World world() {
        return sim.world();
    }

    public SimCluster cluster(String name) {
        return sim.cluster(name);
    }

    public List<SimCluster> clusters() {
        return sim.clusters();
    }

    public S3Store store(String host) {
        return sim.store(host);
    }

    /** Whether the cluster's API can be reached (its site is up). */
    public boolean reachable(SimCluster cluster) {
        return world().network().isSiteUp(cluster.site());
    }

    public SimCluster reachableCluster(String name) {
        SimCluster c = cluster(name);
        if (!reachable(c)) {
            throw new ScenarioException("cluster " + name + " cannot be reached: site " + c.site() + " is down");
        }
        return c;
    }

    /** Restarts a cluster's protect engine after a crash (the stand-ins stay as they are). */
    public ProtectEngine restartEngine(String cluster) {
        return cluster(cluster).restartEngine();
    }

    /** The protect controller's configuration on a cluster (its restore skip lists). */
    public EngineSettings settings(String cluster) {
        return settings.getOrDefault(cluster, EngineSettings.DEFAULT);
    }

    /** The secret values known so far (sorted); see {@link Redactor} for what counts. */
    public Set<String> secrets() {
        return redactor.secrets();
    }

    /** What every output of this run goes through. */
    public Redactor redactor() {
        return redactor;
    }

    /** A secret value seen in an applied Secret; too short a value (a flag) would match everywhere and is ignored. */
    public void addSecret(String value) {
        redactor.learn(value);
    }

    /**
     * Learns the values of every Secret now in a reachable cluster: those the drill applied are known already, this
     * finds the ones created since (a restore's copies, a patch, a client of a served cluster).
     */
    public void learnClusterSecrets() {
        for (SimCluster c : clusters()) {
            if (!reachable(c)) {
                continue;
            }
            for (GenericKubernetesResource s : c.api().list("v1", "Secret", null, LabelSelector.everything())) {
                if (s.get("data") instanceof Map<?, ?> data) {
                    data.values().forEach(v -> {
                        if (v != null) {
                            redactor.learnBase64(v.toString());
                        }
                    });
                }
            }
        }
    }
}
