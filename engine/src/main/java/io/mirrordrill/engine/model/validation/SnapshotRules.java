package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Findings.quote;

import io.mirrordrill.engine.model.SnapshotSpec;

/** Snapshot and ShutdownSnapshot: which application into which vault; Retain or Delete on deletion. */
final class SnapshotRules {
    private SnapshotRules() {
    }

    static void check(SnapshotSpec spec, Findings f) {
        if (!f.require("spec", spec, "add spec with applicationRef and appVaultRef")) {
            return;
        }
        Checks.reference(f, "spec.applicationRef", spec.applicationRef(), "Application to snapshot");
        Checks.reference(f, "spec.appVaultRef", spec.appVaultRef(), "AppVault that stores the archive");
        if (spec.reclaimPolicy() != null && spec.reclaimPolicyValue().isEmpty()) {
            f.add("spec.reclaimPolicy", quote(spec.reclaimPolicy()) + " is not Retain or Delete",
                    "write Retain (keep the archive, the default) or Delete");
        }
    }
}
