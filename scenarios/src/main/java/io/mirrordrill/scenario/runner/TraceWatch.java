package io.mirrordrill.scenario.runner;

import io.mirrordrill.sim.Trace;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the world's trace as it is written: when each ONTAP snapshot was taken (its trace sequence), every SnapMirror
 * transfer with its bytes, every fault, and any trace line that shows a secret.
 */
final class TraceWatch {
    /** One SnapMirror transfer, from start to its end (null while running). */
    record Transfer(String uuid, String type, Instant start, Instant end, long bytes, String outcome) {}

    record Mark(Instant time, String text) {}

    /** The first write of an object ({@code store bucket/key}) at trace sequence {@code seq}. */
    record Put(String object, Instant time, long seq) {}

    /** A command run in a container ({@code namespace/pod/container}) on a cluster, and how it exited. */
    record Exec(String cluster, String container, int exitCode, Instant time) {}

    /** A volume returned to a snapshot (SnapMirror resync or snapshot restore) at trace sequence {@code seq}. */
    record Rollback(String volume, String snapshot, long seq) {}

    /** {@code tridentctl import volume} of {@code volume} ({@code svm:volume}) as {@code namespace/claim}. */
    record Import(String cluster, String volume, String namespace, String claim, long seq) {}

    private final Estate estate;
    private final Map<String, Long> snapshots = new TreeMap<>();
    private final Map<String, Long> snapshotsByName = new TreeMap<>();
    private final List<Rollback> rollbacks = new ArrayList<>();
    /** The snapshot restores among the rollbacks (an administrator's or the engine's, not a resync). */
    private final List<Rollback> restores = new ArrayList<>();
    /** Volumes imported by Trident: {@code [cluster, svm:volume, namespace/claim]} at trace sequence. */
    private final List<Import> imports = new ArrayList<>();
    /** The trace sequence at which each running transfer started (its source snapshot was taken), by uuid. */
    private final Map<String, Long> transferStarts = new TreeMap<>();
    /** SnapMirror's own snapshots (which it takes without a "snapshot create"), by name: the start of their transfer. */
    private final Map<String, Long> transferSnapshots = new TreeMap<>();
    /** When a workload's records files were corrupted, by workload. */
    private final Map<String, List<Long>> corruptions = new TreeMap<>();
    private final Map<String, Transfer> transfers = new LinkedHashMap<>();
    /**
     * The keys into {@link #transfers} of each uuid's transfers, in start order: an end closes the newest one still
     * open (so an end costs its uuid's few transfers, not every transfer ever seen). Closed ones are dropped as met.
     */
    private final Map<String, ArrayDeque<String>> started = new HashMap<>();
    private final List<Mark> faults = new ArrayList<>();
    private final List<String> leaks = new ArrayList<>();
    private final List<Put> puts = new ArrayList<>();
    private final List<Exec> execs = new ArrayList<>();
    /** Objects written so far: a membership test only (never iterated), so hash order reaches no output. */
    private final Set<String> written = new HashSet<>();

    TraceWatch(Estate estate) {
        this.estate = estate;
        estate.world().trace().subscribe(this::entry);
    }

    private void entry(Trace.Entry e) {
        String m = e.message();
        if (e.source().startsWith("ontap/") && m.startsWith("snapshot create ")) {
            int blocks = m.lastIndexOf(" blocks=");
            String key = m.substring(16, blocks < 0 ? m.length() : blocks);
            snapshots.put(key, e.sequence());
            snapshotsByName.putIfAbsent(key.substring(key.indexOf('@') + 1), e.sequence());
        } else if (e.source().startsWith("ontap/") && m.startsWith("volume restore ")) {
            String[] w = m.split(" ");
            rollbacks.add(new Rollback(w[2], w[4], e.sequence()));
            restores.add(rollbacks.get(rollbacks.size() - 1));
        } else if (e.source().equals("snapmirror") && m.startsWith("resync ") && m.contains(" rolled ")) {
            String[] w = m.split(" ");
            rollbacks.add(new Rollback(w[3], w[6], e.sequence()));
        } else if (e.source().equals("snapmirror") && m.startsWith("transfer ")) {
            transfer(e.time(), m);
            transferSnapshot(e.sequence(), m);
        } else if (e.source().equals("fault")) {
            faults.add(new Mark(e.time(), m));
        } else if (e.source().startsWith("k8s/") && e.source().endsWith("/sim") && m.startsWith("exec ")
                && m.contains(" exit=")) {
            String cluster = e.source().substring(4, e.source().length() - 4);
            String[] w = m.split(" ");
            execs.add(new Exec(cluster, w[1], Integer.parseInt(w[w.length - 1].substring(5)), e.time()));
        } else if (e.source().startsWith("s3:") && m.startsWith("put ")) {
            String object = e.source() + " " + m.substring(4, m.indexOf(' ', 4) < 0 ? m.length() : m.indexOf(' ', 4));
            if (written.add(object)) {
                puts.add(new Put(object, e.time(), e.sequence()));
            }
        } else if (e.source().startsWith("k8s/") && e.source().endsWith("/sim") && m.startsWith("import ")) {
            String[] w = m.split(" ");
            String cluster = e.source().substring(4, e.source().length() - 4);
            int slash = w[3].indexOf('/');
            imports.add(new Import(cluster, w[1], w[3].substring(0, slash), w[3].substring(slash + 1), e.sequence()));
        } else if (e.source().startsWith("workload/") && m.startsWith("records corrupted")) {
            corruptions.computeIfAbsent(e.source().substring(9), k -> new ArrayList<>()).add(e.sequence());
        }
        if (leaks.size() < 10) {
            for (String secret : estate.secrets()) {
                if (m.contains(secret)) {
                    leaks.add("trace " + e.time() + " " + e.source() + ": " + m.replace(secret, "<secret>"));
                }
            }
        }
    }

    private void transfer(Instant time, String m) {
        String[] words = m.split(" ");
        if (words.length < 3) {
            return;
        }
        String uuid = words[2];
        if (words[1].equals("start")) {
            String key = uuid + "@" + time;
            transfers.put(key, new Transfer(uuid, value(m, "type="), time, null, number(m), null));
            started.computeIfAbsent(uuid, u -> new ArrayDeque<>()).addLast(key);
            return;
        }
        ArrayDeque<String> keys = started.getOrDefault(uuid, new ArrayDeque<>());
        while (!keys.isEmpty() && transfers.get(keys.peekLast()).end() != null) {
            keys.removeLast();
        }
        if (keys.isEmpty()) {
            return;
        }
        String key = keys.removeLast();
        Transfer t = transfers.get(key);
        transfers.put(key, new Transfer(uuid, t.type(), t.start(), time,
                words[1].equals("success") ? number(m) : t.bytes(), words[1]));
    }

    private void transferSnapshot(long seq, String m) {
        String[] words = m.split(" ");
        if (words.length < 3) {
            return;
        }
        if (words[1].equals("start")) {
            transferStarts.put(words[2], seq);
        } else if (words[1].equals("success") && transferStarts.containsKey(words[2])) {
            String snapshot = value(m, "snapshot=");
            if (!snapshot.isEmpty()) {
                transferSnapshots.putIfAbsent(snapshot, transferStarts.get(words[2]));
            }
        }
    }

    /**
     * The trace sequence of a snapshot of the volume: when it was created, or for a snapshot SnapMirror took itself
     * for a transfer, when that transfer started.
     */
    Optional<Long> sourceSnapshotSequence(String volumePath, String snapshot) {
        return snapshotSequence(volumePath, snapshot).or(() -> Optional.ofNullable(transferSnapshots.get(snapshot)));
    }

    private static String value(String m, String key) {
        int at = m.indexOf(key);
        if (at < 0) {
            return "";
        }
        int end = m.indexOf(' ', at);
        return m.substring(at + key.length(), end < 0 ? m.length() : end);
    }

    private static long number(String m) {
        String v = value(m, "bytes=");
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }

    /** The trace sequence of the snapshot {@code svm:volume@name}, when it was taken in this run. */
    Optional<Long> snapshotSequence(String volumePath, String snapshot) {
        return Optional.ofNullable(snapshots.get(volumePath + "@" + snapshot));
    }

    /** The trace sequence of the first snapshot of that name on any volume (replicas keep the name). */
    Optional<Long> snapshotSequence(String snapshot) {
        return Optional.ofNullable(snapshotsByName.get(snapshot));
    }

    List<Rollback> restores() {
        return List.copyOf(restores);
    }

    List<Import> imports() {
        return List.copyOf(imports);
    }

    /** Whether the workload's files were corrupted at or before trace sequence {@code seq}. */
    boolean corruptedBy(String workload, long seq) {
        return corruptions.getOrDefault(workload, List.of()).stream().anyMatch(c -> c <= seq);
    }

    List<Rollback> rollbacks() {
        return List.copyOf(rollbacks);
    }

    List<Transfer> transfers() {
        return List.copyOf(transfers.values());
    }

    List<Mark> faults() {
        return List.copyOf(faults);
    }

    /** Every object's first write, in the order they happened. */
    List<Put> puts() {
        return Collections.unmodifiableList(puts);
    }

    /** Every command run in a container, in order. */
    List<Exec> execs() {
        return Collections.unmodifiableList(execs);
    }

    List<String> leaks() {
        return List.copyOf(leaks);
    }
}
