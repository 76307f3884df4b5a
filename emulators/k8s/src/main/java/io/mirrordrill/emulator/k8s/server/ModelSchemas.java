package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.mirrordrill.port.kubernetes.Resources;

import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OpenAPI v3 component schemas of the built-in kinds, generated from the fabric8 model classes (the same field
 * names and types as the API server's Go types) and named as the API server names them
 * ({@code io.k8s.api.core.v1.Pod}, {@code io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}). The model carries no
 * descriptions nor required fields; the strategic-merge extensions the Go types declare on lists are added from
 * {@link #PATCH_KEYS}.
 */
final class ModelSchemas {
    static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    static final String OBJECT_META = META + "ObjectMeta";
    static final String LIST_META = META + "ListMeta";
    static final String TIME = META + "Time";
    private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    private static final String MODEL = "io.fabric8.kubernetes.api.model";
    /** Types of the core model package that the API server keeps in meta/v1. */
    private static final Set<String> META_TYPES = Set.of("ObjectMeta", "ListMeta", "LabelSelector",
            "LabelSelectorRequirement", "OwnerReference", "ManagedFieldsEntry", "FieldsV1", "Status", "StatusDetails",
            "StatusCause", "Condition", "DeleteOptions", "Preconditions", "MicroTime", "Time", "Duration");
    /**
     * {@code x-kubernetes-patch-strategy} and {@code x-kubernetes-patch-merge-key} of the lists kubectl merges
     * (from the Go types' {@code patchStrategy}/{@code patchMergeKey} tags): "Type.field" to {strategy, key}.
     */
    static final Map<String, String[]> PATCH_KEYS = Map.ofEntries(
            Map.entry("ObjectMeta.finalizers", new String[] {"merge", null}),
            Map.entry("ObjectMeta.ownerReferences", new String[] {"merge", "uid"}),
            Map.entry("PodSpec.containers", new String[] {"merge", "name"}),
            Map.entry("PodSpec.initContainers", new String[] {"merge", "name"}),
            Map.entry("PodSpec.ephemeralContainers", new String[] {"merge", "name"}),
            Map.entry("PodSpec.volumes", new String[] {"merge,retainKeys", "name"}),
            Map.entry("PodSpec.imagePullSecrets", new String[] {"merge", "name"}),
            Map.entry("PodSpec.hostAliases", new String[] {"merge", "ip"}),
            Map.entry("PodSpec.topologySpreadConstraints", new String[] {"merge", "topologyKey"}),
            Map.entry("PodSpec.resourceClaims", new String[] {"merge,retainKeys", "name"}),
            Map.entry("PodSpec.schedulingGates", new String[] {"merge", "name"}),
            Map.entry("Container.ports", new String[] {"merge", "containerPort"}),
            Map.entry("Container.env", new String[] {"merge", "name"}),
            Map.entry("Container.volumeMounts", new String[] {"merge", "mountPath"}),
            Map.entry("Container.volumeDevices", new String[] {"merge", "devicePath"}),
            Map.entry("EphemeralContainer.ports", new String[] {"merge", "containerPort"}),
            Map.entry("EphemeralContainer.env", new String[] {"merge", "name"}),
            Map.entry("EphemeralContainer.volumeMounts", new String[] {"merge", "mountPath"}),
            Map.entry("EphemeralContainer.volumeDevices", new String[] {"merge", "devicePath"}),
            Map.entry("PodStatus.conditions", new String[] {"merge", "type"}),
            Map.entry("PodStatus.podIPs", new String[] {"merge", "ip"}),
            Map.entry("ServiceSpec.ports", new String[] {"merge", "port"}),
            Map.entry("ServiceAccount.secrets", new String[] {"merge", "name"}),
            Map.entry("NodeStatus.addresses", new String[] {"merge", "type"}),
            Map.entry("NodeStatus.conditions", new String[] {"merge", "type"}),
            Map.entry("NamespaceStatus.conditions", new String[] {"merge", "type"}),
            Map.entry("PersistentVolumeClaimStatus.conditions", new String[] {"merge", "type"}),
            Map.entry("DeploymentStatus.conditions", new String[] {"merge", "type"}),
            Map.entry("DeploymentSpec.strategy", new String[] {"retainKeys", null}),
            Map.entry("StatefulSetStatus.conditions", new String[] {"merge", "type"}),
            Map.entry("ReplicaSetStatus.conditions", new String[] {"merge", "type"}),
            Map.entry("DaemonSetStatus.conditions", new String[] {"merge", "type"}),
            Map.entry("DaemonSetSpec.updateStrategy", new String[] {"retainKeys", null}),
            Map.entry("JobStatus.conditions", new String[] {"merge", "type"}),
            Map.entry("CronJobStatus.active", new String[] {"merge", "uid"}));

    private final ObjectMapper mapper = Resources.mapper();
    /** Component name to schema; sorted, as the API server writes them. */
    private final Map<String, ObjectNode> components = new TreeMap<>();

    /** Adds the component of {@code type} (and of every type it refers to); returns its name. */
    String add(Class<?> type) {
        String name = name(type);
        if (!components.containsKey(name)) {
            ObjectNode schema = object();
            components.put(name, schema); // before the fields: types may refer to themselves
            fill(schema, type);
        }
        return name;
    }

    Map<String, ObjectNode> components() {
        return components;
    }

    /** The API server's name for a model class: its Go package path and type name. */
    static String name(Class<?> type) {
        String simple = type.getSimpleName();
        if (type == Quantity.class) {
            return QUANTITY;
        }
        if (type == IntOrString.class) {
            return INT_OR_STRING;
        }
        String pkg = type.getPackageName();
        if (pkg.equals(MODEL)) {
            return (META_TYPES.contains(simple) ? META : "io.k8s.api.core.v1.") + simple;
        }
        String rest = pkg.substring(MODEL.length() + 1);
        if (rest.startsWith("apiextensions.")) {
            return "io.k8s.apiextensions-apiserver.pkg.apis." + rest + "." + simple;
        }
        return "io.k8s.api." + (rest.matches(".*\\.v\\d.*") ? rest : rest + ".v1") + "." + simple;
    }

    private void fill(ObjectNode schema, Class<?> type) {
        if (type == Quantity.class) {
            schema.putArray("oneOf").add(object().put("type", "string")).add(object().put("type", "number"));
            return;
        }
        if (type == IntOrString.class) {
            schema.put("format", "int-or-string").put("x-kubernetes-int-or-string", true);
            schema.putArray("oneOf").add(object().put("type", "integer")).add(object().put("type", "string"));
            return;
        }
        if (customSerialised(type)) {
            // written by their own rules, as the Go types that marshal themselves: MicroTime and Duration are
            // strings; JSONSchemaPropsOrBool/OrArray/OrStringArray are left without a type, as the API server does
            if (type.getSimpleName().equals("MicroTime")) {
                schema.put("type", "string").put("format", "date-time");
            } else if (type.getSimpleName().equals("Duration")) {
                schema.put("type", "string");
            }
            return;
        }
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        BeanDescription bean = mapper.getSerializationConfig().introspect(mapper.constructType(type));
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (!p.couldSerialize() || p.getName().isEmpty()) {
                continue;
            }
            ObjectNode property = property(p.getName(), p.getPrimaryType());
            String[] patch = PATCH_KEYS.get(type.getSimpleName() + "." + p.getName());
            if (patch != null) {
                if (patch[1] != null) {
                    property.put("x-kubernetes-patch-merge-key", patch[1]);
                }
                property.put("x-kubernetes-patch-strategy", patch[0]);
            }
            sorted.put(p.getName(), property);
        }
        properties.setAll(sorted);
    }

    private static boolean customSerialised(Class<?> type) {
        JsonSerialize serialize = type.getAnnotation(JsonSerialize.class);
        JsonDeserialize deserialize = type.getAnnotation(JsonDeserialize.class);
        return serialize != null && serialize.using() != JsonSerializer.None.class
                || deserialize != null && deserialize.using() != JsonDeserializer.None.class;
    }

    private ObjectNode property(String name, JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class && (name.endsWith("Timestamp") || name.endsWith("Time") || name.equals("startedAt")
                || name.equals("finishedAt"))) {
            return ref(time());
        }
        return schema(type);
    }

    private ObjectNode schema(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (type.isCollectionLikeType() || type.isArrayType() && raw != byte[].class) {
            ObjectNode array = object().put("type", "array");
            array.set("items", schema(type.getContentType()));
            return array;
        }
        if (type.isMapLikeType()) {
            ObjectNode map = object().put("type", "object");
            map.set("additionalProperties", schema(type.getContentType()));
            return map;
        }
        if (raw == String.class || raw == byte[].class || raw == Character.class) {
            return object().put("type", "string");
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(raw)) {
            // the model's java.time fields (a Lease's acquireTime, renewTime) are MicroTime strings on the wire
            return object().put("type", "string").put("format", "date-time");
        }
        if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
            return object().put("type", "integer").put("format", "int32");
        }
        if (raw == Long.class || raw == long.class) {
            return object().put("type", "integer").put("format", "int64");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return object().put("type", "boolean");
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            return object().put("type", "number").put("format", "double");
        }
        if (raw == Quantity.class || raw == IntOrString.class) {
            return ref(add(raw));
        }
        boolean model = raw.getPackageName().startsWith(MODEL) && !raw.isInterface()
                && !Modifier.isAbstract(raw.getModifiers()) && !AnyType.class.isAssignableFrom(raw)
                && KubernetesResource.class.isAssignableFrom(raw) && !raw.getSimpleName().equals("FieldsV1")
                && !raw.getSimpleName().equals("JSON");
        if (model) {
            return ref(add(raw));
        }
        // free-form: RawExtension, FieldsV1, JSON, Object
        return object().put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
    }

    private String time() {
        components.computeIfAbsent(TIME, n -> object().put("type", "string").put("format", "date-time"));
        return TIME;
    }

    /** A reference as the API server writes one: {@code allOf} of the {@code $ref} (room for a description). */
    static ObjectNode ref(String component) {
        ObjectNode property = object();
        ArrayNode allOf = property.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/" + component);
        return property;
    }

    private static ObjectNode object() {
        return Resources.mapper().createObjectNode();
    }
}
