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
 * a replica or a rollback yields a byte copy of some earlier state of a file; so a file whose last complete line
 * (read before) is still at the same offset with the same record number is the old content plus what was appended
 * since. Only the new lines are parsed, whatever a record's size; any other change is read in full. A torn line at
 * the end is not a record yet and is parsed again on the next read.
 */
final class VolumeReader {
    /** The start of a line: its record number and a little padding. */
    private static final int HEAD = 64;

    /** What was read: records up to {@code end} (just after a newline), and the last complete line's head. */
    private record Known(long end, long lastLineAt, byte[] lastLineHead, RecordSet records) {}

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
        boolean grown = before != null && size >= before.end() && Arrays.equals(before.lastLineHead(),
                files.read(file, before.lastLineAt(), before.lastLineHead().length));
        long from = grown ? before.end() : 0;
        if (size == from) {
            return grown ? before.records() : new RecordSet();
        }
        byte[] added = files.read(file, from, (int) (size - from));
        RecordSet records = RecordFormat.parse(added);
        if (grown) {
            records = union(before.records(), records);
        }
        int end = lastNewline(added, added.length) + 1;
        if (end > 0) {
            int lineAt = lastNewline(added, end - 1) + 1;
            known.put(key, new Known(from + end, from + lineAt,
                    Arrays.copyOfRange(added, lineAt, Math.min(end, lineAt + HEAD)), records));
        } else if (!grown) {
            known.remove(key); // no complete line yet
        }
        return records;
    }

    private static RecordSet union(RecordSet a, RecordSet b) {
        RecordSet all = new RecordSet();
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /** The index of the last newline before {@code end}, or -1. */
    private static int lastNewline(byte[] data, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
