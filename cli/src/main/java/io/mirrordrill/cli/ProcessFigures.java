package io.mirrordrill.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a whole {@code mirrordrill} process cost, written by the process itself as it exits: Java cannot read a
 * child's resource usage, so {@code drill bench} asks each process it starts for its own figures with the hidden
 * property {@value #PROPERTY} (a file name). CPU is {@code /proc/self/stat}'s user and system time of the process and
 * of the children it waited for (the launcher's shell is the same process, {@code exec java}, so its own time and its
 * {@code find} are in), in clock ticks of 1/100 s, as {@code /usr/bin/time} counts; peak RSS is {@code VmHWM} of
 * {@code /proc/self/status}. Not counted: what the JVM does after its shutdown hooks (a few milliseconds). Without
 * {@code /proc} (not Linux) nothing is written and the figures are unknown.
 */
final class ProcessFigures {
    static final String PROPERTY = "mirrordrill.bench.figures";
    /** USER_HZ: the unit of /proc's times, 100 on every Linux architecture's user-space ABI. */
    private static final long TICKS_PER_SECOND = 100;

    /** One process's figures: CPU time (user + system) and peak resident set size. */
    record Figures(long cpuMillis, long peakRssKib) {}

    private ProcessFigures() {
    }

    /** In a process started by {@code drill bench}: writes this process's figures to the file named when it exits. */
    static void writeAtExitIfAsked() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> own().ifPresent(f -> {
            try {
                Files.writeString(Path.of(file), f.cpuMillis() + " " + f.peakRssKib() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                // the figures are lost, the run's own outcome is not: the bench says "unknown"
            }
        }), "bench figures"));
    }

    /** This process's figures so far, when /proc is there. */
    static Optional<Figures> own() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            String status = Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII);
            return Optional.of(new Figures(cpuMillis(stat), peakRssKib(status)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** utime + stime + cutime + cstime (fields 14 to 17; the command name, field 2, may hold spaces). */
    static long cpuMillis(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long ticks = 0;
        for (int field = 14; field <= 17; field++) {
            ticks += Long.parseLong(f[field - 3]);
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    static long peakRssKib(String status) {
        return status.lines().filter(l -> l.startsWith("VmHWM:")).findFirst()
                .map(l -> Long.parseLong(l.substring(6).replace("kB", "").trim()))
                .orElseThrow(() -> new IllegalArgumentException("no VmHWM in /proc/self/status"));
    }

    /** The figures a process wrote, or empty when it wrote none (killed, not Linux). */
    static Optional<Figures> read(Path file) {
        try {
            String[] w = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
            return Optional.of(new Figures(Long.parseLong(w[0]), Long.parseLong(w[1])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
