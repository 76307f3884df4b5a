package io.mirrordrill.scenario.workload;

import io.mirrordrill.emulator.k8s.cluster.PodLogs;

/**
 * The line a writer's container prints per accepted batch, kept as numbers and formatted only when someone reads
 * the log: {@code committed records 41..60 (20) to /data/orders.log}. Names and numbers only, never data.
 */
record CommitLine(long first, long last, String mount, String file) implements PodLogs.Line {
    private static final String PREFIX = "committed records ";

    @Override
    public String text() {
        return PREFIX + first + ".." + last + " (" + (last - first + 1) + ") to " + path();
    }

    @Override
    public int size() {
        return PREFIX.length() + digits(first) + 2 + digits(last) + 2 + digits(last - first + 1) + 5
                + mount.length() + (mount.endsWith("/") ? 0 : 1) + file.length();
    }

    private String path() {
        return mount.endsWith("/") ? mount + file : mount + "/" + file;
    }

    private static int digits(long n) {
        int d = 1;
        for (long v = n; v >= 10; v /= 10) {
            d++;
        }
        return d;
    }
}
