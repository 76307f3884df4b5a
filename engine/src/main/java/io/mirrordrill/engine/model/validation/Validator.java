package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Findings.quote;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppVault;
import io.mirrordrill.engine.model.Application;
import io.mirrordrill.engine.model.ExecHook;
import io.mirrordrill.engine.model.ExecHooksRun;
import io.mirrordrill.engine.model.ProtectApi;
import io.mirrordrill.engine.model.ProtectResource;
import io.mirrordrill.engine.model.ResourceKind;
import io.mirrordrill.engine.model.Schedule;
import io.mirrordrill.engine.model.ShutdownSnapshot;
import io.mirrordrill.engine.model.Snapshot;
import io.mirrordrill.engine.model.SnapshotRestore;
import io.mirrordrill.engine.model.crd.Crds;
import io.mirrordrill.engine.model.yaml.BindingException;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.engine.model.yaml.ProtectYaml;
import io.mirrordrill.engine.model.yaml.YamlException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds every problem in Trident protect resources: header (apiVersion, kind), field types against the CRD schema,
 * then each kind's rules. Validation is pure: it reads documents and resources and changes nothing. Documents of
 * other APIs (a Secret next to an AppVault) are left alone, unless they look like a misspelt protect resource.
 */
public final class Validator {
    private static final SpecMemo SPECS = new SpecMemo();
    private static final DocumentsMemo FILES = new DocumentsMemo();

    private Validator() {
    }

    /** Problems of a file; malformed YAML is one problem naming the line. */
    public static List<Problem> validate(Path file) {
        try {
            return validate(ProtectYaml.parse(file));
        } catch (YamlException e) {
            return List.of(problem(e));
        }
    }

    /** Problems of YAML text; {@code source} names it in messages. */
    public static List<Problem> validate(String source, String text) {
        try {
            return validate(ProtectYaml.parse(source, text));
        } catch (YamlException e) {
            return List.of(problem(e));
        }
    }

    /** Problems of a file's documents. Remembered by content ({@link DocumentsMemo}): drills share files. */
    public static List<Problem> validate(List<Document> documents) {
        return FILES.get(documents, Validator::validateAll);
    }

    private static List<Problem> validateAll(List<Document> documents) {
        List<Problem> problems = new ArrayList<>();
        for (Document document : documents) {
            problems.addAll(validate(document));
        }
        return problems;
    }

    public static List<Problem> validate(Document document) {
        Findings f = new Findings(document.source(), document.describe(), document::lineOf);
        Optional<ResourceKind> kind = header(document, f);
        if (kind.isEmpty() || !f.problems().isEmpty()) {
            return f.problems();
        }
        Findings unknown = new Findings(document.source(), document.describe(), document::lineOf);
        SchemaCheck.checkStrict(document.tree(), Crds.schema(kind.get()), f, unknown);
        boolean typesWrong = !f.problems().isEmpty();
        try {
            // Binding often survives a type problem (0 becomes "0"), so the kind's rules still report the rest.
            rules(ProtectYaml.bind(document, kind.get().type()), f);
        } catch (BindingException e) {
            if (!typesWrong) { // otherwise it is the same value the schema check already named
                f.add(e.field(), e.reason(), e.fix());
            }
        }
        return UnknownFields.merge(f.problems(), unknown.problems());
    }

    /** Problems of a resource built in code (no lines): the schema check and the kind's rules. */
    public static List<Problem> validate(ProtectResource<?, ?> resource, String source) {
        Findings f = new Findings(source, resource.describe(), field -> 0);
        SchemaCheck.check(ProtectYaml.toTree(resource), Crds.schema(resource.resourceKind()), f);
        rules(resource, f);
        return f.problems();
    }

    /**
     * Problems of a resource read from a cluster, as a controller needs them: its spec and the identity a person
     * gave it (name, namespace), not its status (written by controllers) nor what the API server set in its
     * metadata. Remembered by content ({@link SpecMemo}): the same spec is checked on every reconcile.
     */
    public static List<Problem> validateSpec(ProtectResource<?, ?> resource) {
        return SPECS.get(identityAndSpec(resource), r -> validate(r, "cluster"));
    }

    private static ProtectResource<?, ?> identityAndSpec(ProtectResource<?, ?> resource) {
        ObjectMeta meta = resource.metadata();
        ObjectMeta identity = meta == null ? null : new ObjectMetaBuilder().withName(meta.getName())
                .withGenerateName(meta.getGenerateName()).withNamespace(meta.getNamespace()).build();
        return resource.withStatus(null).withMetadata(identity);
    }

    /** Throws {@link InvalidResourceException} with every problem, if there is any. */
    public static void requireValid(ProtectResource<?, ?> resource, String source) {
        List<Problem> problems = validate(resource, source);
        if (!problems.isEmpty()) {
            throw new InvalidResourceException(problems);
        }
    }

    /** The kind to check the document as; empty for documents of other APIs. */
    private static Optional<ResourceKind> header(Document document, Findings f) {
        String apiVersion = document.apiVersion();
        String kind = document.kind();
        f.require("apiVersion", apiVersion, "add apiVersion: " + ProtectApi.API_VERSION);
        f.require("kind", kind, "add the kind, e.g. kind: AppVault");
        if (apiVersion == null || kind == null) {
            return Optional.empty();
        }
        Optional<ResourceKind> known = ResourceKind.byKind(kind);
        Optional<ResourceKind> similar = ResourceKind.byKindIgnoringCase(kind);
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (group.equals(ProtectApi.GROUP)) {
            if (!apiVersion.equals(ProtectApi.API_VERSION)) {
                f.add("apiVersion", quote(apiVersion) + " is not served", "write apiVersion: " + ProtectApi.API_VERSION);
            }
            if (known.isEmpty()) {
                f.add("kind", "unknown kind " + quote(kind), similar.map(k -> "write " + k.kind()
                        + " (kinds are case-sensitive)").orElse("use one of " + ResourceKind.names()));
            }
            return known;
        }
        if (similar.isPresent() && (group.endsWith("netapp.io") || group.isEmpty())) {
            f.add("apiVersion", quote(apiVersion) + " is not the Trident protect API",
                    "write apiVersion: " + ProtectApi.API_VERSION);
        }
        return Optional.empty();
    }

    private static void rules(ProtectResource<?, ?> resource, Findings f) {
        MetadataRules.check(resource.metadata(), f);
        if (resource instanceof AppVault vault) {
            AppVaultRules.check(vault, f);
        } else if (resource instanceof Application app) {
            ApplicationRules.check(app, f);
        } else if (resource instanceof Schedule schedule) {
            ScheduleRules.check(schedule, f);
        } else if (resource instanceof Snapshot snapshot) {
            SnapshotRules.check(snapshot.spec(), f);
        } else if (resource instanceof ShutdownSnapshot shutdown) {
            SnapshotRules.check(shutdown.spec(), f);
        } else if (resource instanceof AppMirrorRelationship amr) {
            MirrorRules.check(amr, f);
        } else if (resource instanceof SnapshotRestore restore) {
            RestoreRules.check(restore, f);
        } else if (resource instanceof ExecHook hook) {
            ExecHookRules.check(hook, f);
        } else if (resource instanceof ExecHooksRun run) {
            ExecHookRules.check(run, f);
        }
    }

    static Problem problem(YamlException e) {
        return new Problem(e.source(), e.line(), "", "", e.reason(), e.fix());
    }
}
