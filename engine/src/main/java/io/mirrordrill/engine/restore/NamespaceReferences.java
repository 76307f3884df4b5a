package io.mirrordrill.engine.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * Fields other than {@code metadata.namespace} that name a namespace of the application and must follow it: without
 * them a restored PV would still claim the old namespace, a RoleBinding would grant the old ServiceAccount.
 */
final class NamespaceReferences {
    private static final String METADATA_NAME_LABEL = "kubernetes.io/metadata.name";

    private NamespaceReferences() {
    }

    static void rewrite(ObjectNode resource, NamespaceMap mapping, List<String> decisions) {
        JsonNode spec = resource.get("spec");
        String group = Trees.group(resource);
        switch (Trees.kind(resource)) {
            case "PersistentVolume" -> field(Trees.objectOrNull(spec, "claimRef"), "namespace",
                    "spec.claimRef.namespace", mapping, decisions);
            case "PersistentVolumeClaim" -> field(Trees.objectOrNull(spec, "dataSourceRef"), "namespace",
                    "spec.dataSourceRef.namespace", mapping, decisions);
            case "VolumeSnapshotContent" -> field(Trees.objectOrNull(spec, "volumeSnapshotRef"), "namespace",
                    "spec.volumeSnapshotRef.namespace", mapping, decisions);
            case "RoleBinding", "ClusterRoleBinding" -> {
                if (group.equals("rbac.authorization.k8s.io")) {
                    subjects(resource, mapping, decisions);
                }
            }
            case "NetworkPolicy" -> {
                peers(spec, "ingress", "from", mapping, decisions);
                peers(spec, "egress", "to", mapping, decisions);
            }
            case "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration" -> webhooks(resource, mapping,
                    decisions);
            case "APIService" -> field(Trees.objectOrNull(spec, "service"), "namespace", "spec.service.namespace",
                    mapping, decisions);
            case "CustomResourceDefinition" -> field(Trees.objectOrNull(Trees.objectOrNull(Trees.objectOrNull(
                    Trees.objectOrNull(spec, "conversion"), "webhook"), "clientConfig"), "service"), "namespace",
                    "spec.conversion.webhook.clientConfig.service.namespace", mapping, decisions);
            default -> {
            }
        }
    }

    /** RBAC subjects of kind ServiceAccount carry the ServiceAccount's namespace; users and groups have none. */
    private static void subjects(ObjectNode resource, NamespaceMap mapping, List<String> decisions) {
        JsonNode subjects = resource.get("subjects");
        for (int i = 0; subjects != null && i < subjects.size(); i++) {
            JsonNode subject = subjects.get(i);
            if (subject instanceof ObjectNode object && "ServiceAccount".equals(Trees.textOrNull(object, "kind"))) {
                field(object, "namespace", "subjects[" + i + "].namespace", mapping, decisions);
            }
        }
    }

    /**
     * A namespaceSelector on {@code kubernetes.io/metadata.name} is how policies name a namespace (the API server
     * sets that label to the namespace's name), so it is a reference too.
     */
    private static void peers(JsonNode spec, String rules, String peers, NamespaceMap mapping,
            List<String> decisions) {
        JsonNode ruleList = spec == null ? null : spec.get(rules);
        for (int r = 0; ruleList != null && r < ruleList.size(); r++) {
            JsonNode peerList = ruleList.get(r).get(peers);
            for (int p = 0; peerList != null && p < peerList.size(); p++) {
                String at = "spec." + rules + "[" + r + "]." + peers + "[" + p + "].namespaceSelector";
                ObjectNode selector = Trees.objectOrNull(peerList.get(p), "namespaceSelector");
                field(Trees.objectOrNull(selector, "matchLabels"), METADATA_NAME_LABEL,
                        at + ".matchLabels[" + METADATA_NAME_LABEL + "]", mapping, decisions);
                JsonNode expressions = selector == null ? null : selector.get("matchExpressions");
                for (int e = 0; expressions != null && e < expressions.size(); e++) {
                    JsonNode expression = expressions.get(e);
                    if (METADATA_NAME_LABEL.equals(Trees.textOrNull(expression, "key"))
                            && expression.get("values") instanceof ArrayNode values) {
                        for (int v = 0; v < values.size(); v++) {
                            element(values, v, at + ".matchExpressions[" + e + "].values[" + v + "]", mapping,
                                    decisions);
                        }
                    }
                }
            }
        }
    }

    private static void webhooks(ObjectNode resource, NamespaceMap mapping, List<String> decisions) {
        JsonNode webhooks = resource.get("webhooks");
        for (int i = 0; webhooks != null && i < webhooks.size(); i++) {
            ObjectNode service = Trees.objectOrNull(Trees.objectOrNull(webhooks.get(i), "clientConfig"), "service");
            field(service, "namespace", "webhooks[" + i + "].clientConfig.service.namespace", mapping, decisions);
        }
    }

    private static void field(ObjectNode parent, String name, String path, NamespaceMap mapping,
            List<String> decisions) {
        String value = Trees.textOrNull(parent, name);
        String mapped = value == null ? null : mapping.destinationOf(value).orElse(value);
        if (mapped != null && !mapped.equals(value)) {
            parent.put(name, mapped);
            decisions.add(path + " " + value + " -> " + mapped);
        }
    }

    private static void element(ArrayNode values, int index, String path, NamespaceMap mapping,
            List<String> decisions) {
        String value = values.get(index).isTextual() ? values.get(index).asText() : null;
        String mapped = value == null ? null : mapping.destinationOf(value).orElse(value);
        if (mapped != null && !mapped.equals(value)) {
            values.set(index, TextNode.valueOf(mapped));
            decisions.add(path + " " + value + " -> " + mapped);
        }
    }
}
