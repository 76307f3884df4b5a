package io.mirrordrill.scenario.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The etcdctl and kubeadm command lines a drill holds, read as the tools read them (etcdctl 3.4, kubeadm 1.32):
 * {@code --flag value} or {@code --flag=value}, a refusal in the tool's own words when it would refuse.
 */
public final class AdminCommand {
    private AdminCommand() {
    }

    /** A command line the tool refuses: its message and the fix. */
    static final class Refused extends RuntimeException {
        final String fix;

        Refused(String message, String fix) {
            super(message);
            this.fix = fix;
        }
    }

    /** etcdctl's global flags that only say how to reach the member (the emulated member needs none of them). */
    private static final Set<String> ETCDCTL_GLOBAL = Set.of("--endpoints", "--cacert", "--cert", "--key",
            "--dial-timeout", "--command-timeout", "--user");
    private static final Set<String> RESTORE_FLAGS = Set.of("--data-dir", "--name", "--initial-cluster",
            "--initial-cluster-token", "--initial-advertise-peer-urls");

    /** {@code etcdctl snapshot save|status|restore FILE [flags]}. */
    public sealed interface Etcdctl {
        String line();

        String file();
    }

    public record Save(String line, String file) implements Etcdctl {}

    public record Status(String line, String file) implements Etcdctl {}

    /** {@code snapshot restore}: etcdctl's defaults for the flags not given. */
    public record Restore(String line, String file, String dataDir, String name, String peerUrls, String token)
            implements Etcdctl {}

    /**
     * {@code kubeadm init}: whether the {@code DirAvailable--var-lib-etcd} preflight check is ignored, and the node
     * name ({@code --node-name}; null: the host's name, which is the cluster's).
     */
    public record KubeadmInit(String line, boolean ignoreEtcdDir, String nodeName) {
        /** Where kubeadm's local etcd keeps its data (its default; changed only by a config file). */
        public static final String ETCD_DATA_DIR = "/var/lib/etcd";
    }

    static Etcdctl etcdctl(String line) {
        List<String> words = words(line, "etcdctl");
        Map<String, String> flags = new TreeMap<>();
        List<String> args = new ArrayList<>();
        split(words, flags, args);
        for (String flag : flags.keySet()) {
            if (!ETCDCTL_GLOBAL.contains(flag) && !RESTORE_FLAGS.contains(flag) && !flag.equals("--write-out")
                    && !flag.equals("-w")) {
                throw new Refused("Error: unknown flag: " + flag, "etcdctl snapshot takes " + RESTORE_FLAGS
                        + " (restore), -w (status) and the connection flags " + ETCDCTL_GLOBAL);
            }
        }
        if (args.isEmpty() || !args.get(0).equals("snapshot")) {
            throw new Refused("Error: unknown command \"" + (args.isEmpty() ? "" : args.get(0)) + "\" for \"etcdctl\""
                    + " (a drill runs etcdctl snapshot save|status|restore)",
                    "write e.g. etcdctl: {cluster: k8s, command: \"snapshot save /var/lib/etcd-backup/snap.db\"}");
        }
        String sub = args.size() > 1 ? args.get(1) : "";
        if (args.size() != 3) {
            throw new Refused("Error: snapshot " + sub + " expects one argument", "write snapshot " + (sub.isEmpty()
                    ? "save" : sub) + " <filename>");
        }
        String file = args.get(2);
        if (!file.startsWith("/")) {
            throw new Refused("\"" + file + "\" is not an absolute path on the host",
                    "write the snapshot's full path, e.g. /var/lib/etcd-backup/snap.db");
        }
        return switch (sub) {
            case "save" -> {
                onlyGlobal(flags, "save");
                yield new Save(line.trim(), file);
            }
            case "status" -> {
                flags.keySet().stream().filter(RESTORE_FLAGS::contains).findFirst().ifPresent(f -> {
                    throw new Refused("Error: unknown flag: " + f + " (snapshot status)", "remove " + f);
                });
                yield new Status(line.trim(), file);
            }
            case "restore" -> {
                String dataDir = flags.get("--data-dir");
                String name = flags.getOrDefault("--name", "default");
                String peer = flags.getOrDefault("--initial-advertise-peer-urls", "http://localhost:2380");
                if (dataDir == null) {
                    // etcdctl 3.4 would restore into ./<name>.etcd of whatever directory it ran in
                    throw new Refused("snapshot restore without --data-dir writes <name>.etcd in the working"
                            + " directory, which kubeadm does not read", "add --data-dir "
                            + KubeadmInit.ETCD_DATA_DIR);
                }
                String cluster = flags.get("--initial-cluster");
                if (cluster != null && !cluster.equals(name + "=" + peer)) {
                    throw new Refused("--initial-cluster " + cluster + " does not hold this member (" + name + "="
                            + peer + ")", "write --initial-cluster " + name + "=" + peer + ", or leave it out");
                }
                yield new Restore(line.trim(), file, dataDir, name, peer,
                        flags.getOrDefault("--initial-cluster-token", "etcd-cluster"));
            }
            default -> throw new Refused("Error: unknown command \"" + sub + "\" for \"etcdctl snapshot\"",
                    "use snapshot save, snapshot status or snapshot restore");
        };
    }

    static KubeadmInit kubeadm(String line) {
        List<String> words = words(line, "kubeadm");
        Map<String, String> flags = new TreeMap<>();
        List<String> args = new ArrayList<>();
        split(words, flags, args);
        if (!args.equals(List.of("init"))) {
            throw new Refused("kubeadm " + String.join(" ", args) + ": a drill rebuilds a control plane with"
                    + " kubeadm init", "write kubeadm: {site: ..., cluster: ..., command: \"init"
                    + " --ignore-preflight-errors=DirAvailable--var-lib-etcd\"}");
        }
        for (String flag : flags.keySet()) {
            if (!Set.of("--ignore-preflight-errors", "--node-name", "--apiserver-advertise-address",
                    "--pod-network-cidr", "--kubernetes-version").contains(flag)) {
                throw new Refused("unknown flag: " + flag, "kubeadm init here takes --ignore-preflight-errors,"
                        + " --node-name and the address, CIDR and version flags");
            }
        }
        String ignored = flags.getOrDefault("--ignore-preflight-errors", "");
        boolean ignoreEtcd = false;
        for (String check : ignored.split(",")) {
            if (check.equalsIgnoreCase("all") || check.equalsIgnoreCase("DirAvailable--var-lib-etcd")) {
                ignoreEtcd = true;
            }
        }
        return new KubeadmInit(line.trim(), ignoreEtcd, flags.get("--node-name"));
    }

    /** The words of a line, without the tool's own name in front. */
    private static List<String> words(String line, String tool) {
        List<String> words = new ArrayList<>(List.of(line.trim().split("\\s+")));
        if (!words.isEmpty() && words.get(0).equals(tool)) {
            words.remove(0);
        }
        words.removeIf(String::isEmpty);
        return words;
    }

    private static void split(List<String> words, Map<String, String> flags, List<String> args) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-")) {
                args.add(w);
                continue;
            }
            int eq = w.indexOf('=');
            if (eq > 0) {
                flags.put(w.substring(0, eq), w.substring(eq + 1));
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("-")) {
                flags.put(w, words.get(++i));
            } else {
                throw new Refused("Error: flag needs an argument: " + w, "write " + w + "=VALUE");
            }
        }
    }

    private static void onlyGlobal(Map<String, String> flags, String sub) {
        Optional<String> other = flags.keySet().stream().filter(f -> !ETCDCTL_GLOBAL.contains(f)).findFirst();
        other.ifPresent(f -> {
            throw new Refused("Error: unknown flag: " + f + " (snapshot " + sub + ")", "remove " + f);
        });
    }
}
