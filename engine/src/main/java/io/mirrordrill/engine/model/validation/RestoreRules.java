package io.mirrordrill.engine.model.validation;

import io.mirrordrill.engine.model.SnapshotRestore;
import io.mirrordrill.engine.model.SnapshotRestoreSpec;

/** SnapshotRestore: a safe archive path in a named vault, well-formed mappings, filter and patches. */
final class RestoreRules {
    private RestoreRules() {
    }

    static void check(SnapshotRestore restore, Findings f) {
        SnapshotRestoreSpec spec = restore.spec();
        if (!f.require("spec", spec, "add spec with appArchivePath and appVaultRef")) {
            return;
        }
        Checks.archivePath(f, "spec.appArchivePath", spec.appArchivePath());
        Checks.reference(f, "spec.appVaultRef", spec.appVaultRef(), "AppVault that holds the archive");
        Checks.mappings(f, "spec.namespaceMapping", spec.namespaceMapping(), true);
        Checks.mappings(f, "spec.storageClassMapping", spec.storageClassMapping(), false);
        Checks.resourceFilter(f, "spec.resourceFilter", spec.resourceFilter());
        Checks.transformations(f, "spec.transformations", spec.transformations());
    }
}
