package io.mirrordrill.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a benchmark ran on, as a reader of its figures needs it: cores, memory, Java, how busy it was. */
final class Machine {
    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Physical memory in MiB, or -1 when the platform does not say. */
    static long memoryMib() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() / (1024 * 1024) : -1;
    }

    static String java() {
        return System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vendor")
                + ")";
    }

    /** The 1, 5 and 15-minute load averages ({@code /proc/loadavg}), else the 1-minute one the JVM knows. */
    static String loadAverage() {
        try {
            String[] w = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
            return w[0] + " " + w[1] + " " + w[2];
        } catch (IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", one);
        }
    }
}
