package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;
import io.mirrordrill.port.kubernetes.KindRegistry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The legacy (unaggregated) discovery documents, built from the kinds the cluster serves now, CRDs included:
 * {@code /version}, {@code /api}, {@code /apis}, {@code /apis/{group}}, {@code /api/v1} and
 * {@code /apis/{group}/{version}}. Clients asking for aggregated discovery get these and fall back, as they do with
 * older servers.
 */
final class Discovery {
    /** (chosen) The Kubernetes version the server claims: one Trident protect supports. */
    static final String GIT_VERSION = "v1.31.0";
    private static final List<String> VERBS = List.of("create", "delete", "get", "list", "patch", "update", "watch");
    /** The built-in resources' short names (what {@code kubectl get ns} resolves), as the API server lists them. */
    static final Map<String, List<String>> SHORT_NAMES = Map.ofEntries(
            Map.entry("namespaces", List.of("ns")), Map.entry("configmaps", List.of("cm")),
            Map.entry("endpoints", List.of("ep")), Map.entry("events", List.of("ev")),
            Map.entry("pods", List.of("po")), Map.entry("persistentvolumeclaims", List.of("pvc")),
            Map.entry("persistentvolumes", List.of("pv")), Map.entry("nodes", List.of("no")),
            Map.entry("resourcequotas", List.of("quota")), Map.entry("limitranges", List.of("limits")),
            Map.entry("services", List.of("svc")), Map.entry("serviceaccounts", List.of("sa")),
            Map.entry("deployments", List.of("deploy")), Map.entry("statefulsets", List.of("sts")),
            Map.entry("replicasets", List.of("rs")), Map.entry("daemonsets", List.of("ds")),
            Map.entry("cronjobs", List.of("cj")), Map.entry("ingresses", List.of("ing")),
            Map.entry("networkpolicies", List.of("netpol")), Map.entry("poddisruptionbudgets", List.of("pdb")),
            Map.entry("storageclasses", List.of("sc")), Map.entry("customresourcedefinitions", List.of("crd", "crds")),
            Map.entry("volumesnapshots", List.of("vs")), Map.entry("volumesnapshotcontents", List.of("vsc", "vscs")),
            Map.entry("volumesnapshotclasses", List.of("vsclass", "vsclasses")));
    /** The resources in the {@code all} category ({@code kubectl get all}). */
    private static final List<String> ALL = List.of("pods", "services", "deployments", "statefulsets",
            "replicasets", "daemonsets", "jobs", "cronjobs");

    private Discovery() {
    }

    static ObjectNode version() {
        ObjectNode v = object();
        v.put("major", "1").put("minor", "31").put("gitVersion", GIT_VERSION)
                .put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean")
                .put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "go1.22.5").put("compiler", "gc")
                .put("platform", "linux/amd64");
        return v;
    }

    /** {@code /api}: the core group's versions. */
    static ObjectNode coreVersions() {
        ObjectNode v = object();
        v.put("kind", "APIVersions");
        v.putArray("versions").add("v1");
        v.putArray("serverAddressByClientCIDRs");
        return v;
    }

    /** {@code /apis}: every named group with its versions. */
    static ObjectNode groups(List<ResourceKind> kinds) {
        ObjectNode list = object();
        list.put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        versionsByGroup(kinds).forEach((group, versions) -> groups.add(group(group, versions)));
        return list;
    }

    /** {@code /apis/{group}}, if the group is served. */
    static Optional<ObjectNode> group(List<ResourceKind> kinds, String group) {
        TreeSet<String> versions = versionsByGroup(kinds).get(group);
        if (versions == null) {
            return Optional.empty();
        }
        ObjectNode g = group(group, versions);
        g.put("kind", "APIGroup").put("apiVersion", "v1");
        return Optional.of(g);
    }

    /** {@code /api/v1} or {@code /apis/{group}/{version}}, if that version is served. */
    static Optional<ObjectNode> resources(List<ResourceKind> kinds, String group, String version, boolean exec,
                                          Function<ResourceKind, KindDefinition> definitions) {
        List<ResourceKind> served = kinds.stream().filter(k -> k.group().equals(group) && k.version().equals(version))
                .sorted((a, b) -> a.plural().compareTo(b.plural())).toList();
        if (served.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode list = object();
        list.put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = list.putArray("resources");
        for (ResourceKind k : served) {
            ObjectNode r = resources.addObject();
            r.put("name", k.plural()).put("singularName", k.kind().toLowerCase(Locale.ROOT))
                    .put("namespaced", k.namespaced()).put("kind", k.kind());
            VERBS.forEach(r.putArray("verbs")::add);
            KindDefinition definition = definitions.apply(k);
            if (!definition.shortNames().isEmpty()) {
                definition.shortNames().forEach(r.putArray("shortNames")::add);
            }
            if (!definition.categories().isEmpty()) {
                definition.categories().forEach(r.putArray("categories")::add);
            }
            if (k.statusSubresource()) {
                subresource(resources, k.plural() + "/status", k, k.kind(), List.of("get", "patch", "update"));
            }
            if (ScaleSubresource.serves(k)) { // another group's kind: named for the scale clients kubectl scale uses
                subresource(resources, k.plural() + "/scale", k, "Scale", List.of("get", "patch", "update"))
                        .put("group", "autoscaling").put("version", "v1");
            }
            if (exec && group.isEmpty() && k.kind().equals("Pod")) {
                subresource(resources, "pods/exec", k, "PodExecOptions", List.of("create", "get"));
            }
        }
        return Optional.of(list);
    }

    /** The categories of a built-in kind ({@code all} for the workloads {@code kubectl get all} shows). */
    static List<String> categories(ResourceKind k) {
        return ALL.contains(k.plural()) ? List.of("all") : List.of();
    }

    private static ObjectNode subresource(ArrayNode resources, String name, ResourceKind k, String kind,
                                          List<String> verbs) {
        ObjectNode r = resources.addObject();
        r.put("name", name).put("singularName", "").put("namespaced", k.namespaced()).put("kind", kind);
        verbs.forEach(r.putArray("verbs")::add);
        return r;
    }

    private static ObjectNode group(String group, TreeSet<String> versions) {
        ObjectNode g = object();
        g.put("name", group);
        ArrayNode list = g.putArray("versions");
        for (String v : versions) {
            list.addObject().put("groupVersion", group + "/" + v).put("version", v);
        }
        g.putObject("preferredVersion").put("groupVersion", group + "/" + versions.first())
                .put("version", versions.first());
        return g;
    }

    private static Map<String, TreeSet<String>> versionsByGroup(List<ResourceKind> kinds) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        kinds.stream().filter(k -> !k.group().isEmpty())
                .forEach(k -> out.computeIfAbsent(k.group(), g -> new TreeSet<>()).add(k.version()));
        return out;
    }

    private static ObjectNode object() {
        return Resources.mapper().createObjectNode();
    }
}
