package io.mirrordrill.scenario.drill;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@link Step} as the one-line YAML item a drill file holds ({@code advance: 2m}, {@code fault: {siteDown: east}}),
 * which {@link DrillParser} reads back as the same step. Generated drills are written with it; fields at the parser's
 * default are left out.
 */
public final class StepWriter {
    /** Written bare: everything else is double-quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z/][A-Za-z0-9_./@-]*");
    private static final Pattern KEYWORD = Pattern.compile("(?i)true|false|yes|no|on|off|null|y|n|~");

    private StepWriter() {
    }

    /** The step's text; file names are written relative to {@code base}, the directory of the drill file. */
    public static String yaml(Step step, Path base) {
        if (step instanceof Step.Apply a) {
            Fields f = new Fields().add("cluster", a.cluster())
                    .addIf(a.namespace() != null, "namespace", a.namespace());
            List<String> files = a.files().stream().map(p -> relative(base, p)).toList();
            return "apply: " + (files.size() == 1 ? f.add("file", files.get(0)) : f.list("files", files));
        } else if (step instanceof Step.Delete d) {
            return "delete: " + ref(new Fields(), d.ref());
        } else if (step instanceof Step.Patch p) {
            return "patch: " + ref(new Fields(), p.ref()).raw("merge", p.merge().toString());
        } else if (step instanceof Step.WorkloadStart w) {
            return "workload: " + workload(w.workload());
        } else if (step instanceof Step.WorkloadStop w) {
            return "workload: " + new Fields().add("stop", w.name());
        } else if (step instanceof Step.Advance a) {
            return "advance: " + duration(a.duration());
        } else if (step instanceof Step.Fault f) {
            return "fault: " + fault(new Fields(), f.fault()).rawIf(!f.after().isZero(), "after", duration(f.after()))
                    .rawIf(f.disaster(), "disaster", "true");
        } else if (step instanceof Step.Snapshot s) {
            return (s.shutdown() ? "shutdownSnapshot: " : "snapshot: ") + new Fields().add("cluster", s.cluster())
                    .addIf(s.namespace() != null, "namespace", s.namespace()).add("file", relative(base, s.file()))
                    .within(s.within()).addIf(s.saveAs() != null, "saveAs", s.saveAs());
        } else if (step instanceof Step.Await a) {
            return "await: " + condition(new Fields(), a.condition()).within(a.within());
        } else if (step instanceof Step.Check c) {
            return "check: " + condition(new Fields(), c.condition());
        } else if (step instanceof Step.Run r) {
            return "run: " + scalar(r.procedure());
        } else if (step instanceof Step.SetVars s) {
            Fields f = new Fields();
            s.values().forEach(f::quoted);
            return "set: " + f;
        } else if (step instanceof Step.Sh s) {
            // a script's newlines escaped: a double-quoted YAML scalar folds a line break into a space
            return "sh: " + new Fields().raw("command", quote(s.command()).replace("\n", "\\n"))
                    .addIf(s.context() != null, "context", s.context())
                    .addIf(!relative(base, s.dir()).isEmpty(), "dir", relative(base, s.dir()))
                    .rawIf(s.expectExit() != 0, "expectExit", String.valueOf(s.expectExit()))
                    .addIf(s.capture() != null, "capture", s.capture())
                    .rawIf(!s.timeout().equals(StepParser.DEFAULT_SH_TIMEOUT), "timeout", duration(s.timeout()));
        }
        if (step instanceof Step.Ontap o) {
            return "ontap: " + new Fields().add("cluster", o.cluster()).add("run", o.command().text());
        } else if (step instanceof Step.Tridentctl t) {
            return "tridentctl: " + new Fields().add("cluster", t.cluster()).add("run", t.command().text(base));
        } else if (step instanceof Step.Mount m) {
            return "mount: " + new Fields().add("site", m.site()).addIf(m.volume() != null, "volume", m.volume())
                    .addIf(m.bucket() != null, "bucket", m.bucket()).add("path", m.path());
        } else if (step instanceof Step.Etcdctl e) {
            return "etcdctl: " + new Fields().addIf(e.cluster() != null, "cluster", e.cluster())
                    .addIf(e.site() != null, "site", e.site()).quoted("command", e.command().line());
        } else if (step instanceof Step.Kubeadm k) {
            return "kubeadm: " + new Fields().add("cluster", k.cluster()).add("site", k.site())
                    .quoted("command", k.command().line());
        } else if (step instanceof Step.Element e) {
            return "element: " + new Fields().add("cluster", e.cluster()).add("method", e.method())
                    .raw("params", e.params().toString()).addIf(e.saveAs() != null, "saveAs", e.saveAs());
        } else if (step instanceof Step.Corrupt c) {
            return "corrupt: " + new Fields().add("cluster", c.cluster()).add("namespace", c.namespace())
                    .add("deployment", c.deployment()).add("mount", c.mount())
                    .addIf(!c.file().equals(StepParser.DEFAULT_FILE), "file", c.file());
        }
        throw new IllegalArgumentException("no YAML form for step type " + step.getClass().getSimpleName());
    }

    private static Fields workload(WorkloadSpec w) {
        Fields f = new Fields().add("start", w.name()).add("cluster", w.cluster()).add("namespace", w.namespace())
                .add("deployment", w.deployment());
        f = w.mounts().size() == 1 ? f.add("mount", w.mounts().get(0)) : f.list("mounts", w.mounts());
        return f.addIf(!w.file().equals(StepParser.DEFAULT_FILE), "file", w.file())
                .raw("rate", BigDecimal.valueOf(w.rate()).stripTrailingZeros().toPlainString() + "/s")
                .rawIf(w.recordSize() != StepParser.DEFAULT_RECORD_SIZE, "recordSize", size(w.recordSize()))
                .rawIf(!w.batch().equals(StepParser.DEFAULT_BATCH), "batch", duration(w.batch()));
    }

    private static Fields fault(Fields f, FaultSpec spec) {
        if (spec instanceof FaultSpec.SiteDown d) {
            return f.add("siteDown", d.site());
        } else if (spec instanceof FaultSpec.SiteUp u) {
            return f.add("siteUp", u.site());
        } else if (spec instanceof FaultSpec.Partition p) {
            return f.list("partition", List.of(p.a(), p.b()));
        } else if (spec instanceof FaultSpec.Heal h) {
            return f.list("heal", List.of(h.a(), h.b()));
        } else if (spec instanceof FaultSpec.Degrade g) {
            return f.list("degrade", List.of(g.a(), g.b())).raw("latency", duration(g.latency()))
                    .raw("bandwidth", bandwidth(g.bandwidth()));
        } else if (spec instanceof FaultSpec.BucketOutage o) {
            return f.add("bucketOutage", o.host() + "/" + o.bucket());
        } else if (spec instanceof FaultSpec.BucketRestore r) {
            return f.add("bucketRestore", r.host() + "/" + r.bucket());
        } else if (spec instanceof FaultSpec.EngineCrash c) {
            return f.add("engineCrash", c.cluster()).rawIf(c.afterCalls() > 0, "afterCalls",
                    Long.toString(c.afterCalls()));
        } else if (spec instanceof FaultSpec.EngineRestart r) {
            return f.add("engineRestart", r.cluster());
        } else if (spec instanceof FaultSpec.Corrupt c) {
            return f.add("corrupt", c.workload());
        }
        throw new IllegalArgumentException("no YAML form for fault " + spec.getClass().getSimpleName());
    }

    private static Fields ref(Fields f, Ref r) {
        return f.add("cluster", r.cluster()).add("apiVersion", r.apiVersion()).add("kind", r.kind())
                .addIf(r.namespace() != null, "namespace", r.namespace()).add("name", r.name());
    }

    private static Fields condition(Fields f, Condition c) {
        if (c instanceof Condition.FieldEquals e) {
            return ref(f, e.ref()).add("field", e.field()).quoted(e.contains() ? "contains" : "equals", e.value());
        } else if (c instanceof Condition.Presence p) {
            return ref(f, p.ref()).raw("exists", String.valueOf(p.present()));
        } else if (c instanceof Condition.AppRunning a) {
            return f.add("cluster", a.cluster()).add("namespace", a.namespace()).add("deployment", a.deployment())
                    .raw("running", String.valueOf(a.running()));
        } else if (c instanceof Condition.FileContains fc) {
            return f.add("cluster", fc.cluster()).add("namespace", fc.namespace()).add("deployment", fc.deployment())
                    .add("file", fc.file()).quoted("contains", fc.text());
        }
        throw new IllegalArgumentException("no YAML form for condition " + c.getClass().getSimpleName());
    }

    /** {@code 2m}, {@code 1h30m}; milliseconds when there are some ({@code 1500ms}), as the parser reads them. */
    public static String duration(Duration d) {
        return d.toMillisPart() == 0 ? Units.format(d) : d.toMillis() + "ms";
    }

    /** Bytes a second in the largest decimal unit that divides them: {@code 100KB/s}. */
    public static String bandwidth(long bytesPerSecond) {
        for (String unit : List.of("GB", "MB", "KB")) {
            long factor = unit.equals("GB") ? 1_000_000_000L : unit.equals("MB") ? 1_000_000L : 1_000L;
            if (bytesPerSecond % factor == 0) {
                return bytesPerSecond / factor + unit + "/s";
            }
        }
        return bytesPerSecond + "B/s";
    }

    /** A record size in KiB or MiB when it is a whole number of them. */
    public static String size(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + "MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + "KiB" : bytes + "B";
    }

    private static String relative(Path base, Path file) {
        return base.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    /** Bare when YAML reads it back as the same text, else double-quoted. */
    static String scalar(String text) {
        return PLAIN.matcher(text).matches() && !KEYWORD.matcher(text).matches() ? text : quote(text);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A flow mapping, in the order the fields are added. */
    private static final class Fields {
        private final List<String> entries = new ArrayList<>();

        Fields add(String key, String value) {
            return raw(key, scalar(value));
        }

        Fields addIf(boolean when, String key, String value) {
            return when ? add(key, value) : this;
        }

        Fields quoted(String key, String value) {
            return raw(key, quote(value));
        }

        Fields list(String key, List<String> values) {
            return raw(key, "[" + String.join(", ", values.stream().map(StepWriter::scalar).toList()) + "]");
        }

        Fields within(Duration within) {
            return rawIf(!within.equals(StepParser.DEFAULT_WITHIN), "within", duration(within));
        }

        /** A value written as it is (durations, sizes, rates, booleans: never names). */
        Fields rawIf(boolean when, String key, String value) {
            return when ? raw(key, value) : this;
        }

        Fields raw(String key, String value) {
            entries.add(key + ": " + value);
            return this;
        }

        @Override
        public String toString() {
            return "{" + String.join(", ", entries) + "}";
        }
    }
}
