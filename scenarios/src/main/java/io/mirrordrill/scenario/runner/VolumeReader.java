package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.ontap.VolumeFiles;
import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.scenario.drill.WorldSpec;
import io.mirrordrill.scenario.workload.RecordFiles;
import io.mirrordrill.scenario.workload.RecordSet;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checker's own view of a volume's records, read from ONTAP at the storage's site (not through any pod): what a
 * storage administrator would see. Empty when the storage cannot be read now (its site is down).
 * Reads are incremental ({@link RecordFiles}).
 */
final class VolumeReader {
    private final Estate estate;
    private final Map<String, String> clusterOfSvm = new TreeMap<>();
    /** What earlier reads found ({@link #readWith}): the writers' reads through pods are remembered there too. */
    private RecordFiles reads = new RecordFiles();

    VolumeReader(Estate estate, WorldSpec world) {
        this.estate = estate;
        for (WorldSpec.Ontap o : world.ontap()) {
            o.svms().forEach(s -> clusterOfSvm.put(s, o.name()));
        }
    }

    /** Remembers reads in {@code shared}, which the writers' reads through their pods use too (same keys). */
    void readWith(RecordFiles shared) {
        reads = shared;
    }

    /** The records in {@code file} of the volume {@code svm:volume}; an absent file holds none. */
    Optional<RecordSet> records(String volumePath, String file) {
        int colon = volumePath.indexOf(':');
        String svm = volumePath.substring(0, colon);
        String cluster = clusterOfSvm.get(svm);
        if (cluster == null) {
            cluster = createdSvm(svm);  // an SVM a step created (an SVM-DR destination)
        }
        if (cluster == null) {
            return Optional.empty();
        }
        try {
            String site = estate.sim().ontap().cluster(cluster).site();
            VolumeFiles files = estate.sim().ontap().files(cluster, svm, volumePath.substring(colon + 1), site);
            if (!files.exists(file)) {
                return Optional.of(new RecordSet());
            }
            return Optional.of(reads.records(volumePath + "/" + file, RecordFiles.Source.of(() -> files.size(file),
                    (offset, length) -> files.read(file, offset, length))));
        } catch (DataPathException unreadable) {
            return Optional.empty();
        }
    }

    /** The cluster of an SVM a drill's step created, found once and remembered; null when there is none. */
    private String createdSvm(String svm) {
        for (String name : estate.sim().ontap().clusterNames()) {
            if (estate.sim().ontap().cluster(name).svm(svm).isPresent()) {
                clusterOfSvm.put(svm, name);
                return name;
            }
        }
        return null;
    }
}
