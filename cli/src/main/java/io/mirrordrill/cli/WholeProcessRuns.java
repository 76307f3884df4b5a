package io.mirrordrill.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A drill run as the user runs it, {@code ./mirrordrill drill run <drill> --no-progress}, one separate process at a
 * time: the wall time measured here around the process (start to exit, launcher and JVM start-up included), its CPU
 * time and peak RSS as it reports them itself ({@link ProcessFigures}).
 */
final class WholeProcessRuns {
    /** A process that gives no sign of ending within this is killed (a day drill takes seconds). */
    private static final long TIMEOUT_MINUTES = 10;

    /** One process: how it exited, the wall time, its own figures when it wrote them, its last error line. */
    record Run(int exitCode, long wallMillis, Optional<ProcessFigures.Figures> figures, String lastError) {}

    /** How to start one {@code mirrordrill} process whose figures go to {@code figures}. */
    interface Launch {
        /** The command as a person would type it (without the figures' property). */
        String describe(List<String> args);

        ProcessBuilder builder(List<String> args, Path figures);
    }

    private WholeProcessRuns() {
    }

    /** The checkout's launcher: the figures' property goes to the JVM through {@code MIRRORDRILL_JAVA_OPTS}. */
    static Launch launcher(Path script) {
        return new Launch() {
            @Override
            public String describe(List<String> args) {
                // the settings the processes inherit change what is measured: named with the command
                StringBuilder env = new StringBuilder();
                for (String name : List.of("MIRRORDRILL_CDS", "MIRRORDRILL_JAVA_OPTS")) {
                    String value = System.getenv(name);
                    if (value != null && !value.isBlank()) {
                        env.append(name).append("='").append(value).append("' ");
                    }
                }
                return env + "./" + script.getFileName() + " " + String.join(" ", args);
            }

            @Override
            public ProcessBuilder builder(List<String> args, Path figures) {
                List<String> command = new ArrayList<>(List.of(script.toString()));
                command.addAll(args);
                ProcessBuilder b = new ProcessBuilder(command);
                String opts = b.environment().getOrDefault("MIRRORDRILL_JAVA_OPTS", "");
                b.environment().put("MIRRORDRILL_JAVA_OPTS", (opts + " " + property(figures)).strip());
                return b;
            }
        };
    }

    /** This Java runtime with {@code jvmArgs} (e.g. {@code -jar x.jar}, or {@code -cp ... io.mirrordrill.cli.Main}). */
    static Launch java(List<String> jvmArgs) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new Launch() {
            @Override
            public String describe(List<String> args) {
                return "java " + String.join(" ", jvmArgs) + " " + String.join(" ", args);
            }

            @Override
            public ProcessBuilder builder(List<String> args, Path figures) {
                List<String> command = new ArrayList<>(List.of(java, property(figures)));
                command.addAll(jvmArgs);
                command.addAll(args);
                return new ProcessBuilder(command);
            }
        };
    }

    private static String property(Path figures) {
        // the launcher splits MIRRORDRILL_JAVA_OPTS on spaces: the temporary file's name must have none
        if (figures.toString().contains(" ")) {
            throw new IllegalStateException("the temporary directory's path has a space: " + figures);
        }
        return "-D" + ProcessFigures.PROPERTY + "=" + figures;
    }

    /**
     * How this installation starts: the checkout's {@code ./mirrordrill} (found beside the jar, {@code
     * cli/target/*.jar}, or above the launcher's {@code -Dmirrordrill.drills}); else {@code java -jar} of this jar
     * (without the launcher's JVM settings: {@code why} says so); else none (run from classes, e.g. in an IDE).
     */
    static Optional<Launch> find(StringBuilder why) {
        Optional<Path> jar = ownJar();
        List<Path> roots = new ArrayList<>();
        jar.map(Path::getParent).map(Path::getParent).map(Path::getParent).ifPresent(roots::add);
        String drills = System.getProperty("mirrordrill.drills");
        if (drills != null && !drills.isBlank()) {
            Optional.ofNullable(Path.of(drills).toAbsolutePath().getParent()).map(Path::getParent).ifPresent(roots::add);
        }
        for (Path root : roots) {
            Path script = root.resolve("mirrordrill");
            if (Files.isRegularFile(script) && Files.isExecutable(script)) {
                return Optional.of(launcher(script));
            }
        }
        if (jar.isPresent()) {
            why.append("no ./mirrordrill launcher beside ").append(jar.get()).append(": timing java -jar instead,"
                    + " without the launcher's JVM settings (collector, compiler, class-data sharing)");
            return Optional.of(java(List.of("-jar", jar.get().toString())));
        }
        why.append("skipped: not run from a jar nor a checkout's ./mirrordrill (run ./mirrordrill drill bench"
                + " from a checkout)");
        return Optional.empty();
    }

    private static Optional<Path> ownJar() {
        try {
            Path p = Path.of(WholeProcessRuns.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? Optional.of(p.toAbsolutePath())
                    : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Starts one process with {@code args}, waits for it; its output is discarded but for its last error line. */
    static Run once(Launch launch, List<String> args) throws IOException, InterruptedException {
        Path figures = Files.createTempFile("mirrordrill-bench-", ".figures");
        Path errors = Files.createTempFile("mirrordrill-bench-", ".err");
        try {
            ProcessBuilder b = launch.builder(args, figures)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile());
            long start = System.nanoTime();
            Process p = b.start();
            boolean ended = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            long wall = (System.nanoTime() - start) / 1_000_000;
            if (!ended) {
                p.destroyForcibly().waitFor();
                return new Run(-1, wall, Optional.empty(), "killed after " + TIMEOUT_MINUTES + " minutes");
            }
            List<String> err = Files.readAllLines(errors, StandardCharsets.UTF_8);
            String last = err.stream().filter(l -> !l.isBlank()).reduce((a, c) -> c).orElse("");
            return new Run(p.exitValue(), wall, Files.size(figures) > 0 ? ProcessFigures.read(figures)
                    : Optional.empty(), last);
        } finally {
            Files.deleteIfExists(figures);
            Files.deleteIfExists(errors);
        }
    }
}
