package io.mirrordrill.scenario.runbook;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clients a runbook command names that must be installed, and the package that brings each: a drill whose
 * command needs a missing one fails saying what to install, instead of with bash's "command not found".
 */
public final class Tools {
    /** Command, and its Debian package. {@code k} is kubectl (the shim runbook steps get). */
    static final Map<String, String> PACKAGES = new TreeMap<>(Map.of("kubectl", "kubectl", "k", "kubectl",
            "aws", "awscli", "jq", "jq"));
    /** A word where a command starts: the line's start, or after {@code ; & | ( $( `} and blanks. */
    private static final Pattern COMMAND = Pattern.compile("(?:^|[;&|(`\\n]|\\$\\()\\s*(?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*"
            + "(kubectl|k|aws|jq)(?=\\s|$|[;&|)`])", Pattern.MULTILINE);

    private Tools() {
    }

    /** What to install for the first client {@code command} runs that is not on {@code path}; empty when none. */
    public static Optional<String> missing(String command, String path) {
        Matcher m = COMMAND.matcher(command);
        while (m.find()) {
            String tool = m.group(1).equals("k") ? "kubectl" : m.group(1);
            if (!onPath(tool, path)) {
                return Optional.of(tool + " is not installed (the command runs " + m.group(1) + "): install the"
                        + " package " + PACKAGES.get(tool) + " so that " + tool + " is on the PATH");
            }
        }
        return Optional.empty();
    }

    static boolean onPath(String tool, String path) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = dir.isEmpty() ? null : Path.of(dir, tool);
            if (p != null && Files.isRegularFile(p) && Files.isExecutable(p)) {
                return true;
            }
        }
        return false;
    }
}
