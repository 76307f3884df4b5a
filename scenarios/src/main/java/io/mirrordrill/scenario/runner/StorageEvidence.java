package io.mirrordrill.scenario.runner;

import io.mirrordrill.emulator.element.ElementEmulator;
import io.mirrordrill.emulator.ontap.blocks.DataPathException;
import io.mirrordrill.port.etcd.SnapshotStatus;
import io.mirrordrill.scenario.workload.RecordFormat;
import io.mirrordrill.scenario.workload.RecordSet;
import io.mirrordrill.sim.Trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the storage-level invariants compare, seen independently of the steps that cause it: the records each
 * Element snapshot froze (read from the volume when the snapshot is taken, as the trace reports it) against the
 * volume right after a rollback to it; the keys of each etcd snapshot saved against the cluster a kubeadm init
 * brought up from it.
 */
final class StorageEvidence {
    private static final Pattern SNAPSHOT = Pattern.compile("^CreateSnapshot .* snapshotID=(\\d+) volumeID=(\\d+)");
    private static final Pattern ROLLBACK = Pattern.compile("^RollbackToSnapshot volumeID=(\\d+) snapshotID=(\\d+)");

    private final Estate estate;
    /** element cluster/snapshotID -> the volume's records by file when the snapshot was taken. */
    private final Map<String, Map<String, String>> frozen = new TreeMap<>();
    /** Rollbacks whose volume did not come back as its snapshot held it, not yet reported. */
    final List<Invariant.Violation> rollbackViolations = new ArrayList<>();
    /** The keys (with uids) of every etcd snapshot a step saved, by the snapshot's status (looked up, never listed). */
    private final Map<SnapshotStatus, SortedMap<String, String>> saved = new HashMap<>();
    /** Rebuilt clusters whose keyspace is not the snapshot's, not yet reported. */
    final List<Invariant.Violation> etcdViolations = new ArrayList<>();

    StorageEvidence(Estate estate) {
        this.estate = estate;
        estate.world().trace().subscribe(this::seen);
    }

    private void seen(Trace.Entry e) {
        if (!e.source().startsWith("element/")) {
            return;
        }
        String cluster = e.source().substring("element/".length());
        Matcher s = SNAPSHOT.matcher(e.message());
        if (s.find()) {
            records(cluster, Long.parseLong(s.group(2))).ifPresent(r -> frozen.put(cluster + "/" + s.group(1), r));
            return;
        }
        Matcher r = ROLLBACK.matcher(e.message());
        if (r.find()) {
            Map<String, String> expected = frozen.get(cluster + "/" + r.group(2));
            var now = records(cluster, Long.parseLong(r.group(1)));
            if (expected != null && now.isPresent() && !expected.equals(now.get())) {
                rollbackViolations.add(new Invariant.Violation(RollbackRestoresSnapshot.ID, "after the rollback of"
                        + " volume " + r.group(1) + " of " + cluster + " to snapshot " + r.group(2) + " the volume does"
                        + " not hold the records it held at the snapshot", "at the snapshot: " + expected + "; after"
                        + " the rollback: " + now.get()));
            }
        }
    }

    /** The volume's records per file ({@code RecordSet}'s ranges as text), read at the cluster's own site. */
    private Optional<Map<String, String>> records(String cluster, long volumeID) {
        ElementEmulator element = estate.sim().estate().element();
        try {
            var data = element.data(cluster, volumeID, element.cluster(cluster).site());
            Map<String, String> byFile = new TreeMap<>();
            for (String file : data.list()) {
                RecordSet set = RecordFormat.parse(data.read(file));
                byFile.put(file, set.toString());
            }
            return Optional.of(byFile);
        } catch (DataPathException unreadable) {
            return Optional.empty();
        }
    }

    /** {@code etcdctl snapshot save} wrote a snapshot holding these keys. */
    void saved(SnapshotStatus status, SortedMap<String, String> keys) {
        saved.put(status, keys);
    }

    /** A cluster was brought up from a snapshot with this status; {@code keys} is its keyspace at once. */
    void rebuilt(String cluster, SnapshotStatus status, SortedMap<String, String> keys) {
        SortedMap<String, String> expected = saved.get(status);
        if (expected == null || expected.equals(keys)) {
            return;
        }
        List<String> missing = expected.keySet().stream().filter(k -> !keys.containsKey(k)).limit(5).toList();
        List<String> extra = keys.keySet().stream().filter(k -> !expected.containsKey(k)).limit(5).toList();
        List<String> changed = expected.keySet().stream().filter(k -> keys.containsKey(k)
                && !keys.get(k).equals(expected.get(k))).limit(5).toList();
        etcdViolations.add(new Invariant.Violation(EtcdRestoreMatchesSnapshot.ID, "cluster " + cluster + " rebuilt"
                + " from its etcd snapshot (rv " + status.revision() + ") does not hold the snapshot's objects",
                "missing " + missing + ", not in the snapshot " + extra + ", another uid " + changed));
    }
}
