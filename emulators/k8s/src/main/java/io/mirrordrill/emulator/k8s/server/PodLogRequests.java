package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javalin.http.Context;
import io.mirrordrill.emulator.k8s.cluster.PodLogs;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.Resources;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET pods/{name}/log}: what a container printed, from the cluster simulator's {@link PodLogs}, with the
 * parameters kubectl sends: {@code container}, {@code tailLines}, {@code sinceSeconds}, {@code sinceTime},
 * {@code timestamps} (each line prefixed with its simulated instant in Go's RFC3339Nano, as the kubelet writes it),
 * {@code limitBytes}, {@code previous} and {@code follow} (new lines are streamed as simulated time passes; the
 * stream ends when the pod stops or goes, the client leaves or the server stops). Refusals are the API server's
 * and kubelet's: 404 for a missing pod, 400 for a missing or unknown container and for a container that has not
 * started. The answer is {@code text/plain}.
 */
final class PodLogRequests {
    private static final String END = "\u0000end";
    /** (chosen) As a watch: a followed log may see no line for an hour before the connection is closed. */
    private static final Duration FOLLOW_IDLE = Duration.ofHours(1);

    private final ServedCluster served;
    private final PodLogs logs;
    private final Map<String, Runnable> open = new ConcurrentSkipListMap<>();
    private final AtomicLong follows = new AtomicLong();

    /** @param logs null when the server serves no logs (then {@code pods/log} is 404 as an unknown path) */
    PodLogRequests(ServedCluster served, PodLogs logs) {
        this.served = served;
        this.logs = logs;
    }

    static boolean isLog(ApiPath path) {
        return "log".equals(path.subresource()) && "pods".equals(path.plural()) && path.group().isEmpty()
                && path.name() != null && path.namespace() != null;
    }

    /** What one request reads, decided under the lock; {@code queue} is set when it follows. */
    private record Read(List<String> lines, LinkedBlockingQueue<String> queue, Runnable unfollow) {
    }

    /** Serves one request on its thread (until the end of the stream when it follows). */
    void serve(Context ctx, ApiPath path) {
        if (logs == null) {
            throw new KubernetesException(404, "NotFound", Statuses.NO_RESOURCE, null, null, null);
        }
        Map<String, List<String>> query = ctx.queryParamMap();
        boolean timestamps = flag(query, "timestamps");
        boolean follow = flag(query, "follow");
        Read read = served.locked(() -> read(path, query, timestamps, follow));
        long limit = number(query, "limitBytes", Long.MAX_VALUE);
        ctx.status(200).contentType("text/plain");
        String key = "log-" + follows.incrementAndGet();
        EndPoint endPoint = null;
        long idleTimeout = 0;
        if (read.queue() != null) {
            open.put(key, () -> read.queue().add(END));
            endPoint = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData()
                    .getConnection().getEndPoint();
            idleTimeout = endPoint.getIdleTimeout();
            endPoint.setIdleTimeout(FOLLOW_IDLE.toMillis());
        }
        try {
            OutputStream out = ctx.res().getOutputStream();
            long written = 0;
            for (String line : read.lines()) {
                written = write(out, line, written, limit);
            }
            out.flush();
            if (read.queue() != null) {
                for (String line = read.queue().take(); !line.equals(END) && written < limit;
                     line = read.queue().take()) {
                    written = write(out, line, written, limit);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (read.queue() != null) {
                open.remove(key);
                served.locked(read.unfollow());
                endPoint.setIdleTimeout(idleTimeout);
            }
        }
    }

    /** Ends every followed log: the server is stopping. */
    void closeAll() {
        List.copyOf(open.values()).forEach(Runnable::run);
    }

    private static long write(OutputStream out, String line, long written, long limit) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(bytes.length, limit - written);
        out.write(bytes, 0, n);
        return written + n;
    }

    private Read read(ApiPath path, Map<String, List<String>> query, boolean timestamps, boolean follow) {
        GenericKubernetesResource pod = served.port().get("v1", "Pod", path.namespace(), path.name())
                .orElseThrow(() -> new KubernetesException(404, "NotFound", "pods \"" + path.name() + "\" not found",
                        "Pod", path.namespace(), path.name()));
        JsonNode tree = Resources.toTree(pod);
        String container = container(tree, path.name(), ResourceRequests.first(query, "container"));
        if (flag(query, "previous")) {
            throw badRequest("previous terminated container \"" + container + "\" in pod \"" + path.name()
                    + "\" not found");
        }
        List<PodLogs.Entry> entries = logs.lines(path.namespace(), path.name(), container);
        boolean running = "Running".equals(tree.path("status").path("phase").asText());
        if (!running && entries.isEmpty()) {
            throw badRequest("container \"" + container + "\" in pod \"" + path.name() + "\" is waiting to start: "
                    + tree.path("status").path("reason").asText("ContainerCreating"));
        }
        Instant since = since(query);
        List<PodLogs.Entry> selected = new ArrayList<>();
        for (PodLogs.Entry e : entries) {
            if (since == null || !e.at().isBefore(since)) {
                selected.add(e);
            }
        }
        long tail = number(query, "tailLines", -1);
        if (tail >= 0 && tail < selected.size()) {
            selected = selected.subList(selected.size() - (int) tail, selected.size());
        }
        List<String> lines = new ArrayList<>(selected.size());
        selected.forEach(e -> lines.add(format(e, timestamps)));
        if (!follow || !running) {
            return new Read(lines, null, null);
        }
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Runnable unfollow = logs.follow(path.namespace(), path.name(), container, new PodLogs.Follower() {
            @Override
            public void line(PodLogs.Entry entry) {
                queue.add(format(entry, timestamps));
            }

            @Override
            public void end() {
                queue.add(END);
            }
        });
        return new Read(lines, queue, unfollow);
    }

    /** The container asked for, or the pod's only one; the API server's refusals otherwise. */
    private static String container(JsonNode pod, String podName, String asked) {
        List<String> names = new ArrayList<>();
        pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
        if (asked == null || asked.isEmpty()) {
            if (names.size() == 1) {
                return names.get(0);
            }
            throw badRequest("a container name must be specified for pod " + podName + ", choose one of: "
                    + "[" + String.join(" ", names) + "]");
        }
        if (!names.contains(asked)) {
            throw badRequest("container " + asked + " is not valid for pod " + podName);
        }
        return asked;
    }

    /** sinceSeconds (before now on the world's clock) or sinceTime; null: from the first line. */
    private Instant since(Map<String, List<String>> query) {
        long seconds = number(query, "sinceSeconds", -1);
        if (seconds >= 0) {
            return served.cluster().world().now().minusSeconds(seconds);
        }
        String time = ResourceRequests.first(query, "sinceTime");
        if (time == null || time.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw badRequest("sinceTime: invalid value \"" + time + "\"");
        }
    }

    private static String format(PodLogs.Entry e, boolean timestamps) {
        return timestamps ? rfc3339Nano(e.at()) + " " + e.line().text() : e.line().text();
    }

    /** Go's time.RFC3339Nano in UTC: seconds, then the nanoseconds without trailing zeros (none when whole). */
    static String rfc3339Nano(Instant t) {
        String seconds = Instant.ofEpochSecond(t.getEpochSecond()).toString(); // ...:05Z
        if (t.getNano() == 0) {
            return seconds;
        }
        String nanos = String.format("%09d", t.getNano()).replaceAll("0+$", "");
        return seconds.substring(0, seconds.length() - 1) + "." + nanos + "Z";
    }

    private static boolean flag(Map<String, List<String>> query, String name) {
        String v = ResourceRequests.first(query, name);
        return "true".equals(v) || "1".equals(v);
    }

    private static long number(Map<String, List<String>> query, String name, long otherwise) {
        String v = ResourceRequests.first(query, name);
        if (v == null || v.isEmpty()) {
            return otherwise;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw badRequest(name + ": invalid value \"" + v + "\"");
        }
    }

    private static KubernetesException badRequest(String message) {
        return ResourceRequests.badRequest(message);
    }
}
