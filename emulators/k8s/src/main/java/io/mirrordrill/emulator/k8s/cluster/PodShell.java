package io.mirrordrill.emulator.k8s.cluster;

import io.mirrordrill.engine.port.exec.PodExecPort;

import java.time.Duration;
import java.util.List;

/**
 * {@code kubectl exec} into simulated pods. Containers run no real programs, so the command is read as a small
 * shell script: one command per line (or {@code ;}), {@code #} comments, and the commands execution hooks use —
 * {@code fsfreeze --freeze|--unfreeze <mount>} (acting on the pod's volume), {@code sync}, {@code true},
 * {@code false}, {@code echo ...} and {@code exit N}. Anything else exits 127, as a missing program would. Scripts
 * take no simulated time.
 */
final class PodShell implements PodExecPort {
    private final ClusterSimulator sim;

    PodShell(ClusterSimulator sim) {
        this.sim = sim;
    }

    @Override
    public ExecResult exec(String namespace, String pod, String container, List<String> command, Duration timeout) {
        if (sim.api().get("v1", "Pod", namespace, pod).map(Tree::of)
                .filter(p -> "Running".equals(p.path("status").path("phase").asText())).isEmpty()) {
            return new ExecResult(126, "", "pod " + namespace + "/" + pod + " is not running");
        }
        String script = command.size() >= 3 && command.get(1).equals("-c") ? command.get(2) : String.join(" ", command);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status = 0;
        for (String raw : script.split("[\\n;]")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("#!")) {
                continue;
            }
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "true", "sync", ":" -> status = 0;
                case "false" -> status = 1;
                case "echo" -> {
                    out.append(line.substring(4).strip()).append('\n');
                    status = 0;
                }
                case "exit" -> {
                    return new ExecResult(words.length > 1 ? Integer.parseInt(words[1]) : status, out.toString(),
                            err.toString());
                }
                case "fsfreeze" -> status = fsfreeze(namespace, pod, words, err);
                default -> {
                    err.append("sh: ").append(words[0]).append(": not found\n");
                    status = 127;
                }
            }
        }
        sim.record("exec " + namespace + "/" + pod + "/" + container + " exit=" + status);
        return new ExecResult(status, out.toString(), err.toString());
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
