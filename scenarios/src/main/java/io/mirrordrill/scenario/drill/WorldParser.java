package io.mirrordrill.scenario.drill;

import io.mirrordrill.engine.EngineSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The {@code world} section. */
final class WorldParser {
    private WorldParser() {
    }

    /** The fields of a world mapping. */
    static final Set<String> FIELDS = Set.of("sites", "links", "ontap", "peers", "objectStores", "kubernetes",
            "element", "volumes");

    static WorldSpec parse(Node w) {
        w.requireObject("world").allowOnly(FIELDS);
        List<WorldSpec.Link> links = new ArrayList<>();
        for (Node l : w.list("links")) {
            l.requireObject("a link").allowOnly(Set.of("between", "latency", "bandwidth"));
            List<String> between = l.texts("between");
            if (between.size() != 2) {
                l.problem("between", "a link joins exactly two sites", "write between: [siteA, siteB]");
                between = List.of("?", "?");
            }
            links.add(new WorldSpec.Link(between.get(0), between.get(1),
                    l.duration("latency", Duration.ofMillis(1), false),
                    l.parsed("bandwidth", 100_000_000L, false, Units::bandwidth, "a bandwidth",
                            "write bytes per second such as 100MB/s, 1Gbit/s or 12500000")));
        }
        List<WorldSpec.Ontap> ontap = new ArrayList<>();
        for (Node o : w.list("ontap")) {
            o.requireObject("an ONTAP cluster").allowOnly(Set.of("name", "site", "svms"));
            ontap.add(new WorldSpec.Ontap(o.text("name"), o.text("site"), o.texts("svms")));
        }
        List<WorldSpec.Peer> peers = new ArrayList<>();
        for (Node p : w.list("peers")) {
            p.requireObject("an SVM peering").allowOnly(Set.of("svm", "peer"));
            String[] a = qualified(p, "svm");
            String[] b = qualified(p, "peer");
            peers.add(new WorldSpec.Peer(a[0], a[1], b[0], b[1]));
        }
        Map<String, At> where = new TreeMap<>();
        where.put("sites", new At(w.source(), w.get("sites").line(), w.get("sites").path()));
        for (String section : List.of("links", "ontap", "peers", "objectStores", "kubernetes", "element",
                "volumes")) {
            List<Node> items = w.list(section);
            for (int i = 0; i < items.size(); i++) {
                where.put(section + "[" + i + "]", new At(w.source(), items.get(i).line(), items.get(i).path()));
            }
        }
        return new WorldSpec(w.texts("sites"), links, ontap, peers, stores(w), kubernetes(w), where, element(w),
                volumes(w));
    }

    private static List<WorldSpec.Element> element(Node w) {
        List<WorldSpec.Element> clusters = new ArrayList<>();
        for (Node e : w.list("element")) {
            e.requireObject("an Element cluster").allowOnly(Set.of("name", "site"));
            clusters.add(new WorldSpec.Element(e.text("name"), e.text("site")));
        }
        return clusters;
    }

    private static List<WorldSpec.Volume> volumes(Node w) {
        List<WorldSpec.Volume> volumes = new ArrayList<>();
        for (Node v : w.list("volumes")) {
            v.requireObject("an ONTAP volume").allowOnly(Set.of("name", "svm", "size", "mirrorOf", "schedule"));
            String[] svm = qualified(v, "svm");
            String mirrorOf = v.text("mirrorOf", null, false);
            if (mirrorOf != null && mirrorOf.split("/").length != 3) {
                v.problem("mirrorOf", "\"" + mirrorOf + "\" does not name a volume as ONTAP-CLUSTER/SVM/VOLUME",
                        "write e.g. mirrorOf: ontap-east/svm-east/etcd_backup");
            }
            String schedule = v.text("schedule", null, false);
            if (schedule != null && mirrorOf == null) {
                v.problem("schedule", "only a mirror has a SnapMirror schedule", "add mirrorOf, or remove schedule");
            }
            volumes.add(new WorldSpec.Volume(svm[0], svm[1], v.text("name"), v.parsed("size", 1L << 30, false,
                    Units::bytes, "a size", "write e.g. size: 1GiB"), mirrorOf, schedule));
        }
        return volumes;
    }

    private static List<WorldSpec.ObjectStore> stores(Node w) {
        List<WorldSpec.ObjectStore> stores = new ArrayList<>();
        for (Node s : w.list("objectStores")) {
            s.requireObject("an object store").allowOnly(Set.of("host", "site", "buckets", "credentials"));
            Node c = s.get("credentials").requireObject("credentials")
                    .allowOnly(Set.of("accessKeyID", "secretAccessKey"));
            stores.add(new WorldSpec.ObjectStore(s.text("host"), s.text("site"), s.texts("buckets"),
                    c.text("accessKeyID"), c.text("secretAccessKey")));
        }
        return stores;
    }

    private static List<WorldSpec.Kubernetes> kubernetes(Node w) {
        List<WorldSpec.Kubernetes> clusters = new ArrayList<>();
        for (Node k : w.list("kubernetes")) {
            k.requireObject("a Kubernetes cluster").allowOnly(Set.of("name", "site", "backends", "storageClasses",
                    "namespaces", "environment", "helmValues"));
            List<WorldSpec.Backend> backends = new ArrayList<>();
            for (Node b : k.list("backends")) {
                b.requireObject("a Trident backend");
                if ("solidfire-san".equals(b.text("storageDriverName", "ontap-nas", false))) {
                    b.allowOnly(Set.of("name", "storageDriverName", "element", "tenantName"));
                    backends.add(new WorldSpec.Backend(b.text("name"), null, null, b.text("element"),
                            b.text("tenantName")));
                    continue;
                }
                b.allowOnly(Set.of("name", "storageDriverName", "ontap", "svm"));
                String driver = b.text("storageDriverName", "ontap-nas", false);
                if (driver != null && !driver.equals("ontap-nas")) {
                    b.problem("storageDriverName", "driver \"" + driver + "\" is not modelled",
                            "write storageDriverName: ontap-nas (the default) or solidfire-san");
                }
                backends.add(new WorldSpec.Backend(b.text("name"), b.text("ontap"), b.text("svm")));
            }
            List<WorldSpec.StorageClass> classes = new ArrayList<>();
            for (Node c : k.list("storageClasses")) {
                c.requireObject("a storage class").allowOnly(Set.of("name", "backend", "default"));
                classes.add(new WorldSpec.StorageClass(c.text("name"), c.text("backend"), c.bool("default", false)));
            }
            k.get("helmValues").allowOnly(EngineSettings.HELM_VALUES);
            clusters.add(new WorldSpec.Kubernetes(k.text("name"), k.text("site"), backends, classes,
                    k.texts("namespaces"), k.textMap("environment"), k.textMap("helmValues")));
        }
        return clusters;
    }

    /** {@code cluster/svm}. */
    private static String[] qualified(Node p, String key) {
        String text = p.text(key, "?/?", true);
        String[] parts = text.split("/");
        if (parts.length != 2) {
            p.problem(key, "\"" + text + "\" does not name an SVM as ONTAP-CLUSTER/SVM", "write e.g. ontap-east/svm-east");
            return new String[] {"?", "?"};
        }
        return parts;
    }
}
