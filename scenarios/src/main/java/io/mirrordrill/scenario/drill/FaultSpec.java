package io.mirrordrill.scenario.drill;

import java.time.Duration;

/** A fault a drill injects or heals. */
public sealed interface FaultSpec {
    String describe();

    record SiteDown(String site) implements FaultSpec {
        public String describe() {
            return "site " + site + " down";
        }
    }

    record SiteUp(String site) implements FaultSpec {
        public String describe() {
            return "site " + site + " up";
        }
    }

    record Partition(String a, String b) implements FaultSpec {
        public String describe() {
            return "partition " + a + " " + b;
        }
    }

    record Heal(String a, String b) implements FaultSpec {
        public String describe() {
            return "heal " + a + " " + b;
        }
    }

    record Degrade(String a, String b, Duration latency, long bandwidth) implements FaultSpec {
        public String describe() {
            return "degrade " + a + " " + b + " latency " + Units.format(latency) + " bandwidth " + bandwidth + " B/s";
        }
    }

    record BucketOutage(String host, String bucket) implements FaultSpec {
        public String describe() {
            return "bucket " + host + "/" + bucket + " outage";
        }
    }

    record BucketRestore(String host, String bucket) implements FaultSpec {
        public String describe() {
            return "bucket " + host + "/" + bucket + " restored";
        }
    }

    /**
     * The protect controller dies: at once ({@code afterCalls} 0, between simulation events), or right after its
     * {@code afterCalls}-th port call from the fault on, wherever that falls (inside an archive write, between the
     * volumes of one step).
     */
    record EngineCrash(String cluster, long afterCalls) implements FaultSpec {
        public EngineCrash(String cluster) {
            this(cluster, 0);
        }

        public String describe() {
            return "protect controller of " + cluster + (afterCalls == 0 ? " crashed"
                    : " crashes after its next " + afterCalls + " port call" + (afterCalls == 1 ? "" : "s"));
        }
    }

    record EngineRestart(String cluster) implements FaultSpec {
        public String describe() {
            return "protect controller of " + cluster + " restarted";
        }
    }

    /** The records files of a workload's application corrupted (every record in them unreadable). */
    record Corrupt(String workload) implements FaultSpec {
        public String describe() {
            return "data of workload " + workload + " corrupted";
        }
    }
}
