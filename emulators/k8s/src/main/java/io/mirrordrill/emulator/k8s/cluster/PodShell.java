package io.mirrordrill.emulator.k8s.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.exec.PodExecPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl exec} into simulated pods. Containers run no real programs, so the command is read as a small
 * shell script: one command per line (or {@code ;}), {@code #} comments, and the commands execution hooks use —
 * {@code fsfreeze --freeze|--unfreeze <mount>} (acting on the pod's volume), {@code sync}, {@code true},
 * {@code false}, {@code echo ...} (also {@code echo ... >> FILE}, appending a line to a file under one of the
 * container's volume mounts, as a hook leaves a marker), {@code sleep N} and {@code exit N}. Anything else exits
 * 127, as a missing program would. A missing pod or container, or a pod that is not running, exits 126 with the
 * reason on stderr.
 *
 * <p>Scripts run at once, in the current simulated instant; {@code sleep N} only counts N seconds towards the
 * script's duration ({@link Run#took()}). When that duration passes the timeout, the script stops at that
 * {@code sleep} with exit code {@value #TIMED_OUT}, the commands after it never run, as a killed process's would not.
 * The API server delivers a run's outcome once its duration has passed in simulated time.
 */
public final class PodShell implements PodExecPort {
    /** The exit code of a command stopped by its timeout, as coreutils' {@code timeout} reports it. */
    public static final int TIMED_OUT = 124;
    /** The exit code of a command that cannot run: no such pod or container, or the pod is not running. */
    public static final int CANNOT_RUN = 126;

    private final ClusterSimulator sim;

    /** What a script did and how long it took in simulated time (the sum of its sleeps). */
    public record Run(ExecResult result, Duration took) {
    }

    PodShell(ClusterSimulator sim) {
        this.sim = sim;
    }

    @Override
    public ExecResult exec(String namespace, String pod, String container, List<String> command, Duration timeout) {
        return run(namespace, pod, container, command, timeout).result();
    }

    /** Why {@code container} of {@code pod} cannot run a command now, if it cannot (the API server's wording). */
    public Optional<String> cannotRun(String namespace, String pod, String container) {
        Optional<ObjectNode> found = sim.api().get("v1", "Pod", namespace, pod).map(Tree::of);
        if (found.isEmpty()) {
            return Optional.of("pods \"" + pod + "\" not found");
        }
        if (!hasContainer(found.get(), container)) {
            return Optional.of("container " + container + " is not valid for pod " + pod);
        }
        if (!"Running".equals(found.get().path("status").path("phase").asText())) {
            return Optional.of("pod " + namespace + "/" + pod + " is not running");
        }
        return Optional.empty();
    }

    /** Runs a script; {@code timeout} null means none. */
    public Run run(String namespace, String pod, String container, List<String> command, Duration timeout) {
        Optional<String> problem = cannotRun(namespace, pod, container);
        if (problem.isPresent()) {
            return new Run(new ExecResult(CANNOT_RUN, "", problem.get() + "\n"), Duration.ZERO);
        }
        String script = command.size() >= 3 && command.get(1).equals("-c") ? command.get(2) : String.join(" ", command);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Duration took = Duration.ZERO;
        int status = 0;
        for (String raw : script.split("[\\n;]")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "true", "sync", ":" -> status = 0;
                case "false" -> status = 1;
                case "echo" -> status = echo(namespace, pod, container, line.substring(4).strip(), out, err);
                case "sleep" -> {
                    Optional<Duration> parsed = seconds(words);
                    if (parsed.isEmpty()) {
                        err.append("sleep: invalid time interval\n");
                        status = 1;
                        continue;
                    }
                    Duration nap = parsed.get();
                    if (timeout != null && took.plus(nap).compareTo(timeout) > 0) {
                        return finish(namespace, pod, container, new ExecResult(TIMED_OUT, out.toString(),
                                err + "command timed out after " + timeout + "\n"), timeout);
                    }
                    took = took.plus(nap);
                    status = 0;
                }
                case "exit" -> {
                    return finish(namespace, pod, container, new ExecResult(words.length > 1
                            ? Integer.parseInt(words[1]) : status, out.toString(), err.toString()), took);
                }
                case "fsfreeze" -> status = fsfreeze(namespace, pod, words, err);
                default -> {
                    err.append("sh: ").append(words[0]).append(": not found\n");
                    status = 127;
                }
            }
        }
        return finish(namespace, pod, container, new ExecResult(status, out.toString(), err.toString()), took);
    }

    private Run finish(String namespace, String pod, String container, ExecResult result, Duration took) {
        sim.record("exec " + namespace + "/" + pod + "/" + container + " exit=" + result.exitCode());
        return new Run(result, took);
    }

    /**
     * {@code echo TEXT}, or {@code echo TEXT >> FILE}: the line lands in the volume behind the container's mount that
     * holds FILE (refused, as by a shell, on a read-only or frozen filesystem); a FILE outside every mount is the
     * container's own layer, which the simulator does not keep. {@code >} (truncate) is not simulated: exit 2.
     */
    private int echo(String namespace, String pod, String container, String args, StringBuilder out,
                     StringBuilder err) {
        int append = args.lastIndexOf(">>");
        if (append < 0) {
            if (args.contains(">")) {
                err.append("sh: only >> redirection is simulated\n");
                return 2;
            }
            out.append(args).append('\n');
            return 0;
        }
        String text = args.substring(0, append).strip();
        String path = args.substring(append + 2).strip();
        if (path.isEmpty()) {
            err.append("sh: syntax error: unexpected newline\n");
            return 2;
        }
        Optional<String> mount = sim.workloads().mountHolding(namespace, pod, container, path);
        if (mount.isEmpty()) {
            return 0;
        }
        try {
            sim.workloads().append(namespace, pod, mount.get(), path.substring(mount.get().length() + 1),
                    (text + "\n").getBytes(StandardCharsets.UTF_8));
            return 0;
        } catch (WorkloadIoException e) {
            err.append("sh: can't create ").append(path).append(": ").append(e.getMessage()).append('\n');
            return 1;
        }
    }

    private static Optional<Duration> seconds(String[] words) {
        try {
            double seconds = Double.parseDouble(words.length > 1 ? words[1] : "x");
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean hasContainer(ObjectNode pod, String container) {
        for (JsonNode c : pod.path("spec").path("containers")) {
            if (container.equals(c.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private int fsfreeze(String namespace, String pod, String[] words, StringBuilder err) {
        if (words.length != 3 || !(words[1].equals("--freeze") || words[1].equals("-f")
                || words[1].equals("--unfreeze") || words[1].equals("-u"))) {
            err.append("fsfreeze: usage: fsfreeze --freeze|--unfreeze <mountpoint>\n");
            return 1;
        }
        try {
            if (words[1].startsWith("--f") || words[1].equals("-f")) {
                sim.workloads().freeze(namespace, pod, words[2]);
            } else {
                sim.workloads().unfreeze(namespace, pod, words[2]);
            }
            return 0;
        } catch (WorkloadIoException e) {
            err.append("fsfreeze: ").append(words[2]).append(": ").append(e.getMessage()).append('\n');
            return 1;
        }
    }
}
