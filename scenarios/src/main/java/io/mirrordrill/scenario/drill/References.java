package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.emulator.k8s.KubernetesCluster;
import io.mirrordrill.emulator.k8s.Secrets;
import io.mirrordrill.engine.model.ProviderType;
import io.mirrordrill.engine.model.yaml.Document;
import io.mirrordrill.port.kubernetes.KubernetesException;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the drill's applied files name, checked against each other and the world, so a wrong name is refused before
 * the run rather than found as a stuck resource hours into it: namespaces, Secrets and their keys, AppVaults (their
 * buckets and hosts among the world's object stores), Applications, storage classes. A name is good when any step of
 * the drill applies it on that cluster (order is not judged); templated values ({@code ${...}}) are not judged.
 */
final class References {
    private static final ResourceKind SECRET = new ResourceKind("", "v1", "Secret", "secrets", true, false);

    /** One applied document: the cluster and namespace the step puts it in. */
    private record Applied(At step, String cluster, String namespace, Document doc) {
        boolean is(String kind) {
            return kind.equals(doc.kind()) && Kinds.apiVersionOf(kind).filter(v -> v.equals(doc.apiVersion()))
                    .isPresent();
        }

        String text(String path) {
            return value(Template.at(doc.tree(), path));
        }

        /** A value given as text, not templated; null otherwise (the resource's own validation judges types). */
        static String value(JsonNode n) {
            return n.isValueNode() && !n.isNull() && !Template.isTemplated(n.asText()) ? n.asText() : null;
        }
    }

    private final WorldSpec world;
    private final List<Applied> applied = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    References(WorldSpec world) {
        this.world = world;
    }

    void add(At step, String cluster, String stepNamespace, Document doc) {
        if (cluster == null || world.kubernetes().stream().noneMatch(k -> k.name().equals(cluster))) {
            return; // an unknown cluster is reported once, at the step
        }
        String ns = doc.namespace() != null ? doc.namespace() : stepNamespace != null ? stepNamespace : "default";
        applied.add(new Applied(step, cluster, ns, doc));
    }

    List<Problem> check() {
        for (Applied a : applied) {
            namespace(a);
            if (a.is("Secret")) {
                base64(a);
            } else if (a.is("AppVault")) {
                vault(a);
            } else if (a.is("AppMirrorRelationship")) {
                vaultRef(a, "spec.sourceAppVaultRef");
                vaultRef(a, "spec.destinationAppVaultRef");
                storageClass(a, "spec.storageClassName");
            } else if (a.is("Schedule") || a.is("Snapshot") || a.is("ShutdownSnapshot")) {
                vaultRef(a, "spec.appVaultRef");
                application(a, "spec.applicationRef");
            } else if (a.is("SnapshotRestore")) {
                vaultRef(a, "spec.appVaultRef");
            } else if (a.is("PersistentVolumeClaim")) {
                storageClass(a, "spec.storageClassName");
            }
        }
        return problems;
    }

    private void namespace(Applied a) {
        if (Kinds.clusterScoped(String.valueOf(a.doc.kind())) || Template.isTemplated(a.namespace)) {
            return;
        }
        Set<String> known = namespaces(a.cluster);
        if (!known.contains(a.namespace)) {
            boolean inFile = a.doc.namespace() != null;
            String reason = "namespace \"" + a.namespace + "\" does not exist on cluster " + a.cluster
                    + " (the API server would answer: namespaces \"" + a.namespace + "\" not found)";
            String fix = "use one of " + known + ", add it to the cluster's namespaces in the world, or apply a"
                    + " Namespace named " + a.namespace + " on " + a.cluster;
            if (inFile) {
                at(a, "metadata.namespace", reason, fix);
            } else {
                problems.add(new Problem(a.step.source(), a.step.line(), a.step.path() + ".apply.namespace",
                        reason, fix));
            }
        }
    }

    /** The world's, every cluster's initial ones, applied Namespaces, and the destinations restores create. */
    private Set<String> namespaces(String cluster) {
        Set<String> known = new TreeSet<>(KubernetesCluster.INITIAL_NAMESPACES);
        world.kubernetes().stream().filter(k -> k.name().equals(cluster)).forEach(k -> known.addAll(k.namespaces()));
        for (Applied a : applied) {
            if (!a.cluster.equals(cluster)) {
                continue;
            }
            if (a.is("Namespace") && a.doc.name() != null) {
                known.add(a.doc.name());
            }
            if (a.is("AppMirrorRelationship") || a.is("SnapshotRestore")) {
                JsonNode mapping = a.doc.tree().path("spec").path("namespaceMapping");
                mapping.forEach(m -> known.add(m.path("destination").asText("")));
            }
        }
        return known;
    }

    /** As the API server decodes a Secret: {@code data} values are base64. */
    private void base64(Applied a) {
        try {
            Secrets.normalise(SECRET, (ObjectNode) a.doc.tree().deepCopy());
        } catch (KubernetesException e) {
            at(a, "data", e.getMessage() + " (the API server answers 400 BadRequest)",
                    "encode each data value with base64 (echo -n value | base64), or write the plain values under"
                            + " stringData");
        }
    }

    private void vault(Applied a) {
        ProviderType provider = ProviderType.parse(a.text("spec.providerType")).orElse(null);
        if (provider == null) {
            return; // missing or unknown: the resource's own validation says so
        }
        if (!provider.isS3()) {
            at(a, "spec.providerType", provider.value() + " vaults are not supported by mirrordrill: its worlds have"
                    + " S3 object stores only", "use providerType GenericS3 with providerConfig.s3 naming a bucket of"
                    + " world.objectStores (" + buckets() + ")");
            return;
        }
        String bucket = a.text("spec.providerConfig.s3.bucketName");
        String endpoint = a.text("spec.providerConfig.s3.endpoint");
        if (endpoint == null && provider == ProviderType.AWS && !Template.at(a.doc.tree(),
                "spec.providerConfig.s3.endpoint").isTextual()) {
            endpoint = "s3.amazonaws.com";
        }
        if (endpoint != null) {
            String host = host(endpoint);
            WorldSpec.ObjectStore store = world.objectStores().stream().filter(s -> s.host().equals(host))
                    .findFirst().orElse(null);
            if (store == null) {
                at(a, "spec.providerConfig.s3.endpoint", "the world has no object store at host \"" + host + "\"",
                        "use a host of world.objectStores (" + buckets() + ") or add the store to the world");
            } else if (bucket != null && !store.buckets().contains(bucket)) {
                at(a, "spec.providerConfig.s3.bucketName", "object store " + host + " has no bucket \"" + bucket
                        + "\"", (store.buckets().isEmpty() ? "" : "use one of " + store.buckets() + " or ")
                        + "add " + bucket + " to the buckets of " + host + " in the world");
            }
        }
        Map<String, Set<String>> secrets = secrets(a.cluster, a.namespace);
        JsonNode credentials = a.doc.tree().path("spec").path("providerCredentials");
        for (String name : fieldNames(credentials)) {
            // the credential's name is the user's: read by key, not as a dotted path
            String at = "spec.providerCredentials." + name + ".valueFromSecret";
            JsonNode from = credentials.path(name).path("valueFromSecret");
            String secret = Applied.value(from.path("name"));
            String key = Applied.value(from.path("key"));
            if (secret == null) {
                continue;
            }
            if (!secrets.containsKey(secret)) {
                at(a, at + ".name", "no Secret \"" + secret + "\" is applied in namespace " + a.namespace + " on "
                        + a.cluster + " (the AppVault reads its credentials from its own namespace)",
                        secrets.isEmpty() ? "apply a Secret named " + secret + " in namespace " + a.namespace
                                + " on " + a.cluster : "use one of " + secrets.keySet() + " or apply a Secret named "
                                + secret + " there");
            } else if (key != null && !secrets.get(secret).contains(key)) {
                at(a, at + ".key", "Secret " + secret + " has no key \"" + key + "\"", "use one of "
                        + secrets.get(secret) + " or add " + key + " to the Secret's stringData");
            }
        }
    }

    private void vaultRef(Applied a, String field) {
        String name = a.text(field);
        if (name == null) {
            return;
        }
        Set<String> vaults = new TreeSet<>();
        applied.stream().filter(v -> v.cluster.equals(a.cluster) && v.is("AppVault") && v.doc.name() != null)
                .forEach(v -> vaults.add(v.doc.name()));
        if (!vaults.contains(name)) {
            at(a, field, "no AppVault \"" + name + "\" is applied on cluster " + a.cluster, vaults.isEmpty()
                    ? "apply an AppVault named " + name + " on " + a.cluster + " (namespace trident-protect)"
                    : "use one of " + vaults + " or apply an AppVault named " + name + " on " + a.cluster);
        }
    }

    /** An Application applied in the namespace, or one a relationship there creates when it is promoted. */
    private void application(Applied a, String field) {
        String name = a.text(field);
        if (name == null) {
            return;
        }
        Set<String> apps = new TreeSet<>();
        boolean mirrored = false;
        for (Applied x : applied) {
            if (x.cluster.equals(a.cluster) && x.namespace.equals(a.namespace)) {
                if (x.is("Application") && x.doc.name() != null) {
                    apps.add(x.doc.name());
                }
                mirrored |= x.is("AppMirrorRelationship");
            }
        }
        if (!apps.contains(name) && !mirrored) {
            at(a, field, "no Application \"" + name + "\" is applied in namespace " + a.namespace + " on cluster "
                    + a.cluster, apps.isEmpty() ? "apply an Application named " + name + " in " + a.namespace
                    : "use one of " + apps + " or apply an Application named " + name + " in " + a.namespace);
        }
    }

    private void storageClass(Applied a, String field) {
        String name = a.text(field);
        if (name == null) {
            return;
        }
        Set<String> classes = new TreeSet<>();
        world.kubernetes().stream().filter(k -> k.name().equals(a.cluster))
                .forEach(k -> k.storageClasses().forEach(c -> classes.add(c.name())));
        if (!classes.contains(name)) {
            at(a, field, "cluster " + a.cluster + " has no storage class \"" + name + "\"", "use one of " + classes
                    + " (world.kubernetes " + a.cluster + " storageClasses)");
        }
    }

    /** Secret name to its keys ({@code data} and {@code stringData}) in a namespace of a cluster. */
    private Map<String, Set<String>> secrets(String cluster, String namespace) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Applied s : applied) {
            if (s.cluster.equals(cluster) && s.namespace.equals(namespace) && s.is("Secret") && s.doc.name() != null) {
                Set<String> keys = out.computeIfAbsent(s.doc.name(), n -> new TreeSet<>());
                keys.addAll(fieldNames(s.doc.tree().path("data")));
                keys.addAll(fieldNames(s.doc.tree().path("stringData")));
            }
        }
        return out;
    }

    private String buckets() {
        List<String> all = new ArrayList<>();
        world.objectStores().forEach(s -> s.buckets().forEach(b -> all.add(s.host() + "/" + b)));
        return String.join(", ", all);
    }

    /** {@code https://host:9000/path} to {@code host}. */
    private static String host(String endpoint) {
        String h = endpoint.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int end = h.length();
        for (char c : new char[] {'/', ':', '?'}) {
            int i = h.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return h.substring(0, end);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private void at(Applied a, String field, String reason, String fix) {
        problems.add(new Problem(a.doc.source(), a.doc.lineOf(field), field, a.doc.describe() + ": " + reason, fix));
    }
}
