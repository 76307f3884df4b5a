package io.mirrordrill.sim;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Sites and the links between them. A site is a failure domain (a data centre); everything placed at a site is
 * reachable from another site only while both sites are up and the link between them is up. Within one site traffic
 * uses a fast local link.
 */
public final class Network {
    /** Bandwidth and latency of traffic inside one site. */
    public static final long LOCAL_BANDWIDTH = 10L * 1024 * 1024 * 1024;
    public static final Duration LOCAL_LATENCY = Duration.ofNanos(100_000);

    /** A link's current properties. */
    public static final class Link {
        private final String a;
        private final String b;
        private Duration latency;
        private long bandwidthBytesPerSecond;
        private boolean up = true;

        Link(String a, String b, Duration latency, long bandwidth) {
            this.a = a;
            this.b = b;
            this.latency = latency;
            this.bandwidthBytesPerSecond = bandwidth;
        }

        public String a() {
            return a;
        }

        public String b() {
            return b;
        }

        public Duration latency() {
            return latency;
        }

        public long bandwidth() {
            return bandwidthBytesPerSecond;
        }

        public boolean isUp() {
            return up;
        }
    }

    /** What changed, for subscribers such as in-flight transfers that must fail when their path breaks. */
    public record Change(String description) {}

    private final World world;
    private final Map<String, Boolean> sites = new TreeMap<>();
    private final Map<String, Link> links = new TreeMap<>();
    private final List<Consumer<Change>> listeners = new ArrayList<>();

    Network(World world) {
        this.world = world;
    }

    public Network site(String name) {
        if (sites.putIfAbsent(name, Boolean.TRUE) == null) {
            world.record("net", "site " + name + " added");
        }
        return this;
    }

    public boolean hasSite(String name) {
        return sites.containsKey(name);
    }

    public List<String> sites() {
        return List.copyOf(sites.keySet());
    }

    /** Declares (or redefines) the link between two sites. */
    public Network link(String a, String b, Duration latency, long bandwidthBytesPerSecond) {
        requireSite(a);
        requireSite(b);
        if (a.equals(b)) {
            throw new SimulationException("a link joins two different sites, got " + a + " twice");
        }
        if (bandwidthBytesPerSecond <= 0 || latency.isNegative()) {
            throw new SimulationException("link " + a + "<->" + b + " needs a positive bandwidth and a latency >= 0");
        }
        links.put(key(a, b), new Link(ordered(a, b)[0], ordered(a, b)[1], latency, bandwidthBytesPerSecond));
        world.record("net", "link " + key(a, b) + " latency=" + latency + " bandwidth=" + bandwidthBytesPerSecond);
        return this;
    }

    public boolean isSiteUp(String site) {
        return requireSite(site);
    }

    /** True when traffic can flow between the two sites now. */
    public boolean reachable(String from, String to) {
        if (!isSiteUp(from) || !isSiteUp(to)) {
            return false;
        }
        if (from.equals(to)) {
            return true;
        }
        Link link = links.get(key(from, to));
        return link != null && link.up;
    }

    /** Latency between two sites (local latency inside one site). */
    public Duration latency(String from, String to) {
        return from.equals(to) ? LOCAL_LATENCY : requireLink(from, to).latency;
    }

    /** Time to move {@code bytes} from one site to the other: latency plus size over bandwidth. */
    public Duration transferTime(String from, String to, long bytes) {
        long bandwidth = from.equals(to) ? LOCAL_BANDWIDTH : requireLink(from, to).bandwidthBytesPerSecond;
        long nanos = BigInteger.valueOf(bytes).multiply(BigInteger.valueOf(1_000_000_000L))
                .divide(BigInteger.valueOf(bandwidth)).longValueExact();
        return latency(from, to).plusNanos(nanos);
    }

    public Link link(String a, String b) {
        return requireLink(a, b);
    }

    // ---- faults -------------------------------------------------------------------------------------------------

    public void siteDown(String site) {
        setSite(site, false);
    }

    public void siteUp(String site) {
        setSite(site, true);
    }

    public void partition(String a, String b) {
        setLink(a, b, false);
    }

    public void heal(String a, String b) {
        setLink(a, b, true);
    }

    /** Changes a link's bandwidth and latency (a degraded WAN). */
    public void degrade(String a, String b, Duration latency, long bandwidthBytesPerSecond) {
        Link link = requireLink(a, b);
        link.latency = latency;
        link.bandwidthBytesPerSecond = bandwidthBytesPerSecond;
        changed("link " + key(a, b) + " degraded latency=" + latency + " bandwidth=" + bandwidthBytesPerSecond);
    }

    /** Subscribes to every topology change (site or link up/down, degrade). */
    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    private void setSite(String site, boolean up) {
        requireSite(site);
        if (sites.put(site, up) != up) {
            changed("site " + site + (up ? " up" : " down"));
        }
    }

    private void setLink(String a, String b, boolean up) {
        Link link = requireLink(a, b);
        if (link.up != up) {
            link.up = up;
            changed("link " + key(a, b) + (up ? " healed" : " partitioned"));
        }
    }

    private void changed(String description) {
        world.record("fault", description);
        Change change = new Change(description);
        for (Consumer<Change> listener : List.copyOf(listeners)) {
            listener.accept(change);
        }
    }

    private boolean requireSite(String site) {
        Boolean up = sites.get(site);
        if (up == null) {
            throw new SimulationException("unknown site '" + site + "'; known sites: " + sites.keySet());
        }
        return up;
    }

    private Link requireLink(String a, String b) {
        requireSite(a);
        requireSite(b);
        Link link = links.get(key(a, b));
        if (link == null) {
            throw new SimulationException("no link between sites " + a + " and " + b + "; declare one with link()");
        }
        return link;
    }

    private static String[] ordered(String a, String b) {
        return a.compareTo(b) <= 0 ? new String[] {a, b} : new String[] {b, a};
    }

    private static String key(String a, String b) {
        String[] o = ordered(a, b);
        return o[0] + "<->" + o[1];
    }
}
