package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.ontap.VolumeFiles;
import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.scenario.drill.WorldSpec;
import io.mirrordrill.scenario.workload.RecordFormat;
import io.mirrordrill.scenario.workload.RecordSet;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checker's own view of a volume's records, read from ONTAP at the storage's site (not through any pod): what a
 * storage administrator would see. Empty when the storage cannot be read now (its site is down).
 *
 * <p>Reads are incremental. A records file only ever grows by whole lines, each record number is written once, and
 * a replica or a rollback yields a byte copy of some earlier state of a file; so a file that is as long as it was,
 * or longer, and still has the same last line at the old end, is the old content plus what was appended since.
 * Only the new lines are parsed; any other change is read in full.
 */
final class VolumeReader {
    private static final int TAIL = 4096;

    private record Known(long size, byte[] lastLine, RecordSet records) {}

    private final Estate estate;
    private final Map<String, String> clusterOfSvm = new TreeMap<>();
    private final Map<String, Known> known = new TreeMap<>();

    VolumeReader(Estate estate, WorldSpec world) {
        this.estate = estate;
        for (WorldSpec.Ontap o : world.ontap()) {
            o.svms().forEach(s -> clusterOfSvm.put(s, o.name()));
        }
    }

    /** The records in {@code file} of the volume {@code svm:volume}; an absent file holds none. */
    Optional<RecordSet> records(String volumePath, String file) {
        int colon = volumePath.indexOf(':');
        String svm = volumePath.substring(0, colon);
        String cluster = clusterOfSvm.get(svm);
        if (cluster == null) {
            return Optional.empty();
        }
        try {
            String site = estate.sim().ontap().cluster(cluster).site();
            VolumeFiles files = estate.sim().ontap().files(cluster, svm, volumePath.substring(colon + 1), site);
            if (!files.exists(file)) {
                return Optional.of(new RecordSet());
            }
            return Optional.of(read(volumePath + "/" + file, files, file));
        } catch (DataPathException unreadable) {
            return Optional.empty();
        }
    }

    private RecordSet read(String key, VolumeFiles files, String file) {
        long size = files.size(file);
        Known before = known.get(key);
        RecordSet records;
        if (before != null && size >= before.size() && Arrays.equals(before.lastLine(), lastLine(files, file,
                before.size()))) {
            records = size == before.size() ? before.records() : union(before.records(),
                    RecordFormat.parse(files.read(file, before.size(), (int) (size - before.size()))));
        } else {
            records = RecordFormat.parse(files.read(file));
        }
        byte[] last = lastLine(files, file, size);
        if (last != null) {
            known.put(key, new Known(size, last, records));
        } else {
            known.remove(key);
        }
        return records;
    }

    private static RecordSet union(RecordSet a, RecordSet b) {
        RecordSet all = new RecordSet();
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /** The last whole line before {@code end}; null when it is longer than the tail read (then nothing is kept). */
    private static byte[] lastLine(VolumeFiles files, String file, long end) {
        if (end == 0) {
            return new byte[0];
        }
        int length = (int) Math.min(TAIL, end);
        byte[] tail = files.read(file, end - length, length);
        for (int i = tail.length - 2; i >= 0; i--) {
            if (tail[i] == '\n') {
                return Arrays.copyOfRange(tail, i + 1, tail.length);
            }
        }
        return length == end ? tail : null;
    }
}
