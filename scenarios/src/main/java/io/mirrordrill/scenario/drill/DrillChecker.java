package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.engine.model.validation.Validator;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.model.yaml.YamlException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks that need the whole drill: every name a step uses is declared, every file exists and is valid
 * Kubernetes/protect YAML, every variable a template reads is set somewhere, procedures do not call themselves.
 */
final class DrillChecker {
    private final Drill drill;
    private final WorldNames names;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> variables = new TreeSet<>();
    private final Set<String> workloads = new TreeSet<>();
    private final References references;
    /** Whether the step being checked runs (is not in a procedure the drill never runs). */
    private boolean runs;

    DrillChecker(Drill drill) {
        this.drill = drill;
        this.names = new WorldNames(drill.world());
        this.references = new References(drill.world());
    }

    List<Problem> check() {
        problems.addAll(names.check());
        variables.addAll(drill.vars().keySet());
        List<Step> all = new ArrayList<>(drill.steps());
        drill.procedures().values().forEach(all::addAll);
        for (Step s : all) {
            if (s instanceof Step.SetVars set) {
                variables.addAll(set.values().keySet());
            } else if (s instanceof Step.Snapshot snap && snap.saveAs() != null) {
                variables.add(snap.saveAs());
            } else if (s instanceof Step.WorkloadStart start) {
                workloads.add(start.workload().name());
            } else if (s instanceof Step.Sh sh && sh.capture() != null) {
                variables.add(sh.capture());
            } else if (s instanceof Step.Element e && e.saveAs() != null) {
                variables.add(e.saveAs());
            }
        }
        // every step is checked; only those that run (the drill's, and procedures it runs) apply what others name
        Set<String> reachable = reachable(drill.steps(), new TreeSet<>());
        runs = true;
        drill.steps().forEach(this::step);
        for (Map.Entry<String, List<Step>> p : drill.procedures().entrySet()) {
            runs = reachable.contains(p.getKey());
            p.getValue().forEach(this::step);
        }
        for (Map.Entry<String, List<Step>> p : drill.procedures().entrySet()) {
            cycle(p.getKey(), p.getValue(), new ArrayList<>(List.of(p.getKey())));
        }
        for (Expectation e : drill.expectations()) {
            expectation(e);
        }
        problems.addAll(references.check());
        problems.addAll(new FaultOrder(drill).check());
        return problems;
    }

    /** The procedures {@code steps} run, directly or through other procedures. */
    private Set<String> reachable(List<Step> steps, Set<String> into) {
        for (Step s : steps) {
            if (s instanceof Step.Run r && drill.procedures().containsKey(r.procedure()) && into.add(r.procedure())) {
                reachable(drill.procedures().get(r.procedure()), into);
            }
        }
        return into;
    }

    /** The problems found so far. */
    List<Problem> found() {
        return List.copyOf(problems);
    }

    private void step(Step s) {
        At at = s.at();
        if (s instanceof Step.Apply a) {
            cluster(at, a.cluster());
            a.files().forEach(f -> file(at, f, null, a.cluster(), a.namespace()));
        } else if (s instanceof Step.Delete d) {
            ref(at, d.ref());
        } else if (s instanceof Step.Patch p) {
            ref(at, p.ref());
            if (p.merge() != null) {
                templates(at, p.merge().toString());
            }
        } else if (s instanceof Step.WorkloadStart w) {
            cluster(at, w.workload().cluster());
        } else if (s instanceof Step.WorkloadStop w && !workloads.contains(w.name())) {
            add(at, "workload \"" + w.name() + "\" is never started", "start it with workload: {start: "
                    + w.name() + ", ...}");
        } else if (s instanceof Step.Fault f) {
            names.fault(at, f.fault()).ifPresent(problems::add);
            if (f.fault() instanceof FaultSpec.Corrupt c && !workloads.contains(c.workload())) {
                add(at, "workload \"" + c.workload() + "\" is never started", "corrupt the data of a workload the"
                        + " drill starts, e.g. fault: {corrupt: app, disaster: true}");
            }
        } else if (s instanceof Step.Snapshot snap) {
            cluster(at, snap.cluster());
            file(at, snap.file(), snap.shutdown() ? "ShutdownSnapshot" : "Snapshot", snap.cluster(), snap.namespace());
        } else if (s instanceof Step.Await a) {
            condition(at, a.condition());
        } else if (s instanceof Step.Check c) {
            condition(at, c.condition());
        } else if (s instanceof Step.Run r && !drill.procedures().containsKey(r.procedure())) {
            add(at, "no procedure \"" + r.procedure() + "\"", "define it under procedures, or use one of "
                    + drill.procedures().keySet());
        } else if (s instanceof Step.SetVars set) {
            set.values().values().forEach(v -> templates(at, v));
        } else if (s instanceof Step.Sh sh) {
            cluster(at, sh.context());
            templates(at, sh.command());
        } else if (s instanceof Step.Ontap o && o.cluster() != null
                && !names.ontapClusters().contains(o.cluster())) {
            add(at, "no ONTAP cluster \"" + o.cluster() + "\"", "use one of " + names.ontapClusters()
                    + " or declare it under world.ontap");
        } else if (s instanceof Step.Tridentctl t) {
            cluster(at, t.cluster());
        } else if (s instanceof Step.Etcdctl e) {
            cluster(at, e.cluster());
            problems.addAll(names.storage(at, s));
        } else if (s instanceof Step.Kubeadm k) {
            cluster(at, k.cluster());
            problems.addAll(names.storage(at, s));
        } else if (s instanceof Step.Element e) {
            templates(at, e.params().toString());
            problems.addAll(names.storage(at, s));
        } else if (s instanceof Step.Corrupt c) {
            cluster(at, c.cluster());
        } else if (s instanceof Step.Mount) {
            problems.addAll(names.storage(at, s));
        }
    }

    private void expectation(Expectation e) {
        if (e instanceof Expectation.Holds h) {
            condition(e.at(), h.condition());
        } else if (e instanceof Expectation.NamespaceMetadata ns) {
            cluster(e.at(), ns.cluster());
        }
    }

    private void condition(At at, Condition c) {
        if (c instanceof Condition.FieldEquals f) {
            ref(at, f.ref());
            templates(at, f.value());
        } else if (c instanceof Condition.Presence p) {
            ref(at, p.ref());
        } else if (c instanceof Condition.AppRunning r) {
            cluster(at, r.cluster());
        } else if (c instanceof Condition.FileContains fc) {
            cluster(at, fc.cluster());
            templates(at, fc.text());
        }
    }

    private void ref(At at, Ref ref) {
        cluster(at, ref.cluster());
        templates(at, ref.name() + " " + (ref.namespace() == null ? "" : ref.namespace()));
    }

    private void cluster(At at, String cluster) {
        if (cluster != null && !names.clusters().contains(cluster)) {
            add(at, "no Kubernetes cluster \"" + cluster + "\"", "use one of " + names.clusters()
                    + " or declare it under world.kubernetes");
        }
    }

    private void templates(At at, String text) {
        try {
            for (Template.Reference r : Template.references(text)) {
                if (r.isVariable() && !variables.contains(r.variable())) {
                    add(at, "variable " + r.variable() + " is never set", "set it under vars, with a set step, or"
                            + " with a snapshot's saveAs");
                } else if (!r.isVariable()) {
                    cluster(at, r.ref().cluster());
                }
            }
        } catch (IllegalArgumentException e) {
            add(at, e.getMessage(), "write ${NAME}, ${uid:CLUSTER/KIND/NAMESPACE/NAME},"
                    + " ${field:CLUSTER/KIND/NAMESPACE/NAME:PATH} or"
                    + " ${volume:CLUSTER/PersistentVolumeClaim/NAMESPACE/NAME}");
        }
    }

    /**
     * A resource file: exists, is YAML, its protect documents are valid (templated fields excepted) and the storage
     * classes they map to exist on {@code cluster}, the one the step applies them to.
     */
    private void file(At at, Path file, String requiredKind, String cluster, String namespace) {
        if (Files.isDirectory(file)) {
            add(at, file + " is a directory, not a file", "name each resource file, e.g. file: " + file
                    + "/resource.yaml");
            return;
        }
        if (!Files.isRegularFile(file)) {
            add(at, "file " + file + " does not exist", "write the path relative to " + at.source());
            return;
        }
        try {
            List<Document> docs = ProtectYaml.parse(file);
            for (Document d : docs) {
                if (runs) {
                    references.add(at, cluster, namespace, d);
                }
                templates(new At(d.source(), d.line(), ""), d.tree().toString());
                if (requiredKind != null && !requiredKind.equals(d.kind())) {
                    problems.add(new Problem(d.source(), d.lineOf("kind"), "kind", "this step applies a "
                            + requiredKind + ", the file holds a " + d.kind(), "name a " + requiredKind + " file"));
                }
            }
            Set<String> invalid = new TreeSet<>();
            for (var p : Validator.validate(docs)) {
                Document d = docs.stream().filter(x -> p.resource().isEmpty() || x.describe().equals(p.resource()))
                        .findFirst().orElse(docs.get(0));
                invalid.add(d.describe() + " " + p.field());
                if (!Template.isTemplated(Template.at(d.tree(), p.field()).asText(""))) {
                    problems.add(new Problem(p.source(), p.line(), p.field(), (p.resource().isEmpty() ? ""
                            : p.resource() + ": ") + p.message(), p.fix()));
                }
            }
            docs.forEach(d -> mappedClasses(d, cluster, invalid));
        } catch (YamlException e) {
            problems.add(new Problem(e.source(), e.line(), "", e.reason(), e.fix()));
        }
    }

    /**
     * Each {@code storageClassMapping} destination of an AppMirrorRelationship or SnapshotRestore names a storage
     * class of the cluster it is applied to (the restore's destination); a value the validator already refused
     * ({@code invalid}: resource and field) is not reported twice.
     */
    private void mappedClasses(Document d, String cluster, Set<String> invalid) {
        if (!Set.of("AppMirrorRelationship", "SnapshotRestore").contains(d.kind())
                || !names.clusters().contains(cluster)) {
            return;
        }
        JsonNode entries = d.tree().path("spec").path("storageClassMapping");
        Set<String> classes = names.storageClasses(cluster);
        for (int i = 0; entries.isArray() && i < entries.size(); i++) {
            JsonNode destination = entries.get(i).path("destination");
            String name = destination.asText("");
            String field = "spec.storageClassMapping[" + i + "].destination";
            if (destination.isTextual() && !name.isEmpty() && !Template.isTemplated(name)
                    && !classes.contains(name) && !invalid.contains(d.describe() + " " + field)) {
                problems.add(new Problem(d.source(), d.lineOf(field), field, d.describe() + ": storage class "
                        + "\"" + name + "\" does not exist on cluster " + cluster + ", where this step applies it",
                        "map to one of " + classes + ", or declare it under world.kubernetes[" + cluster
                                + "].storageClasses"));
            }
        }
    }

    private void cycle(String name, List<Step> steps, List<String> stack) {
        for (Step s : steps) {
            if (s instanceof Step.Run r && drill.procedures().containsKey(r.procedure())) {
                if (stack.contains(r.procedure())) {
                    add(s.at(), "procedure " + name + " runs itself through " + stack, "remove the recursive run");
                    return;
                }
                stack.add(r.procedure());
                cycle(r.procedure(), drill.procedures().get(r.procedure()), stack);
                stack.remove(stack.size() - 1);
            }
        }
    }

    private void add(At at, String reason, String fix) {
        problems.add(new Problem(at.source(), at.line(), at.path(), reason, fix));
    }
}
