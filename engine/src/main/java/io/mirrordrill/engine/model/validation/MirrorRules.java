package io.mirrordrill.engine.model.validation;

import static io.mirrordrill.engine.model.validation.Findings.quote;

import io.mirrordrill.engine.model.AppMirrorRelationship;
import io.mirrordrill.engine.model.AppMirrorRelationshipSpec;
import io.mirrordrill.engine.model.DesiredState;
import java.util.Locale;
import java.util.regex.Pattern;

/** AppMirrorRelationship: both vaults, the source application, a namespace mapping; a valid desired state. */
final class MirrorRules {
    private static final Pattern UID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private MirrorRules() {
    }

    static void check(AppMirrorRelationship amr, Findings f) {
        AppMirrorRelationshipSpec spec = amr.spec();
        if (!f.require("spec", spec, "add spec with sourceAppVaultRef, destinationAppVaultRef, sourceApplicationName"
                + " and namespaceMapping")) {
            return;
        }
        if (spec.desiredState() != null && spec.desiredStateValue().isEmpty()) {
            boolean caseOnly = DesiredState.parse(capitalized(spec.desiredState())).isPresent();
            f.add("spec.desiredState", quote(spec.desiredState()) + " is not Established or Promoted", caseOnly
                    ? "write " + capitalized(spec.desiredState()) + " (the value is case-sensitive)"
                    : "write Established to replicate or Promoted to fail over");
        }
        Checks.reference(f, "spec.sourceAppVaultRef", spec.sourceAppVaultRef(),
                "AppVault (on this cluster) of the source application's bucket");
        Checks.reference(f, "spec.destinationAppVaultRef", spec.destinationAppVaultRef(),
                "AppVault for the destination application on this cluster");
        Checks.reference(f, "spec.sourceApplicationName", spec.sourceApplicationName(),
                "source Application as named on the source cluster");
        if (spec.sourceApplicationUID() != null && !UID.matcher(spec.sourceApplicationUID()).matches()) {
            f.add("spec.sourceApplicationUID", quote(spec.sourceApplicationUID()) + " is not a Kubernetes UID",
                    "copy metadata.uid of the source Application (kubectl get application <name> -o"
                            + " jsonpath='{.metadata.uid}')");
        }
        if (f.require("spec.namespaceMapping", spec.namespaceMapping(), "add namespaceMapping: [{source: <source"
                + " app namespace>, destination: <namespace on this cluster>}]")) {
            Checks.mappings(f, "spec.namespaceMapping", spec.namespaceMapping(), true);
        }
        Checks.objectName(f, "spec.storageClassName", spec.storageClassName());
        Checks.mappings(f, "spec.storageClassMapping", spec.storageClassMapping(), false);
        if (spec.recurrenceRule() != null) {
            Checks.recurrenceRule(f, "spec.recurrenceRule", spec.recurrenceRule());
        }
        String promoted = spec.promotedSnapshot();
        if (promoted != null && (promoted.equals(".") || promoted.equals(".."))) {
            f.add("spec.promotedSnapshot", quote(promoted) + " is not the basename of a snapshot archive (it would"
                    + " name a folder of the vault, not an archive)", "write the last segment of the ShutdownSnapshot's"
                    + " status.appArchivePath, e.g. 20240101000000_my-shutdown-snapshot_<uid>");
        } else if (promoted != null && (promoted.isBlank() || promoted.contains("/") || promoted.contains("\\"))) {
            String basename = promoted.substring(promoted.lastIndexOf('/') + 1);
            f.add("spec.promotedSnapshot", quote(promoted) + " is not the basename of a snapshot archive",
                    basename.isBlank() ? "write the last segment of the ShutdownSnapshot's status.appArchivePath"
                            : "write only the last path segment: " + basename);
        }
        Checks.transformations(f, "spec.transformations", spec.transformations());
    }

    private static String capitalized(String value) {
        return value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT)
                + value.substring(1).toLowerCase(Locale.ROOT);
    }
}
