package io.mirrordrill.scenario.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The names a world declares, and the checks that every reference inside the world resolves. */
final class WorldNames {
    private final WorldSpec world;
    private final Set<String> sites = new TreeSet<>();
    private final Set<String> ontap = new TreeSet<>();
    private final Set<String> svms = new TreeSet<>();
    private final Set<String> buckets = new TreeSet<>();
    private final Set<String> clusters = new TreeSet<>();
    private final List<Problem> problems = new ArrayList<>();

    WorldNames(WorldSpec world) {
        this.world = world;
        sites.addAll(world.sites());
        world.ontap().forEach(o -> {
            ontap.add(o.name());
            o.svms().forEach(s -> svms.add(o.name() + "/" + s));
        });
        world.objectStores().forEach(s -> s.buckets().forEach(b -> buckets.add(s.host() + "/" + b)));
        world.kubernetes().forEach(k -> clusters.add(k.name()));
    }

    /** The ONTAP clusters of the world, by name. */
    Set<String> ontapClusters() {
        return ontap;
    }

    Set<String> clusters() {
        return clusters;
    }

    /** The storage classes the world gives {@code cluster}, sorted; empty for an unknown cluster. */
    Set<String> storageClasses(String cluster) {
        Set<String> names = new TreeSet<>();
        world.kubernetes().stream().filter(k -> k.name().equals(cluster))
                .forEach(k -> k.storageClasses().forEach(c -> names.add(c.name())));
        return names;
    }

    List<Problem> check() {
        if (sites.isEmpty()) {
            add(world.at("sites", 0), "the world has no sites", "add sites: [east, west]");
        }
        for (int i = 0; i < world.links().size(); i++) {
            site(world.at("links", i), world.links().get(i).a());
            site(world.at("links", i), world.links().get(i).b());
        }
        Set<String> svmNames = new TreeSet<>();
        for (int i = 0; i < world.ontap().size(); i++) {
            WorldSpec.Ontap o = world.ontap().get(i);
            site(world.at("ontap", i), o.site());
            for (String s : o.svms()) {
                if (!svmNames.add(s)) {
                    add(world.at("ontap", i), "SVM name " + s + " is used twice", "SnapMirror needs unique SVM names");
                }
            }
        }
        for (int i = 0; i < world.peers().size(); i++) {
            WorldSpec.Peer p = world.peers().get(i);
            svm(world.at("peers", i), p.cluster(), p.svm());
            svm(world.at("peers", i), p.peerCluster(), p.peerSvm());
        }
        for (int i = 0; i < world.objectStores().size(); i++) {
            site(world.at("objectStores", i), world.objectStores().get(i).site());
        }
        for (int i = 0; i < world.element().size(); i++) {
            site(world.at("element", i), world.element().get(i).site());
        }
        for (int i = 0; i < world.volumes().size(); i++) {
            WorldSpec.Volume v = world.volumes().get(i);
            svm(world.at("volumes", i), v.cluster(), v.svm());
            if (v.mirrorOf() != null) {
                String[] src = v.mirrorOf().split("/");
                if (src.length == 3) {
                    svm(world.at("volumes", i), src[0], src[1]);
                }
            }
        }
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < world.kubernetes().size(); i++) {
            kubernetes(world.at("kubernetes", i), world.kubernetes().get(i), seen);
        }
        return problems;
    }

    private void kubernetes(At at, WorldSpec.Kubernetes k, Set<String> seen) {
        if (!seen.add(k.name())) {
            add(at, "cluster " + k.name() + " is declared twice", "rename one");
        }
        site(at, k.site());
        for (String ns : k.namespaces()) {
            NamespaceName.problem(ns).ifPresent(reason -> add(at, "cluster " + k.name() + ": " + reason,
                    NamespaceName.FIX));
        }
        Set<String> backends = new TreeSet<>();
        for (WorldSpec.Backend b : k.backends()) {
            backends.add(b.name());
            if (b.isElement()) {
                if (world.element().stream().noneMatch(e -> e.name().equals(b.element()))) {
                    add(at, "backend " + b.name() + " names Element cluster " + b.element()
                            + " which the world does not have", "add it under element: [{name: " + b.element()
                            + ", site: ...}]");
                }
            } else {
                svm(at, b.ontap(), b.svm());
            }
        }
        for (WorldSpec.StorageClass c : k.storageClasses()) {
            if (!backends.contains(c.backend())) {
                add(at, "storage class " + c.name() + " names backend " + c.backend() + " which cluster " + k.name()
                        + " does not have", "use one of " + backends);
            }
        }
    }

    /** The problem with a fault's target, if any. */
    Optional<Problem> fault(At at, FaultSpec f) {
        String missing = null;
        if (f instanceof FaultSpec.SiteDown d) {
            missing = sites.contains(d.site()) ? null : "site " + d.site();
        } else if (f instanceof FaultSpec.SiteUp u) {
            missing = sites.contains(u.site()) ? null : "site " + u.site();
        } else if (f instanceof FaultSpec.Partition p) {
            missing = sites.contains(p.a()) && sites.contains(p.b()) ? null : "site " + p.a() + " or " + p.b();
        } else if (f instanceof FaultSpec.Heal h) {
            missing = sites.contains(h.a()) && sites.contains(h.b()) ? null : "site " + h.a() + " or " + h.b();
        } else if (f instanceof FaultSpec.Degrade g) {
            missing = sites.contains(g.a()) && sites.contains(g.b()) ? null : "site " + g.a() + " or " + g.b();
        } else if (f instanceof FaultSpec.BucketOutage o) {
            missing = buckets.contains(o.host() + "/" + o.bucket()) ? null : "bucket " + o.host() + "/" + o.bucket();
        } else if (f instanceof FaultSpec.BucketRestore r) {
            missing = buckets.contains(r.host() + "/" + r.bucket()) ? null : "bucket " + r.host() + "/" + r.bucket();
        } else if (f instanceof FaultSpec.EngineCrash c) {
            missing = clusters.contains(c.cluster()) ? null : "cluster " + c.cluster();
        } else if (f instanceof FaultSpec.EngineRestart r) {
            missing = clusters.contains(r.cluster()) ? null : "cluster " + r.cluster();
        }
        return Optional.ofNullable(missing).map(m -> new Problem(at.source(), at.line(), at.path(),
                "the fault names " + m + ", which the world does not declare", "use one of sites " + sites
                + ", buckets " + buckets + ", clusters " + clusters));
    }

    private void site(At at, String site) {
        if (site != null && !sites.contains(site)) {
            add(at, "unknown site \"" + site + "\"", "declare it under world.sites " + sites);
        }
    }

    private void svm(At at, String cluster, String svm) {
        if (!ontap.contains(cluster)) {
            add(at, "unknown ONTAP cluster \"" + cluster + "\"", "use one of " + ontap);
        } else if (!svms.contains(cluster + "/" + svm)) {
            add(at, "ONTAP cluster " + cluster + " has no SVM \"" + svm + "\"", "add it to its svms");
        }
    }

    private void add(At at, String reason, String fix) {
        problems.add(new Problem(at.source(), at.line(), at.path(), reason, fix));
    }

    /** The problems with what a storage step names: sites, ONTAP volumes' SVMs, Element clusters. */
    List<Problem> storage(At at, Step s) {
        int before = problems.size();
        if (s instanceof Step.Mount m) {
            site(at, m.site());
            String[] v = m.volume() == null ? new String[0] : m.volume().split("/");
            if (v.length == 3) {
                svm(at, v[0], v[1]);
            }
            if (m.bucket() != null && m.bucket().split("/").length == 2 && !buckets.contains(m.bucket())) {
                add(at, "no bucket " + m.bucket() + " in the world's object stores", "use one of " + buckets);
            }
        } else if (s instanceof Step.Etcdctl e) {
            site(at, e.site());
        } else if (s instanceof Step.Kubeadm k) {
            site(at, k.site());
        } else if (s instanceof Step.Element e && e.cluster() != null
                && world.element().stream().noneMatch(c -> c.name().equals(e.cluster()))) {
            add(at, "no Element cluster \"" + e.cluster() + "\"", "declare it under world.element, e.g."
                    + " element: [{name: " + e.cluster() + ", site: ...}]");
        }
        List<Problem> found = new ArrayList<>(problems.subList(before, problems.size()));
        problems.subList(before, problems.size()).clear();
        return found;
    }
}
