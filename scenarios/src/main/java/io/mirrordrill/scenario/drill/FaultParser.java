package io.mirrordrill.scenario.drill;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code fault: {siteDown: east, after: 30s, disaster: true}} and the other kinds. */
final class FaultParser {
    static final Set<String> KINDS = new TreeSet<>(Set.of("siteDown", "siteUp", "partition", "heal", "degrade",
            "bucketOutage", "bucketRestore", "engineCrash", "engineRestart", "corrupt"));

    private FaultParser() {
    }

    static Step.Fault fault(At at, Node n) {
        n.requireObject("fault").allowOnly(union(KINDS, Set.of("after", "disaster", "latency", "bandwidth",
                "afterCalls")));
        List<String> kinds = n.keys().stream().filter(KINDS::contains).toList();
        if (kinds.size() != 1) {
            n.problem("a fault names exactly one of " + KINDS + (kinds.isEmpty() ? "" : ", found " + kinds),
                    "write e.g. fault: {siteDown: east}");
            return new Step.Fault(at, new FaultSpec.SiteDown("?"), Duration.ZERO, false);
        }
        Duration after = n.duration("after", Duration.ZERO, false);
        if (after.isNegative()) {
            n.problem("after", "a fault cannot strike in the past", "write a delay of 0s or more");
        }
        String kind = kinds.get(0);
        if (n.has("afterCalls") && !kind.equals("engineCrash")) {
            n.problem("afterCalls", "only an engineCrash strikes after a number of port calls",
                    "remove afterCalls, or use it with engineCrash");
        }
        FaultSpec spec = switch (kind) {
            case "siteDown" -> new FaultSpec.SiteDown(n.text(kind));
            case "siteUp" -> new FaultSpec.SiteUp(n.text(kind));
            case "partition" -> pair(n, kind, (a, b) -> new FaultSpec.Partition(a, b));
            case "heal" -> pair(n, kind, (a, b) -> new FaultSpec.Heal(a, b));
            case "degrade" -> pair(n, kind, (a, b) -> new FaultSpec.Degrade(a, b,
                    n.duration("latency", Duration.ofMillis(10), false), n.parsed("bandwidth", 1_000_000L, true,
                    Units::bandwidth, "a bandwidth", "write e.g. bandwidth: 1MB/s")));
            case "bucketOutage" -> bucket(n, kind, true);
            case "bucketRestore" -> bucket(n, kind, false);
            case "engineCrash" -> new FaultSpec.EngineCrash(n.text(kind), afterCalls(n));
            case "corrupt" -> new FaultSpec.Corrupt(n.text(kind));
            default -> new FaultSpec.EngineRestart(n.text(kind));
        };
        return new Step.Fault(at, spec, after, n.bool("disaster", false));
    }

    /** {@code afterCalls: N} of an engine crash: a whole number of port calls, 1 or more (absent: at once). */
    private static long afterCalls(Node n) {
        if (!n.has("afterCalls")) {
            return 0;
        }
        long calls = n.number("afterCalls", 1);
        if (calls < 1) {
            n.problem("afterCalls", "a crash strikes after at least one port call", "write afterCalls: 1 or more,"
                    + " or leave it out for a crash at once");
        }
        return Math.max(calls, 0);
    }

    private interface Pair {
        FaultSpec of(String a, String b);
    }

    private static FaultSpec pair(Node n, String kind, Pair make) {
        List<String> sites = n.texts(kind);
        if (sites.size() != 2) {
            n.problem(kind, kind + " names two sites", "write " + kind + ": [east, west]");
            return make.of("?", "?");
        }
        return make.of(sites.get(0), sites.get(1));
    }

    private static FaultSpec bucket(Node n, String kind, boolean outage) {
        String text = n.text(kind, "?/?", true);
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            n.problem(kind, "\"" + text + "\" does not name a bucket as HOST/BUCKET", "write e.g. "
                    + kind + ": s3.east.example/trident-protect-src-bucket");
            return outage ? new FaultSpec.BucketOutage("?", "?") : new FaultSpec.BucketRestore("?", "?");
        }
        String host = text.substring(0, slash);
        String bucket = text.substring(slash + 1);
        return outage ? new FaultSpec.BucketOutage(host, bucket) : new FaultSpec.BucketRestore(host, bucket);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
