package io.mirrordrill.sim;

import java.time.Duration;

/**
 * A scriptable fault. The network faults live here; emulators add their own (bucket outage, SVM stop, transfer
 * failure) by implementing this interface, so drills and the fuzzer schedule every kind of fault the same way.
 */
public interface Fault {
    /** A short, stable description for the trace, e.g. {@code "site A down"}. */
    String describe();

    void apply(World world);

    record SiteDown(String site) implements Fault {
        public String describe() {
            return "site " + site + " down";
        }

        public void apply(World world) {
            world.network().siteDown(site);
        }
    }

    record SiteUp(String site) implements Fault {
        public String describe() {
            return "site " + site + " up";
        }

        public void apply(World world) {
            world.network().siteUp(site);
        }
    }

    record Partition(String a, String b) implements Fault {
        public String describe() {
            return "partition " + a + " " + b;
        }

        public void apply(World world) {
            world.network().partition(a, b);
        }
    }

    record Heal(String a, String b) implements Fault {
        public String describe() {
            return "heal " + a + " " + b;
        }

        public void apply(World world) {
            world.network().heal(a, b);
        }
    }

    record Degrade(String a, String b, Duration latency, long bandwidthBytesPerSecond) implements Fault {
        public String describe() {
            return "degrade " + a + " " + b + " latency=" + latency + " bandwidth=" + bandwidthBytesPerSecond;
        }

        public void apply(World world) {
            world.network().degrade(a, b, latency, bandwidthBytesPerSecond);
        }
    }
}
