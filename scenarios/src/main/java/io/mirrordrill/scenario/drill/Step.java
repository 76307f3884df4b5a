package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One step of a drill. Values that hold {@code ${...}} are rendered when the step runs. */
public sealed interface Step {
    At at();

    /** A short line for summaries and the timeline. */
    String describe();

    /** {@code kubectl apply -f FILE -n NAMESPACE} of each file (ordinary protect and Kubernetes YAML). */
    record Apply(At at, String cluster, String namespace, List<Path> files) implements Step {
        public String describe() {
            return "apply " + files.stream().map(p -> p.getFileName().toString()).toList() + " to " + cluster
                    + (namespace == null ? "" : " -n " + namespace);
        }
    }

    /** {@code kubectl delete}. */
    record Delete(At at, Ref ref) implements Step {
        public String describe() {
            return "delete " + ref.describe();
        }
    }

    /** {@code kubectl patch --type merge}. */
    record Patch(At at, Ref ref, ObjectNode merge) implements Step {
        public String describe() {
            return "patch " + ref.describe() + " " + merge;
        }
    }

    record WorkloadStart(At at, WorkloadSpec workload) implements Step {
        public String describe() {
            return "start workload " + workload.describe();
        }
    }

    record WorkloadStop(At at, String name) implements Step {
        public String describe() {
            return "stop workload " + name;
        }
    }

    record Advance(At at, Duration duration) implements Step {
        public String describe() {
            return "advance " + Units.format(duration);
        }
    }

    /** A fault now, or {@code after} a delay; {@code disaster} marks the moment RPO and RTO are measured from. */
    record Fault(At at, FaultSpec fault, Duration after, boolean disaster) implements Step {
        public String describe() {
            return (disaster ? "disaster: " : "fault: ") + fault.describe()
                    + (after.isZero() ? "" : " after " + Units.format(after));
        }
    }

    /**
     * Applies a Snapshot or ShutdownSnapshot CR file and waits until it completes; {@code saveAs} keeps the basename
     * of its {@code status.appArchivePath} in a variable (for {@code spec.promotedSnapshot}).
     */
    record Snapshot(At at, String cluster, String namespace, Path file, boolean shutdown, Duration within,
                    String saveAs) implements Step {
        public String describe() {
            return (shutdown ? "shutdown snapshot " : "snapshot ") + file.getFileName() + " on " + cluster;
        }
    }

    record Await(At at, Condition condition, Duration within) implements Step {
        public String describe() {
            return "await " + condition.describe() + " within " + Units.format(within);
        }
    }

    /** Checks a condition now; a false one fails the drill at this step. */
    record Check(At at, Condition condition) implements Step {
        public String describe() {
            return "check " + condition.describe();
        }
    }

    /** Runs a named step list. */
    record Run(At at, String procedure) implements Step {
        public String describe() {
            return "run " + procedure;
        }
    }

    /** Sets variables (values may be templates, e.g. the source Application's uid). */
    record SetVars(At at, Map<String, String> values) implements Step {
        public String describe() {
            return "set " + String.join(", ", values.keySet());
        }
    }

    /**
     * A runbook's command line, or a script of several lines, run by {@code bash} against the drill's estate served on
     * 127.0.0.1 while simulated time stands still ({@code docs/drills.md}, "Runbook steps").
     *
     * @param context the kubeconfig's current context (a cluster's name); null: the first cluster by name
     * @param dir the working directory (the directory of the file the step is written in, or its {@code dir})
     * @param capture a variable that gets the command's standard output, its trailing newlines removed (may be null)
     * @param timeout real time the command may take before it is killed and the step fails
     */
    record Sh(At at, String command, String context, Path dir, int expectExit, String capture, Duration timeout)
            implements Step {
        public String describe() {
            List<String> lines = command.strip().lines().toList();
            return "sh" + (context == null ? "" : " [" + context + "]") + ": " + (lines.isEmpty() ? "" : lines.get(0))
                    + (lines.size() > 1 ? " (+" + (lines.size() - 1) + " lines)" : "");
        }
    }

    /** An ONTAP CLI command on an ONTAP cluster of the world, as typed at {@code cluster::>}. */
    record Ontap(At at, String cluster, OntapCommand command) implements Step {
        public String describe() {
            return cluster + "::> " + (command == null ? "?" : command.text());
        }
    }

    /** A {@code tridentctl} command against a Kubernetes cluster's Trident (secrets of its files never shown). */
    record Tridentctl(At at, String cluster, TridentctlCommand command) implements Step {
        public String describe() {
            return "tridentctl " + (command == null ? "?" : command.text(command.file() == null ? Path.of("")
                    : command.file().getParent())) + " on " + cluster;
        }
    }

    // ---- storage steps: etcd, kubeadm, Element (docs/drills.md "Storage steps: etcd, kubeadm, Element") -------

    /**
     * {@code mount -t nfs <data LIF>:/VOLUME PATH} on a host at {@code site}: files under {@code path} there are the
     * ONTAP volume's ({@code volume} is {@code CLUSTER/SVM/VOLUME}; a DP volume mounts read-only); or, with
     * {@code bucket} ({@code HOST/BUCKET}) instead, {@code mount-s3 BUCKET PATH --endpoint-url https://HOST}: files
     * are the bucket's objects.
     */
    record Mount(At at, String site, String volume, String path, String bucket) implements Step {
        public Mount(At at, String site, String volume, String path) {
            this(at, site, volume, path, null);
        }

        public String describe() {
            return "mount " + (bucket != null ? bucket : volume) + " at " + site + ":" + path;
        }
    }

    /**
     * {@code etcdctl} as typed: {@code snapshot save} on the control-plane host of {@code cluster} (its etcd member),
     * {@code snapshot status} and {@code snapshot restore} on a host at {@code site}.
     */
    record Etcdctl(At at, String cluster, String site, AdminCommand.Etcdctl command) implements Step {
        public String describe() {
            return "etcdctl " + command.line() + " on " + (cluster != null ? cluster : site);
        }
    }

    /**
     * {@code kubeadm init} on a host at {@code site} over the etcd data dir restored there: cluster {@code cluster}
     * comes back from its snapshot.
     */
    record Kubeadm(At at, String cluster, String site, AdminCommand.KubeadmInit command) implements Step {
        public String describe() {
            return "kubeadm " + command.line() + " at " + site;
        }
    }

    /**
     * An Element API call ({@code method} with its JSON-RPC {@code params}) to Element cluster {@code cluster};
     * {@code saveAs} keeps the ID the call returns (for ListSnapshots, the newest snapshot's) in a variable.
     */
    record Element(At at, String cluster, String method, ObjectNode params, String saveAs) implements Step {
        public String describe() {
            return "element " + cluster + " " + method + " " + params;
        }
    }

    /**
     * Data corruption: the application's file under a mount of the Deployment's pod overwritten with garbage of the
     * same length (what a bad release or a torn write does), so it holds no record any more.
     */
    record Corrupt(At at, String cluster, String namespace, String deployment, String mount, String file)
            implements Step {
        public String describe() {
            return "corrupt " + file + " under " + mount + " of " + cluster + ":" + namespace + "/" + deployment;
        }
    }
}
