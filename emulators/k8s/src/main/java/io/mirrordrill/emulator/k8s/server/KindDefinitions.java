package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrordrill.port.kubernetes.KindRegistry;
import io.mirrordrill.port.kubernetes.KubernetesPort;
import io.mirrordrill.port.kubernetes.ResourceKind;
import io.mirrordrill.port.kubernetes.Resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link KindDefinition} of each served kind: built-in kinds from the fabric8 model classes (generated once per
 * JVM), the CSI snapshot kinds from the CRDs bundled in {@code openapi/snapshot.storage.k8s.io.yaml} (the emulator
 * serves them as built-ins; a real cluster holds them as CRDs), and custom kinds from their
 * CustomResourceDefinition in the cluster's store, read at the request (so a changed CRD is published at once).
 */
final class KindDefinitions {
    private static final KindRegistry BUILT_INS = KindRegistry.withBuiltins();
    private static final String CRD_API = "apiextensions.k8s.io/v1";
    /** apiVersion and kind of each built-in kind with a model class, to the class's name. */
    private static final Map<String, String> MODEL_TYPES = Map.ofEntries(
            core("Namespace"), core("ConfigMap"), core("Secret"), core("ServiceAccount"), core("Service"),
            core("Endpoints"), core("Event"), core("Pod"), core("PersistentVolumeClaim"), core("PersistentVolume"),
            core("Node"), core("ResourceQuota"), core("LimitRange"),
            model("apps/v1", "apps", "Deployment"), model("apps/v1", "apps", "StatefulSet"),
            model("apps/v1", "apps", "ReplicaSet"), model("apps/v1", "apps", "DaemonSet"),
            model("batch/v1", "batch.v1", "Job"), model("batch/v1", "batch.v1", "CronJob"),
            model("networking.k8s.io/v1", "networking.v1", "Ingress"),
            model("networking.k8s.io/v1", "networking.v1", "NetworkPolicy"),
            model("policy/v1", "policy.v1", "PodDisruptionBudget"),
            model("rbac.authorization.k8s.io/v1", "rbac", "Role"),
            model("rbac.authorization.k8s.io/v1", "rbac", "RoleBinding"),
            model("rbac.authorization.k8s.io/v1", "rbac", "ClusterRole"),
            model("rbac.authorization.k8s.io/v1", "rbac", "ClusterRoleBinding"),
            model("storage.k8s.io/v1", "storage", "StorageClass"),
            model("coordination.k8s.io/v1", "coordination.v1", "Lease"), model("events.k8s.io/v1", "events.v1", "Event"),
            model("apiextensions.k8s.io/v1", "apiextensions.v1", "CustomResourceDefinition"));
    /** CRDs read recently, by uid, resourceVersion and version: a CRD changes rarely and is read per request. */
    private static final Map<String, KindDefinition> CUSTOM = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, KindDefinition> eldest) {
                    return size() > 256;
                }
            });

    private static final AtomicBoolean WARMING = new AtomicBoolean();

    private KindDefinitions() {
    }

    /** The built-in kinds' schemas, by component name: generated on first use (seconds: see {@link #warmUp}). */
    private static final class Model {
        static final Map<String, ObjectNode> COMPONENTS;

        static {
            ModelSchemas schemas = new ModelSchemas();
            new TreeMap<>(MODEL_TYPES).forEach((key, className) -> {
                String name = schemas.add(load(className));
                String[] gvk = key.split(" ");
                String[] gv = ResourceKind.splitApiVersion(gvk[0]);
                gvk(schemas.components().get(name), gv[0], gv[1], gvk[1]);
                String list = schemas.add(load(className + "List"));
                gvk(schemas.components().get(list), gv[0], gv[1], gvk[1] + "List");
            });
            schemas.add(load("io.fabric8.kubernetes.api.model.Status"));
            Map<String, ObjectNode> all = new TreeMap<>(schemas.components());
            all.put(ModelSchemas.META + "Patch", Resources.mapper().createObjectNode().put("type", "object")
                    .put("description", "Patch is provided to give a concrete name and type to the Kubernetes PATCH "
                            + "request body."));
            COMPONENTS = Collections.unmodifiableMap(all);
        }
    }

    /** The component name of each built-in kind (cheap: discovery needs definitions, not schemas). */
    private static final class Names {
        static final Map<String, String> COMPONENT_OF = new TreeMap<>();
        static final Map<String, JsonNode> SNAPSHOT_CRDS = snapshotCrds();

        static {
            MODEL_TYPES.forEach((key, className) -> COMPONENT_OF.put(key, ModelSchemas.name(load(className))));
        }
    }

    /**
     * Generates the built-in schemas on a daemon thread, once per JVM: it takes seconds (hundreds of model classes
     * introspected), so a server starts it rather than its first {@code kubectl apply}, which would wait for it.
     */
    static void warmUp() {
        if (WARMING.compareAndSet(false, true)) {
            Thread t = new Thread(KindDefinitions::builtInComponents, "openapi-schemas");
            t.setDaemon(true);
            t.start();
        }
    }

    static Map<String, ObjectNode> builtInComponents() {
        return Model.COMPONENTS;
    }

    /** The definition of a served kind; call under the lock (a custom kind's CRD is read from the store). */
    static KindDefinition of(ResourceKind kind, KubernetesPort port) {
        JsonNode snapshotCrd = kind.group().equals("snapshot.storage.k8s.io") ? Names.SNAPSHOT_CRDS.get(kind.plural())
                : null;
        if (snapshotCrd != null) {
            return CUSTOM.computeIfAbsent("bundled/" + kind.plural(),
                    k -> custom(kind, snapshotCrd, snapshotCrd, shortNames(kind)));
        }
        // built-ins: the registry's, and the cluster's own (events.k8s.io/v1 Events, a view of the core ones)
        String component = Names.COMPONENT_OF.get(kind.apiVersion() + " " + kind.kind());
        if (component != null || BUILT_INS.find(kind.apiVersion(), kind.kind()).isPresent()) {
            return new KindDefinition(kind, component, Map.of(),
                    shortNames(kind), Discovery.categories(kind), List.of(), false);
        }
        Optional<GenericKubernetesResource> crd = port.get(CRD_API, "CustomResourceDefinition", null,
                kind.plural() + "." + kind.group());
        if (crd.isEmpty()) {
            return new KindDefinition(kind, null, Map.of(), List.of(), List.of(), List.of(), true);
        }
        String key = crd.get().getMetadata().getUid() + "/" + crd.get().getMetadata().getResourceVersion() + "/"
                + kind.version();
        return CUSTOM.computeIfAbsent(key, k -> {
            JsonNode spec = ResourceRequests.tree(crd.get()).path("spec");
            JsonNode version = Resources.mapper().missingNode();
            for (JsonNode v : spec.path("versions")) {
                if (v.path("name").asText().equals(kind.version())) {
                    version = v;
                }
            }
            return custom(kind, spec.path("names"), version, strings(spec.path("names").path("shortNames")));
        });
    }

    private static KindDefinition custom(ResourceKind kind, JsonNode names, JsonNode version,
                                         List<String> shortNames) {
        String component = reverse(kind.group()) + "." + kind.version() + "." + kind.kind();
        JsonNode declared = version.path("schema").path("openAPIV3Schema");
        ObjectNode schema = declared.isObject() ? ((ObjectNode) declared).deepCopy()
                : Resources.mapper().createObjectNode().put("type", "object")
                        .put("x-kubernetes-preserve-unknown-fields", true);
        // every object's metadata is an ObjectMeta, whatever the CRD says (the API server validates it so)
        ObjectNode properties = schema.has("properties") ? (ObjectNode) schema.get("properties")
                : schema.putObject("properties");
        properties.set("metadata", ModelSchemas.ref(ModelSchemas.OBJECT_META));
        if (!properties.has("apiVersion")) {
            properties.putObject("apiVersion").put("type", "string");
            properties.putObject("kind").put("type", "string");
        }
        gvk(schema, kind.group(), kind.version(), kind.kind());
        ObjectNode list = Resources.mapper().createObjectNode();
        list.put("type", "object");
        ObjectNode lp = list.putObject("properties");
        lp.putObject("apiVersion").put("type", "string");
        lp.putObject("items").put("type", "array").set("items", ModelSchemas.ref(component));
        lp.putObject("kind").put("type", "string");
        lp.set("metadata", ModelSchemas.ref(ModelSchemas.LIST_META));
        list.putArray("required").add("items");
        gvk(list, kind.group(), kind.version(), kind.kind() + "List");
        Map<String, ObjectNode> own = new TreeMap<>();
        own.put(component, schema);
        own.put(component + "List", list);
        List<JsonNode> columns = new ArrayList<>();
        version.path("additionalPrinterColumns").forEach(columns::add);
        return new KindDefinition(kind, component, Collections.unmodifiableMap(own), shortNames,
                strings(names.path("categories")), List.copyOf(columns), true);
    }

    private static List<String> shortNames(ResourceKind kind) {
        return Discovery.SHORT_NAMES.getOrDefault(kind.plural(), List.of());
    }

    /** {@code protect.trident.netapp.io} -> {@code io.netapp.trident.protect}: how CRD schemas are named. */
    static String reverse(String group) {
        List<String> parts = new ArrayList<>(List.of(group.split("\\.")));
        Collections.reverse(parts);
        return String.join(".", parts);
    }

    private static void gvk(ObjectNode schema, String group, String version, String kind) {
        ArrayNode gvks = schema.putArray("x-kubernetes-group-version-kind");
        gvks.addObject().put("group", group).put("kind", kind).put("version", version);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static Map.Entry<String, String> core(String kind) {
        return Map.entry("v1 " + kind, "io.fabric8.kubernetes.api.model." + kind);
    }

    private static Map.Entry<String, String> model(String apiVersion, String pkg, String kind) {
        return Map.entry(apiVersion + " " + kind, "io.fabric8.kubernetes.api.model." + pkg + "." + kind);
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the fabric8 model class " + className + " is not on the classpath", e);
        }
    }

    private static Map<String, JsonNode> snapshotCrds() {
        try (InputStream in = KindDefinitions.class.getResourceAsStream("/openapi/snapshot.storage.k8s.io.yaml")) {
            JsonNode all = new YAMLMapper().readTree(in);
            Map<String, JsonNode> out = new TreeMap<>();
            all.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
