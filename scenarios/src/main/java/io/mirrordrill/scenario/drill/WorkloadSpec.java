package io.mirrordrill.scenario.drill;

import java.time.Duration;
import java.util.List;

/**
 * An application writer: {@code rate} numbered records a second of {@code recordSize} bytes each, into {@code file}
 * under the mounts of a Deployment's running pod, round-robin over the mounts. Records are appended in groups every
 * {@code batch} (the app's commit interval); a record is written when its group is accepted.
 */
public record WorkloadSpec(String name, String cluster, String namespace, String deployment, List<String> mounts,
                           String file, double rate, int recordSize, Duration batch) {
    public WorkloadSpec {
        mounts = List.copyOf(mounts);
    }

    public String describe() {
        return name + " on " + cluster + ":" + namespace + "/" + deployment + " " + mounts + "/" + file + " at "
                + rate + "/s";
    }
}
