package io.mirrordrill.cli;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The top-level command; its subcommands are added by {@link CommandTree}. */
@Command(name = "mirrordrill", mixinStandardHelpOptions = true, versionProvider = MirrordrillCommand.Version.class,
        description = "Rehearse Kubernetes disaster recovery on ONTAP storage (Trident protect) against"
                + " deterministic emulators.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every drill passed (serve, controller: stopped cleanly)",
            "1:a drill or an invariant failed (serve, controller: an unexpected failure)",
            "2:bad input or usage: a bad option, path, number or drill, named on one line with the fix"})
final class MirrordrillCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "On a failure, print the Java stack trace too (for reporting a bug).")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version the build wrote into the jar. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mirrordrill " + number(), "Java " + System.getProperty("java.version")};
        }

        /** The build's version, e.g. 0.1.0-SNAPSHOT ("unknown" outside a built jar). */
        static String number() {
            Properties p = new Properties();
            try (InputStream in = Version.class.getResourceAsStream("/mirrordrill-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p.getProperty("version", "unknown");
        }
    }
}
