package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.k8s.cluster.PodShell;
import io.mirrordrill.port.exec.PodExecPort.ExecResult;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.sim.World;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pods/{name}/exec} over a websocket with the channel protocols {@code v5.channel.k8s.io} and
 * {@code v4.channel.k8s.io}: binary frames whose first byte is the channel, 1 stdout, 2 stderr, 3 the outcome as a
 * Status ({@code Success}, or {@code NonZeroExitCode} with the code as the {@code ExitCode} cause), then a normal
 * close. The command runs in the {@link PodShell} at connect time; its outcome is sent once the script's simulated
 * duration (its sleeps) has passed in the world, and never if the client goes away first.
 */
final class ExecSession {
    /** The protocols served, in the order preferred when a client offers several. */
    static final List<String> PROTOCOLS = List.of("v5.channel.k8s.io", "v4.channel.k8s.io");
    private static final byte STDOUT = 1;
    private static final byte STDERR = 2;
    private static final byte ERROR = 3;

    /** Where the frames go: the websocket of one client. */
    interface Frames {
        void send(ByteBuffer frame);

        void close();
    }

    private final Frames frames;
    private final boolean stdout;
    private final boolean stderr;
    private final List<String> command;
    private World.Timer pending;
    private boolean gone;

    private ExecSession(Frames frames, Map<String, List<String>> query) {
        this.frames = frames;
        this.stdout = flag(query, "stdout");
        this.stderr = flag(query, "stderr");
        this.command = query.getOrDefault("command", List.of());
    }

    /** The protocol to answer with among those a client offers, or 400 when none is served. */
    static String protocol(String offered) {
        List<String> asked = offered == null ? List.of()
                : Arrays.stream(offered.split(",")).map(String::trim).toList();
        return PROTOCOLS.stream().filter(asked::contains).findFirst().orElseThrow(() -> new KubernetesException(400,
                "BadRequest", "websocket protocol not supported; use one of " + PROTOCOLS, null, null, null));
    }

    /**
     * The container the command runs in, after the checks the API server makes before upgrading: the pod exists
     * (404), the container is one of it (or the pod has only one), the pod is running, a command is given (400).
     * Call under the lock.
     */
    static String check(ServedCluster served, ApiPath path, Map<String, List<String>> query) {
        PodShell shell = served.shell().orElseThrow(() -> new KubernetesException(404, "NotFound",
                Statuses.NO_RESOURCE, null, null, null));
        String container = container(served, path, ResourceRequests.first(query, "container"));
        if (query.getOrDefault("command", List.of()).isEmpty()) {
            throw ResourceRequests.badRequest("you must specify at least 1 command");
        }
        Optional<String> problem = shell.cannotRun(path.namespace(), path.name(), container);
        if (problem.isPresent()) {
            throw problem.get().startsWith("pods \"")
                    ? new KubernetesException(404, "NotFound", problem.get(), "Pod", path.namespace(), path.name())
                    : ResourceRequests.badRequest(problem.get());
        }
        return container;
    }

    private static String container(ServedCluster served, ApiPath path, String asked) {
        if (asked != null && !asked.isEmpty()) {
            return asked;
        }
        JsonNode pod = Resources.toTree(served.port().get("v1", "Pod", path.namespace(), path.name())
                .orElseThrow(() -> new KubernetesException(404, "NotFound", "pods \"" + path.name()
                        + "\" not found", "Pod", path.namespace(), path.name())));
        List<String> names = new ArrayList<>();
        pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
        if (names.size() != 1) {
            throw ResourceRequests.badRequest("a container name must be specified for pod " + path.name()
                    + ", choose one of: " + names);
        }
        return names.get(0);
    }

    /** Runs the command and schedules its outcome; call under the lock, once the websocket is open. */
    static ExecSession start(ServedCluster served, ApiPath path, Map<String, List<String>> query, Frames frames) {
        ExecSession session = new ExecSession(frames, query);
        String container = check(served, path, query);
        PodShell.Run run = served.shell().orElseThrow().run(path.namespace(), path.name(), container,
                session.command, null);
        if (run.took().isZero()) {
            session.deliver(run.result());
        } else {
            session.pending = served.cluster().world().schedule(run.took(), "k8s/" + served.cluster().name()
                    + " exec " + path.namespace() + "/" + path.name(), () -> session.deliver(run.result()));
        }
        return session;
    }

    /** The client went away: a command still sleeping never reports. Call under the lock. */
    void cancel() {
        gone = true;
        if (pending != null) {
            pending.cancel();
        }
    }

    private void deliver(ExecResult result) {
        if (gone) {
            return;
        }
        if (stdout && !result.stdout().isEmpty()) {
            frames.send(frame(STDOUT, result.stdout().getBytes(StandardCharsets.UTF_8)));
        }
        if (stderr && !result.stderr().isEmpty()) {
            frames.send(frame(STDERR, result.stderr().getBytes(StandardCharsets.UTF_8)));
        }
        frames.send(frame(ERROR, Reply.bytes(status(result.exitCode(), command))));
        frames.close();
    }

    /** The kubelet's outcome Status (remotecommand's v4 error channel). */
    static ObjectNode status(int exitCode, List<String> command) {
        ObjectNode status = Resources.mapper().createObjectNode();
        status.putObject("metadata");
        if (exitCode == 0) {
            status.put("status", "Success");
            return status;
        }
        status.put("status", "Failure").put("message", "command terminated with non-zero exit code: error "
                + "executing command [" + String.join(" ", command) + "], exit code " + exitCode)
                .put("reason", "NonZeroExitCode");
        status.putObject("details").putArray("causes").addObject().put("reason", "ExitCode")
                .put("message", Integer.toString(exitCode));
        return status;
    }

    private static ByteBuffer frame(byte channel, byte[] data) {
        ByteBuffer frame = ByteBuffer.allocate(data.length + 1);
        frame.put(channel).put(data).flip();
        return frame;
    }

    private static boolean flag(Map<String, List<String>> query, String name) {
        String value = ResourceRequests.first(query, name);
        return "true".equals(value) || "1".equals(value);
    }
}
