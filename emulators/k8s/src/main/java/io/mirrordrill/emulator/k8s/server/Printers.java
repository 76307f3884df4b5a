package io.mirrordrill.emulator.k8s.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.mirrordrill.emulator.k8s.server.Tables.Column;
import io.mirrordrill.port.kubernetes.ResourceKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The API server's built-in table printers (kubernetes {@code pkg/printers/internalversion}, 1.32) for the kinds the
 * emulator serves: same columns, priorities and cell rules. A kind without one gets the API server's default table
 * (Name, Created At).
 */
final class Printers {
    private record Table(List<Column> columns, BiFunction<JsonNode, Instant, List<Object>> row)
            implements Tables.Printer {
        @Override
        public List<Object> cells(JsonNode object, Instant now) {
            return row.apply(object, now);
        }
    }

    private static final String NONE = "<none>";
    private static final String UNSET = "<unset>";
    private static final Map<String, Tables.Printer> BY_KIND = Map.ofEntries(
            Map.entry("v1 Pod", new Table(List.of(Column.named(),
                    Column.of("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
                    Column.of("Status", "string", "The aggregate status of the containers in this pod."),
                    Column.of("Restarts", "string", "The number of times the containers in this pod have been "
                            + "restarted and when the last container in this pod has restarted."),
                    Column.age(),
                    Column.wide("IP", "string", "IP address allocated to the pod. Routable at least within the "
                            + "cluster. Empty if not yet allocated."),
                    Column.wide("Node", "string", "Name of the Node where the pod is running."),
                    Column.wide("Nominated Node", "string", "Name of the node this pod was nominated to."),
                    Column.wide("Readiness Gates", "string", "Pod readiness gates.")), Printers::pod)),
            Map.entry("v1 PersistentVolumeClaim", new Table(List.of(Column.named(),
                    Column.of("Status", "string", "The phase of the claim."),
                    Column.of("Volume", "string", "The binding reference to the PersistentVolume backing this "
                            + "claim."),
                    Column.of("Capacity", "string", "The actual resources of the underlying volume."),
                    Column.of("Access Modes", "string", "The access modes the volume has."),
                    Column.of("StorageClass", "string", "The name of the StorageClass required by the claim."),
                    Column.of("VolumeAttributesClass", "string", "The name of the VolumeAttributesClass."),
                    Column.age(),
                    Column.wide("VolumeMode", "string", "The volume type required by the claim.")), Printers::pvc)),
            Map.entry("v1 PersistentVolume", new Table(List.of(Column.named(),
                    Column.of("Capacity", "string", "The capacity of the volume."),
                    Column.of("Access Modes", "string", "The ways the volume can be mounted."),
                    Column.of("Reclaim Policy", "string", "What happens to the volume when released."),
                    Column.of("Status", "string", "The phase of the volume."),
                    Column.of("Claim", "string", "The claim bound to the volume."),
                    Column.of("StorageClass", "string", "The StorageClass of the volume."),
                    Column.of("VolumeAttributesClass", "string", "The name of the VolumeAttributesClass."),
                    Column.of("Reason", "string", "Why the volume is in its phase."),
                    Column.age(),
                    Column.wide("VolumeMode", "string", "The volume type.")), Printers::pv)),
            Map.entry("apps/v1 Deployment", new Table(List.of(Column.named(),
                    Column.of("Ready", "string", "Number of the pod with ready state"),
                    Column.of("Up-to-date", "integer", "Total number of non-terminated pods targeted by this "
                            + "deployment that have the desired template spec."),
                    Column.of("Available", "integer", "Total number of available pods (ready for at least "
                            + "minReadySeconds) targeted by this deployment."),
                    Column.age(),
                    Column.wide("Containers", "string", "Names of each container in the template."),
                    Column.wide("Images", "string", "Images referenced by each container in the template."),
                    Column.wide("Selector", "string", "Label selector for pods.")), Printers::deployment)),
            Map.entry("apps/v1 StatefulSet", new Table(List.of(Column.named(),
                    Column.of("Ready", "string", "Number of the pod with ready state"),
                    Column.age(),
                    Column.wide("Containers", "string", "Names of each container in the template."),
                    Column.wide("Images", "string", "Images referenced by each container in the template.")),
                    Printers::statefulSet)),
            Map.entry("apps/v1 ReplicaSet", new Table(List.of(Column.named(),
                    Column.of("Desired", "integer", "Number of desired pods."),
                    Column.of("Current", "integer", "Number of actual replicas."),
                    Column.of("Ready", "integer", "The number of ready replicas."),
                    Column.age(),
                    Column.wide("Containers", "string", "Names of each container in the template."),
                    Column.wide("Images", "string", "Images referenced by each container in the template."),
                    Column.wide("Selector", "string", "Label selector for pods.")), Printers::replicaSet)),
            Map.entry("v1 Namespace", new Table(List.of(Column.named(),
                    Column.of("Status", "string", "The status of the namespace"), Column.age()),
                    (o, now) -> List.of(name(o), text(o, "status", "phase"), Tables.age(o, now)))),
            Map.entry("v1 Event", new Table(List.of(
                    Column.of("Last Seen", "string", "Time when last occurrence observed."),
                    Column.of("Type", "string", "Type of this event (Normal, Warning)."),
                    Column.of("Reason", "string", "Why the action was taken."),
                    Column.of("Object", "string", "The object that this event is about."),
                    Column.wide("Subobject", "string", "The field of the object this event is about."),
                    Column.wide("Source", "string", "The component reporting this event."),
                    Column.of("Message", "string", "A human-readable description of the status of this operation."),
                    Column.wide("First Seen", "string", "Time when first occurrence observed."),
                    Column.wide("Count", "integer", "The number of times this event has occurred."),
                    Column.wide("Name", "string", "Name of the event.")), Printers::event)),
            Map.entry("storage.k8s.io/v1 StorageClass", new Table(List.of(Column.named(),
                    Column.of("Provisioner", "string", "Indicates the type of the provisioner."),
                    Column.of("ReclaimPolicy", "string", "Indicates the type of the reclaim policy."),
                    Column.of("VolumeBindingMode", "string", "Indicates how PersistentVolumeClaims should be "
                            + "provisioned and bound."),
                    Column.of("AllowVolumeExpansion", "string", "Indicates whether the storage class allows volume "
                            + "expand."),
                    Column.age()), Printers::storageClass)),
            Map.entry("v1 Secret", new Table(List.of(Column.named(),
                    Column.of("Type", "string", "The type of the secret"),
                    Column.of("Data", "string", "The number of entries in the secret"), Column.age()),
                    (o, now) -> List.of(name(o), text(o, "type"), (long) o.path("data").size(),
                            Tables.age(o, now)))),
            Map.entry("v1 ConfigMap", new Table(List.of(Column.named(),
                    Column.of("Data", "string", "The number of entries in the config map"), Column.age()),
                    (o, now) -> List.of(name(o), (long) (o.path("data").size() + o.path("binaryData").size()),
                            Tables.age(o, now)))),
            Map.entry("v1 Service", new Table(List.of(Column.named(),
                    Column.of("Type", "string", "The type of service."),
                    Column.of("Cluster-IP", "string", "The cluster IP of the service."),
                    Column.of("External-IP", "string", "The external IPs of the service."),
                    Column.of("Port(s)", "string", "The ports of the service."),
                    Column.age(),
                    Column.wide("Selector", "string", "The selector of the service.")), Printers::service)),
            Map.entry("v1 Node", new Table(List.of(Column.named(),
                    Column.of("Status", "string", "The status of the node"),
                    Column.of("Roles", "string", "The roles of the node"),
                    Column.age(),
                    Column.of("Version", "string", "Kubelet Version reported by the node."),
                    Column.wide("Internal-IP", "string", "The internal IP of the node."),
                    Column.wide("External-IP", "string", "The external IP of the node."),
                    Column.wide("OS-Image", "string", "OS Image reported by the node."),
                    Column.wide("Kernel-Version", "string", "Kernel Version reported by the node."),
                    Column.wide("Container-Runtime", "string", "Container Runtime Version reported by the node.")),
                    Printers::node)));
    private static final Tables.Printer DEFAULT = new Table(List.of(Column.named(),
            new Column("Created At", "date", "", "CreationTimestamp is a timestamp representing the server time when "
                    + "this object was created.", 0)),
            (o, now) -> List.of(name(o), o.path("metadata").path("creationTimestamp").asText("")));

    private Printers() {
    }

    static Tables.Printer of(ResourceKind kind) {
        return BY_KIND.getOrDefault(kind.apiVersion() + " " + kind.kind(), DEFAULT);
    }

    private static List<Object> pod(JsonNode o, Instant now) {
        JsonNode status = o.path("status");
        int total = o.path("spec").path("containers").size();
        int ready = 0;
        long restarts = 0;
        String reason = status.path("reason").asText(status.path("phase").asText(""));
        boolean running = false;
        List<JsonNode> statuses = new ArrayList<>();
        status.path("containerStatuses").forEach(statuses::add);
        for (int i = statuses.size() - 1; i >= 0; i--) {
            JsonNode c = statuses.get(i);
            restarts += c.path("restartCount").asLong(0);
            JsonNode state = c.path("state");
            if (!state.path("waiting").path("reason").asText("").isEmpty()) {
                reason = state.path("waiting").path("reason").asText();
            } else if (!state.path("terminated").path("reason").asText("").isEmpty()) {
                reason = state.path("terminated").path("reason").asText();
            } else if (state.has("terminated")) {
                int signal = state.path("terminated").path("signal").asInt(0);
                reason = signal != 0 ? "Signal:" + signal
                        : "ExitCode:" + state.path("terminated").path("exitCode").asInt(0);
            } else if (c.path("ready").asBoolean(false) && state.has("running")) {
                running = true;
                ready++;
            }
        }
        if (reason.equals("Completed") && running) {
            reason = "Running";
        }
        if (o.path("metadata").has("deletionTimestamp")) {
            reason = "NodeLost".equals(status.path("reason").asText()) ? "Unknown" : "Terminating";
        }
        JsonNode gates = o.path("spec").path("readinessGates");
        String readinessGates = NONE;
        if (gates.size() > 0) {
            int trueGates = 0;
            for (JsonNode g : gates) {
                for (JsonNode cond : status.path("conditions")) {
                    if (cond.path("type").asText().equals(g.path("conditionType").asText())
                            && cond.path("status").asText().equals("True")) {
                        trueGates++;
                    }
                }
            }
            readinessGates = trueGates + "/" + gates.size();
        }
        return Arrays.asList(name(o), ready + "/" + total, reason, Long.toString(restarts), Tables.age(o, now),
                orNone(text(o, "status", "podIP")), orNone(text(o, "spec", "nodeName")),
                orNone(text(o, "status", "nominatedNodeName")), readinessGates);
    }

    private static List<Object> pvc(JsonNode o, Instant now) {
        String phase = o.path("metadata").has("deletionTimestamp") ? "Terminating" : text(o, "status", "phase");
        String capacity = "";
        String modes = "";
        if (!text(o, "spec", "volumeName").isEmpty()) {
            modes = accessModes(o.path("status").path("accessModes"));
            capacity = text(o, "status", "capacity", "storage");
        }
        return Arrays.asList(name(o), phase, text(o, "spec", "volumeName"), capacity, modes, storageClass(o),
                orUnset(text(o, "spec", "volumeAttributesClassName")), Tables.age(o, now),
                orUnset(text(o, "spec", "volumeMode")));
    }

    private static List<Object> pv(JsonNode o, Instant now) {
        JsonNode claim = o.path("spec").path("claimRef");
        String claimName = claim.isObject() ? claim.path("namespace").asText("") + "/" + claim.path("name").asText("")
                : "";
        String phase = o.path("metadata").has("deletionTimestamp") ? "Terminating" : text(o, "status", "phase");
        return Arrays.asList(name(o), text(o, "spec", "capacity", "storage"),
                accessModes(o.path("spec").path("accessModes")), text(o, "spec", "persistentVolumeReclaimPolicy"),
                phase, claimName, storageClass(o), orUnset(text(o, "spec", "volumeAttributesClassName")),
                text(o, "status", "reason"), Tables.age(o, now), orUnset(text(o, "spec", "volumeMode")));
    }

    private static List<Object> deployment(JsonNode o, Instant now) {
        JsonNode status = o.path("status");
        JsonNode pod = o.path("spec").path("template").path("spec");
        return Arrays.asList(name(o), status.path("readyReplicas").asLong(0) + "/" + replicas(o),
                status.path("updatedReplicas").asLong(0), status.path("availableReplicas").asLong(0),
                Tables.age(o, now), containers(pod, "name"), containers(pod, "image"),
                selector(o.path("spec").path("selector")));
    }

    private static List<Object> statefulSet(JsonNode o, Instant now) {
        JsonNode pod = o.path("spec").path("template").path("spec");
        return Arrays.asList(name(o), o.path("status").path("readyReplicas").asLong(0) + "/" + replicas(o),
                Tables.age(o, now), containers(pod, "name"), containers(pod, "image"));
    }

    private static List<Object> replicaSet(JsonNode o, Instant now) {
        JsonNode pod = o.path("spec").path("template").path("spec");
        return Arrays.asList(name(o), replicas(o), o.path("status").path("replicas").asLong(0),
                o.path("status").path("readyReplicas").asLong(0), Tables.age(o, now), containers(pod, "name"),
                containers(pod, "image"), selector(o.path("spec").path("selector")));
    }

    private static List<Object> event(JsonNode o, Instant now) {
        String first = text(o, "firstTimestamp");
        String firstSeen = first.isEmpty() ? HumanDuration.since(text(o, "eventTime"), now)
                : HumanDuration.since(first, now);
        String last = text(o, "lastTimestamp");
        String lastSeen = last.isEmpty() ? firstSeen : HumanDuration.since(last, now);
        long count = o.path("count").asLong(0);
        if (o.path("series").isObject()) {
            lastSeen = HumanDuration.since(text(o, "series", "lastObservedTime"), now);
            count = o.path("series").path("count").asLong(0);
        } else if (count == 0) {
            count = 1;
        }
        JsonNode involved = o.path("involvedObject");
        String kind = Tables.lower(involved.path("kind").asText(""));
        String target = involved.path("name").asText("").isEmpty() ? kind
                : kind + "/" + involved.path("name").asText();
        String source = text(o, "source", "component");
        if (source.isEmpty()) {
            source = text(o, "reportingComponent");
            if (!text(o, "reportingInstance").isEmpty()) {
                source += ", " + text(o, "reportingInstance");
            }
        } else if (!text(o, "source", "host").isEmpty()) {
            source += ", " + text(o, "source", "host");
        }
        return Arrays.asList(lastSeen, text(o, "type"), text(o, "reason"), target,
                involved.path("fieldPath").asText(""), source, text(o, "message").trim(), firstSeen, count,
                name(o));
    }

    private static List<Object> storageClass(JsonNode o, Instant now) {
        JsonNode annotations = o.path("metadata").path("annotations");
        boolean isDefault = annotations.path("storageclass.kubernetes.io/is-default-class").asText().equals("true")
                || annotations.path("storageclass.beta.kubernetes.io/is-default-class").asText().equals("true");
        String policy = text(o, "reclaimPolicy");
        String binding = text(o, "volumeBindingMode");
        return Arrays.asList(name(o) + (isDefault ? " (default)" : ""), text(o, "provisioner"),
                policy.isEmpty() ? "Delete" : policy, binding.isEmpty() ? "Immediate" : binding,
                o.path("allowVolumeExpansion").asBoolean(false), Tables.age(o, now));
    }

    private static List<Object> service(JsonNode o, Instant now) {
        JsonNode spec = o.path("spec");
        String type = spec.path("type").asText("ClusterIP");
        List<String> ports = new ArrayList<>();
        for (JsonNode p : spec.path("ports")) {
            String port = p.path("port").asText();
            if (p.has("nodePort") && p.path("nodePort").asInt(0) != 0) {
                port += ":" + p.path("nodePort").asText();
            }
            ports.add(port + "/" + p.path("protocol").asText("TCP"));
        }
        List<String> external = new ArrayList<>();
        spec.path("externalIPs").forEach(ip -> external.add(ip.asText()));
        o.path("status").path("loadBalancer").path("ingress").forEach(i ->
                external.add(i.path("ip").asText(i.path("hostname").asText())));
        String externalIp = !external.isEmpty() ? String.join(",", external)
                : type.equals("LoadBalancer") ? "<pending>" : type.equals("ExternalName")
                ? text(o, "spec", "externalName") : NONE;
        Map<String, String> selector = new TreeMap<>();
        spec.path("selector").fields().forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
        String sel = selector.isEmpty() ? NONE : String.join(",", selector.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        return Arrays.asList(name(o), type, orNone(spec.path("clusterIP").asText("")), externalIp,
                ports.isEmpty() ? NONE : String.join(",", ports), Tables.age(o, now), sel);
    }

    private static List<Object> node(JsonNode o, Instant now) {
        String status = "Unknown";
        for (JsonNode c : o.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                status = c.path("status").asText().equals("True") ? "Ready" : "NotReady";
            }
        }
        if (o.path("spec").path("unschedulable").asBoolean(false)) {
            status += ",SchedulingDisabled";
        }
        List<String> roles = new ArrayList<>();
        o.path("metadata").path("labels").fieldNames().forEachRemaining(l -> {
            if (l.startsWith("node-role.kubernetes.io/")) {
                roles.add(l.substring("node-role.kubernetes.io/".length()));
            }
        });
        roles.sort(String::compareTo);
        String internal = NONE;
        String external = NONE;
        for (JsonNode a : o.path("status").path("addresses")) {
            if (a.path("type").asText().equals("InternalIP") && internal.equals(NONE)) {
                internal = a.path("address").asText();
            } else if (a.path("type").asText().equals("ExternalIP") && external.equals(NONE)) {
                external = a.path("address").asText();
            }
        }
        JsonNode info = o.path("status").path("nodeInfo");
        return Arrays.asList(name(o), status, roles.isEmpty() ? NONE : String.join(",", roles), Tables.age(o, now),
                info.path("kubeletVersion").asText(""), internal, external,
                orUnknown(info.path("osImage").asText("")), orUnknown(info.path("kernelVersion").asText("")),
                orUnknown(info.path("containerRuntimeVersion").asText("")));
    }

    private static String name(JsonNode o) {
        return o.path("metadata").path("name").asText("");
    }

    private static String text(JsonNode o, String... path) {
        JsonNode n = o;
        for (String p : path) {
            n = n.path(p);
        }
        return n.isValueNode() ? n.asText() : "";
    }

    private static long replicas(JsonNode o) {
        return o.path("spec").path("replicas").asLong(1);
    }

    private static String containers(JsonNode podSpec, String field) {
        List<String> out = new ArrayList<>();
        podSpec.path("containers").forEach(c -> out.add(c.path(field).asText("")));
        return String.join(",", out);
    }

    /** A label selector as {@code metav1.LabelSelectorAsSelector(...).String()} writes it (sorted by key). */
    private static String selector(JsonNode selector) {
        if (!selector.isObject() || selector.size() == 0) {
            return NONE;
        }
        Map<String, String> parts = new TreeMap<>();
        selector.path("matchLabels").fields().forEachRemaining(e -> parts.put(e.getKey(), e.getKey() + "="
                + e.getValue().asText()));
        for (JsonNode r : selector.path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            r.path("values").forEach(v -> values.add(v.asText()));
            values.sort(String::compareTo);
            String key = r.path("key").asText();
            String op = r.path("operator").asText();
            parts.put(key + " " + op, switch (op) {
                case "In" -> key + " in (" + String.join(",", values) + ")";
                case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
                case "Exists" -> key;
                case "DoesNotExist" -> "!" + key;
                default -> key + " " + op;
            });
        }
        return String.join(",", parts.values());
    }

    private static String accessModes(JsonNode modes) {
        List<String> out = new ArrayList<>();
        for (String mode : List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod")) {
            for (JsonNode m : modes) {
                if (m.asText().equals(mode)) {
                    out.add(switch (mode) {
                        case "ReadWriteOnce" -> "RWO";
                        case "ReadOnlyMany" -> "ROX";
                        case "ReadWriteMany" -> "RWX";
                        default -> "RWOP";
                    });
                    break;
                }
            }
        }
        return String.join(",", out);
    }

    /** The class of a claim or volume: the beta annotation first, then {@code spec.storageClassName}. */
    private static String storageClass(JsonNode o) {
        String annotated = o.path("metadata").path("annotations").path("volume.beta.kubernetes.io/storage-class")
                .asText("");
        return annotated.isEmpty() ? text(o, "spec", "storageClassName") : annotated;
    }

    private static String orNone(String s) {
        return s.isEmpty() ? NONE : s;
    }

    private static String orUnset(String s) {
        return s.isEmpty() ? UNSET : s;
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? "<unknown>" : s;
    }
}
