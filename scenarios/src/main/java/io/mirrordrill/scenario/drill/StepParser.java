package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One step: a mapping with exactly one verb ({@code apply}, {@code await}, ...). */
final class StepParser {
    static final Set<String> VERBS = new TreeSet<>(Set.of("apply", "delete", "patch", "workload", "advance", "fault",
            "snapshot", "shutdownSnapshot", "await", "check", "run", "set", "sh", "ontap", "tridentctl"));
    static {
        VERBS.addAll(HostStepParser.VERBS);
    }
    static final Duration DEFAULT_WITHIN = Duration.ofMinutes(30);
    static final String DEFAULT_FILE = "records.log";
    static final int DEFAULT_RECORD_SIZE = 32;
    static final Duration DEFAULT_BATCH = Duration.ofSeconds(1);

    private final Path base;
    private final DrillFiles drillFiles;

    /** {@code base}: the directory files are relative to (the file the steps are written in). */
    StepParser(Path base, DrillFiles drillFiles) {
        this.base = base;
        this.drillFiles = drillFiles;
    }

    List<Step> stepsOf(Node parent, String key) {
        List<Step> steps = new ArrayList<>();
        Node list = parent.get(key);
        if (!list.isMissing() && !list.json().isArray()) {
            list.problem(key + " must be a list of steps, not " + (list.isObject() ? "a mapping" : "a single value"),
                    "write each step on its own line under " + key + ", starting with \"- \","
                            + " e.g. \"  - advance: 5m\"");
            return steps;
        }
        for (Node item : parent.list(key)) {
            Step s = step(item);
            if (s != null) {
                steps.add(s);
            }
        }
        return steps;
    }

    private Step step(Node item) {
        if (!item.isObject() || item.keys().size() != 1 || !VERBS.contains(item.keys().get(0))) {
            item.problem("a step is a mapping with exactly one of " + VERBS + (item.isObject() ? ", found "
                    + item.keys() : ""), "write e.g. - advance: 5m");
            return null;
        }
        String verb = item.keys().get(0);
        Node n = item.get(verb);
        At at = new At(item.source(), item.line(), item.path());
        return switch (verb) {
            case "apply" -> apply(at, n);
            case "delete" -> new Step.Delete(at, ref(n.allowOnly(refFields(Set.of()))));
            case "patch" -> patch(at, n);
            case "workload" -> workload(at, n);
            case "advance" -> new Step.Advance(at, positive(item, "advance", item.duration("advance",
                    Duration.ofSeconds(1), true)));
            case "fault" -> FaultParser.fault(at, n);
            case "snapshot", "shutdownSnapshot" -> snapshot(at, n, verb.equals("shutdownSnapshot"));
            case "await" -> new Step.Await(at, condition(n.allowOnly(conditionFields(Set.of("within")))),
                    n.duration("within", DEFAULT_WITHIN, false));
            case "check" -> new Step.Check(at, condition(n.allowOnly(conditionFields(Set.of()))));
            case "run" -> new Step.Run(at, item.text("run"));
            case "sh" -> sh(at, item, n);
            case "ontap" -> StorageStepParser.ontap(at, n);
            case "tridentctl" -> StorageStepParser.tridentctl(at, n, base, drillFiles);
            case "mount", "etcdctl", "kubeadm", "element", "corrupt" -> HostStepParser.step(at, verb, n);
            default -> new Step.SetVars(at, item.textMap("set"));
        };
    }

    private Step apply(At at, Node n) {
        n.requireObject("apply").allowOnly(Set.of("cluster", "namespace", "file", "files"));
        List<Path> files = new ArrayList<>();
        for (String key : List.of("file", "files")) {
            for (Node item : n.list(key)) {
                if (!item.isText()) {
                    item.problem("expected a single value", "write each item of " + key + " as a file name");
                } else {
                    drillFiles.resolve(base, item.json().asText(), item).ifPresent(files::add);
                }
            }
        }
        if (n.list("file").isEmpty() && n.list("files").isEmpty()) {
            n.problem("files", "apply names no file", "add file: path/to/resource.yaml (relative to this file)");
        }
        return new Step.Apply(at, n.text("cluster"), namespace(n), files);
    }

    private Step patch(At at, Node n) {
        n.allowOnly(refFields(Set.of("merge")));
        Node merge = n.get("merge");
        if (!merge.isObject()) {
            merge.problem("merge is missing or not a mapping", "write merge: {spec: {desiredState: Promoted}}");
        }
        return new Step.Patch(at, ref(n), merge.isObject() ? (ObjectNode) merge.json().deepCopy() : null);
    }

    private Step workload(At at, Node n) {
        n.requireObject("workload");
        if (n.has("stop")) {
            n.allowOnly(Set.of("stop"));
            return new Step.WorkloadStop(at, n.text("stop"));
        }
        n.allowOnly(Set.of("start", "cluster", "namespace", "deployment", "mount", "mounts", "file", "rate",
                "recordSize", "batch"));
        List<String> mounts = new ArrayList<>(n.texts("mount"));
        mounts.addAll(n.texts("mounts"));
        if (mounts.isEmpty()) {
            n.problem("mounts", "the workload writes to no mount", "add mount: /data (a mountPath of the pod)");
        }
        double rate = n.parsed("rate", 1.0, true, Units::rate, "a write rate", "write e.g. rate: 20/s");
        if (rate <= 0 || rate > 100_000) {
            n.problem("rate", "the rate must be above 0 and at most 100000/s", "write e.g. rate: 20/s");
        }
        long size = n.parsed("recordSize", (long) DEFAULT_RECORD_SIZE, false, Units::bytes, "a size",
                "write e.g. recordSize: 64B");
        if (size < 16 || size > 1 << 20) {
            n.problem("recordSize", "a record is 16 B to 1 MiB", "write e.g. recordSize: 64B");
        }
        Duration batch = positive(n, "batch", n.duration("batch", DEFAULT_BATCH, false));
        String file = n.text("file", DEFAULT_FILE, false);
        if (file != null && (file.isBlank() || file.startsWith("/") || file.contains("\\")
                || List.of(file.split("/", -1)).stream().anyMatch(p -> p.isEmpty() || p.equals(".")
                        || p.equals("..")))) {
            n.problem("file", "\"" + Node.abbreviated(file) + "\" is not a file inside the mount (the records file is"
                    + " written under the mount path, so it is relative, without '..', '.' or empty segments)",
                    "write a file name such as file: " + DEFAULT_FILE + " or file: app/records.log");
            file = DEFAULT_FILE;
        }
        return new Step.WorkloadStart(at, new WorkloadSpec(n.text("start"), n.text("cluster"), n.text("namespace"),
                n.text("deployment"), mounts, file, rate, (int) size, batch));
    }

    private Step snapshot(At at, Node n, boolean shutdown) {
        n.requireObject(shutdown ? "shutdownSnapshot" : "snapshot")
                .allowOnly(Set.of("cluster", "namespace", "file", "within", "saveAs"));
        String file = n.text("file");
        Path path = file == null ? base : drillFiles.resolve(base, file, n.get("file")).orElse(base);
        return new Step.Snapshot(at, n.text("cluster"), namespace(n), path, shutdown,
                n.duration("within", DEFAULT_WITHIN, false), n.text("saveAs", null, false));
    }

    static final Duration DEFAULT_SH_TIMEOUT = Duration.ofMinutes(2);
    static final Duration MAX_SH_TIMEOUT = Duration.ofHours(1);
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** {@code sh: "command"}, or {@code sh: {command, context, dir, expectExit, capture, timeout}}. */
    private Step sh(At at, Node item, Node n) {
        if (n.isText()) {
            String command = item.text("sh");
            if (command == null || command.isBlank()) {
                item.problem("sh", "the command is empty", "write the command line, e.g. sh: \"kubectl get amr -A\"");
            }
            return new Step.Sh(at, command == null ? "" : command, null, base, 0, null, DEFAULT_SH_TIMEOUT);
        }
        n.requireObject("sh").allowOnly(Set.of("command", "context", "dir", "expectExit", "capture", "timeout"));
        String command = n.text("command");
        if (command != null && command.isBlank()) {
            n.problem("command", "the command is empty", "write the command line or a script (command: |)");
        }
        Path dir = base;
        String d = n.text("dir", null, false);
        if (d != null) {
            dir = base.resolve(d).normalize();
            if (!java.nio.file.Files.isDirectory(dir)) {
                n.problem("dir", "\"" + Node.abbreviated(d) + "\" is not a directory (relative to the file the step is"
                        + " in)", "name a directory the command runs in, e.g. dir: seed");
                dir = base;
            }
        }
        long exit = n.number("expectExit", 0);
        if (exit < 0 || exit > 255) {
            n.problem("expectExit", "an exit code is 0 to 255", "write e.g. expectExit: 1");
            exit = 0;
        }
        String capture = n.text("capture", null, false);
        if (capture != null && !VARIABLE.matcher(capture).matches()) {
            n.problem("capture", "\"" + Node.abbreviated(capture) + "\" is not a variable name",
                    "write a name of letters, digits and '_', e.g. capture: ARCHIVE_PATH");
            capture = null;
        }
        Duration timeout = positive(n, "timeout", n.duration("timeout", DEFAULT_SH_TIMEOUT, false));
        if (timeout.compareTo(MAX_SH_TIMEOUT) > 0) {
            n.problem("timeout", "a command may run at most 1h (real time)", "write e.g. timeout: 5m");
            timeout = MAX_SH_TIMEOUT;
        }
        return new Step.Sh(at, command == null ? "" : command, n.text("context", null, false), dir, (int) exit,
                capture, timeout);
    }

    /** An optional {@code namespace:}: a namespace name, as the API server requires it. */
    private static String namespace(Node n) {
        String namespace = n.text("namespace", null, false);
        if (namespace != null && !Template.isTemplated(namespace)) {
            NamespaceName.problem(namespace).ifPresent(reason -> n.problem("namespace", reason,
                    NamespaceName.FIX));
        }
        return namespace;
    }

    static Duration positive(Node n, String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            n.problem(key, "the duration must be above zero", "write e.g. 30s");
            return Duration.ofSeconds(1);
        }
        return d;
    }

    static Set<String> refFields(Set<String> more) {
        Set<String> all = new TreeSet<>(Set.of("cluster", "kind", "apiVersion", "namespace", "name"));
        all.addAll(more);
        return all;
    }

    static Set<String> conditionFields(Set<String> more) {
        Set<String> all = refFields(more);
        all.addAll(Set.of("field", "equals", "contains", "exists", "deployment", "running", "file"));
        return all;
    }

    static Ref ref(Node n) {
        n.requireObject("the object");
        String kind = n.text("kind");
        String apiVersion = n.text("apiVersion", null, false);
        if (apiVersion == null && kind != null) {
            apiVersion = Kinds.apiVersionOf(kind).orElse(null);
            if (apiVersion == null) {
                n.problem("kind", "no apiVersion is known for kind \"" + kind + "\"",
                        "add apiVersion, or use one of " + Kinds.known());
            }
        }
        String namespace = kind != null && Kinds.clusterScoped(kind) ? null : n.text("namespace");
        return new Ref(n.text("cluster"), apiVersion, kind, namespace, n.text("name"));
    }

    static Condition condition(Node n) {
        n.requireObject("the condition");
        if (n.has("deployment") && n.has("file")) {
            return new Condition.FileContains(n.text("cluster"), n.text("namespace"), n.text("deployment"),
                    n.text("file"), n.text("contains"));
        }
        if (n.has("deployment")) {
            return new Condition.AppRunning(n.text("cluster"), n.text("namespace"), n.text("deployment"),
                    n.bool("running", true));
        }
        if (n.has("exists")) {
            return new Condition.Presence(ref(n), n.bool("exists", true));
        }
        boolean contains = n.has("contains");
        if (!n.has("field") || n.has("equals") == contains) {
            n.problem("a condition needs field with equals or contains, exists, or deployment and running",
                    "write e.g. field: status.state, equals: Established");
        }
        return new Condition.FieldEquals(ref(n), n.text("field", "", false),
                n.text(contains ? "contains" : "equals", "", false), contains);
    }
}
