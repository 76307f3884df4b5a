package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The steps an administrator runs on the sites' hosts: {@code mount}, {@code etcdctl}, {@code kubeadm}, {@code element},
 * {@code corrupt} (the ONTAP and tridentctl steps are {@link StorageStepParser}'s).
 */
final class HostStepParser {
    static final Set<String> VERBS = Set.of("mount", "etcdctl", "kubeadm", "element", "corrupt");

    /** The Element API methods a drill calls, with their parameters (required first, as Element names them). */
    record Method(List<String> required, List<String> optional) {}

    static final Map<String, Method> ELEMENT_METHODS = new TreeMap<>(Map.of(
            "CreateSnapshot", new Method(List.of("volumeID"), List.of("name", "retention")),
            "ListSnapshots", new Method(List.of(), List.of("volumeID")),
            "DeleteSnapshot", new Method(List.of("snapshotID"), List.of()),
            "RollbackToSnapshot", new Method(List.of("volumeID", "snapshotID", "saveCurrentState"), List.of("name")),
            "CreateSchedule", new Method(List.of("scheduleName", "scheduleType", "attributes", "hours", "minutes",
                    "scheduleInfo"), List.of("recurring", "paused")),
            "ModifySchedule", new Method(List.of("scheduleID"), List.of("paused", "hours", "minutes",
                    "toBeDeleted")),
            "ListSchedules", new Method(List.of(), List.of()),
            "ListVolumes", new Method(List.of(), List.of())));

    private HostStepParser() {
    }

    static Step step(At at, String verb, Node n) {
        return switch (verb) {
            case "mount" -> mount(at, n);
            case "etcdctl" -> etcdctl(at, n);
            case "kubeadm" -> kubeadm(at, n);
            case "element" -> element(at, n);
            default -> corrupt(at, n);
        };
    }

    private static Step mount(At at, Node n) {
        n.requireObject("mount").allowOnly(Set.of("site", "volume", "bucket", "path"));
        if (n.has("volume") == n.has("bucket")) {
            n.problem("a mount names exactly one of volume (an ONTAP volume over NFS) and bucket (mount-s3)",
                    "write volume: ontap-east/svm-east/etcd_backup, or bucket: s3.east.example/backups");
        }
        String volume = n.text("volume", null, false);
        if (volume != null && volume.split("/").length != 3) {
            n.problem("volume", "\"" + volume + "\" does not name a volume as ONTAP-CLUSTER/SVM/VOLUME",
                    "write e.g. volume: ontap-east/svm-east/etcd_backup");
        }
        String bucket = n.text("bucket", null, false);
        if (bucket != null && bucket.split("/").length != 2) {
            n.problem("bucket", "\"" + bucket + "\" does not name a bucket as HOST/BUCKET",
                    "write e.g. bucket: s3.east.example/etcd-backups");
        }
        return new Step.Mount(at, n.text("site"), volume, absolute(n, "path"), bucket);
    }

    private static Step etcdctl(At at, Node n) {
        n.requireObject("etcdctl").allowOnly(Set.of("cluster", "site", "command"));
        String line = n.text("command");
        AdminCommand.Etcdctl command = null;
        if (line != null) {
            try {
                command = AdminCommand.etcdctl(line);
            } catch (AdminCommand.Refused e) {
                n.problem("command", e.getMessage(), e.fix);
            }
        }
        String cluster = n.text("cluster", null, false);
        String site = n.text("site", null, false);
        if (command instanceof AdminCommand.Save && cluster == null) {
            n.problem("cluster", "snapshot save talks to a cluster's etcd member: name the cluster",
                    "add cluster: <the Kubernetes cluster whose etcd is saved>");
        } else if (command != null && !(command instanceof AdminCommand.Save) && site == null) {
            n.problem("site", "snapshot status and restore run on a host: name its site",
                    "add site: <where the host runs>");
        }
        if (cluster != null && site != null) {
            n.problem("site", "etcdctl runs on one host: the cluster's (save) or one at a site (status, restore)",
                    "keep cluster for snapshot save, site for status and restore");
        }
        return new Step.Etcdctl(at, cluster, site, command);
    }

    private static Step kubeadm(At at, Node n) {
        n.requireObject("kubeadm").allowOnly(Set.of("cluster", "site", "command"));
        String line = n.text("command");
        AdminCommand.KubeadmInit command = null;
        if (line != null) {
            try {
                command = AdminCommand.kubeadm(line);
            } catch (AdminCommand.Refused e) {
                n.problem("command", e.getMessage(), e.fix);
            }
        }
        return new Step.Kubeadm(at, n.text("cluster"), n.text("site"), command);
    }

    private static Step element(At at, Node n) {
        n.requireObject("element").allowOnly(Set.of("cluster", "method", "params", "saveAs"));
        String method = n.text("method");
        Node params = n.get("params");
        if (!params.isMissing() && !params.isObject()) {
            params.problem("params is not a mapping", "write params: {volumeID: 1}");
        }
        Method m = method == null ? null : ELEMENT_METHODS.get(method);
        if (method != null && m == null) {
            n.problem("method", "xUnknownAPIMethod: \"" + method + "\" is not an Element API method a drill calls",
                    "use one of " + ELEMENT_METHODS.keySet());
        }
        if (m != null && (params.isObject() || params.isMissing())) {
            for (String key : params.keys()) {
                if (!m.required().contains(key) && !m.optional().contains(key)) {
                    params.problem(key, "unknown parameter \"" + key + "\" of " + method, "use "
                            + (m.required().isEmpty() && m.optional().isEmpty() ? "no parameters" : "of "
                            + m.required() + (m.optional().isEmpty() ? "" : " and optionally " + m.optional())));
                }
            }
            for (String key : m.required()) {
                if (!params.has(key)) {
                    params.problem(key, "xMissingParameter: " + method + " needs \"" + key + "\"", "add " + key
                            + ": ...");
                }
            }
        }
        ObjectNode copy = params.isObject() ? (ObjectNode) params.json().deepCopy()
                : new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        if (m != null && copy.has("volumeID")) {
            id(params, "volumeID", copy.get("volumeID"));
        }
        if (m != null && copy.has("snapshotID")) {
            id(params, "snapshotID", copy.get("snapshotID"));
        }
        return new Step.Element(at, n.text("cluster"), method, copy, n.text("saveAs", null, false));
    }

    /** An ID: a positive number, or a template that renders to one when the step runs. */
    private static void id(Node params, String key, JsonNode value) {
        boolean templated = value.isTextual() && Template.isTemplated(value.asText());
        if (!templated && !(value.canConvertToLong() && value.asLong() > 0)) {
            params.problem(key, "xInvalidParameterType: " + key + " must be a positive integer, not " + value,
                    "write e.g. " + key + ": 1, or ${VAR} saved by an earlier step's saveAs");
        }
    }

    private static Step corrupt(At at, Node n) {
        n.requireObject("corrupt").allowOnly(Set.of("cluster", "namespace", "deployment", "mount", "file"));
        return new Step.Corrupt(at, n.text("cluster"), n.text("namespace"), n.text("deployment"),
                absolute(n, "mount"), n.text("file", StepParser.DEFAULT_FILE, false));
    }

    private static String absolute(Node n, String key) {
        String path = n.text(key);
        if (path != null && (!path.startsWith("/") || path.contains(".."))) {
            n.problem(key, "\"" + path + "\" is not an absolute path", "write e.g. " + key + ": /var/lib/etcd-backup");
        }
        return path;
    }
}
