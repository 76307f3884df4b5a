package io.mirrordrill.scenario.drill;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/**
 * A {@code tridentctl} command as the administrator types it: {@code create backend -f FILE}, {@code update backend
 * NAME -f FILE}, {@code delete backend NAME}, {@code import volume BACKEND VOLUME -f PVC_FILE}, each with an optional
 * {@code -n trident}. The file is read when the drill is parsed: a backend definition ({@code backend}) or the claim
 * to import into ({@code claim}).
 */
public record TridentctlCommand(String verb, String name, String volume, Path file, String namespace,
                                BackendConfig backend, ObjectNode claim) {
    /**
     * A Trident ONTAP backend definition; {@code managementLIF} names an ONTAP cluster of the world (the world's
     * cluster names stand for management LIFs, as in the TridentBackend objects). The password is a secret.
     */
    public record BackendConfig(String storageDriverName, String backendName, String managementLIF, String dataLIF,
                                String svm, String username, String password) {
        @Override
        public String toString() {
            return "BackendConfig[" + backendName + " " + storageDriverName + " " + managementLIF + "/" + svm + "]";
        }
    }

    /** The command line, the file named relative to {@code base}. */
    public String text(Path base) {
        String f = file == null ? "" : " -f " + relative(base, file);
        String n = namespace == null ? "" : " -n " + namespace;
        return switch (verb) {
            case "create backend" -> verb + f + n;
            case "import volume" -> verb + " " + name + " " + volume + f + n;
            default -> verb + " " + name + f + n;
        };
    }

    private static String relative(Path base, Path file) {
        try {
            return base.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
