package io.mirrordrill.engine.model.validation;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/** What the API server requires of every object's metadata. */
final class MetadataRules {
    private MetadataRules() {
    }

    static void check(ObjectMeta metadata, Findings f) {
        if (!f.require("metadata", metadata, "add metadata with a name (and the namespace it belongs in)")) {
            return;
        }
        if (metadata.getName() == null && metadata.getGenerateName() != null) {
            return; // the API server will make a name
        }
        if (f.require("metadata.name", metadata.getName(), "name the resource, e.g. name: my-app")) {
            Checks.objectName(f, "metadata.name", metadata.getName());
        }
        Checks.namespaceName(f, "metadata.namespace", metadata.getNamespace());
    }
}
