package io.mirrordrill.emulator.k8s.cluster;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What the containers of a cluster's pods printed, as the kubelet keeps it for {@code pods/log}: per container, lines
 * with the instant they were printed, in a bounded buffer (the oldest lines go past {@link #MAX_BYTES}, as the
 * kubelet rotates a container's log at 10 MiB). A line is a small record formatted when read, so a workload that
 * logs every commit costs an object per line, not a string. Followers ({@code kubectl logs -f}) are told of each new
 * line and of the end (the pod stopped or went). Touched under the world's lock only.
 */
public final class PodLogs {
    /** The kubelet's default containerLogMaxSize. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** One printed line, formatted on demand; {@link #size()} is its length in bytes without the newline. */
    public interface Line {
        String text();

        int size();
    }

    /** A line and when it was printed. */
    public record Entry(Instant at, Line line) {
    }

    /** Someone reading new lines as they come ({@code -f}). */
    public interface Follower {
        void line(Entry entry);

        /** The container stopped: no more lines. */
        void end();
    }

    private static final class Buffer {
        private final Deque<Entry> entries = new ArrayDeque<>();
        private final List<Follower> followers = new ArrayList<>();
        private long bytes;
    }

    /** By namespace/pod/container (sorted: nothing here depends on hash order). */
    private final NavigableMap<String, Buffer> buffers = new TreeMap<>();

    /** The container printed {@code line} at {@code at}. */
    public void print(String namespace, String pod, String container, Instant at, Line line) {
        Buffer b = buffers.computeIfAbsent(key(namespace, pod, container), k -> new Buffer());
        Entry entry = new Entry(at, line);
        b.entries.addLast(entry);
        b.bytes += line.size() + 1;
        while (b.bytes > MAX_BYTES && b.entries.size() > 1) {
            b.bytes -= b.entries.removeFirst().line().size() + 1;
        }
        for (Follower f : List.copyOf(b.followers)) {
            f.line(entry);
        }
    }

    /** A plain text line (hooks' and tests' output). */
    public void print(String namespace, String pod, String container, Instant at, String text) {
        print(namespace, pod, container, at, new Line() {
            @Override
            public String text() {
                return text;
            }

            @Override
            public int size() {
                return text.length();
            }
        });
    }

    /** The container's lines, oldest first (empty when it printed nothing). */
    public List<Entry> lines(String namespace, String pod, String container) {
        Buffer b = buffers.get(key(namespace, pod, container));
        return b == null ? List.of() : List.copyOf(b.entries);
    }

    /** Follows the container: {@code follower} hears each new line until {@link #stopped} or it is removed. */
    public Runnable follow(String namespace, String pod, String container, Follower follower) {
        Buffer b = buffers.computeIfAbsent(key(namespace, pod, container), k -> new Buffer());
        b.followers.add(follower);
        return () -> b.followers.remove(follower);
    }

    /** The pod's containers stopped: followers are told; the lines stay while the pod exists. */
    public void stopped(String namespace, String pod) {
        for (Buffer b : containers(namespace, pod)) {
            List<Follower> ending = List.copyOf(b.followers);
            b.followers.clear();
            ending.forEach(Follower::end);
        }
    }

    /** The pod is gone: its logs go with it, as the kubelet removes a deleted pod's container logs. */
    public void removed(String namespace, String pod) {
        stopped(namespace, pod);
        buffers.subMap(namespace + "/" + pod + "/", namespace + "/" + pod + "/\uffff").clear();
    }

    private List<Buffer> containers(String namespace, String pod) {
        return List.copyOf(buffers.subMap(namespace + "/" + pod + "/", namespace + "/" + pod + "/\uffff").values());
    }

    private static String key(String namespace, String pod, String container) {
        return namespace + "/" + pod + "/" + container;
    }
}
