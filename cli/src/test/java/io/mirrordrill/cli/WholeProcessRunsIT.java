package io.mirrordrill.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real processes (benchmark figures, so no timed assertion: only that each figure is there and sane). */
class WholeProcessRunsIT {
    /** This module's classes and dependencies, as a separate JVM (the launcher needs a built jar). */
    private static final WholeProcessRuns.Launch MAIN = WholeProcessRuns.java(List.of("-cp",
            System.getProperty("java.class.path"), Main.class.getName()));

    @Test
    void aProcessReportsItsWallCpuAndPeakRss() throws Exception {
        List<String> args = List.of("drill", "run", "setup-replication", "--no-progress");
        WholeProcessRuns.Run r = WholeProcessRuns.once(MAIN, args);
        assertEquals(0, r.exitCode(), r.lastError());
        assertTrue(r.wallMillis() > 0, r.toString());
        ProcessFigures.Figures f = r.figures().orElseThrow(() -> new AssertionError("no figures (no /proc?) " + r));
        assertTrue(f.cpuMillis() > 0, r.toString());
        assertTrue(f.peakRssKib() > 16 * 1024 && f.peakRssKib() < 64L * 1024 * 1024, "a JVM's RSS in KiB: " + r);
        assertTrue(MAIN.describe(args).endsWith("io.mirrordrill.cli.Main drill run setup-replication --no-progress"));
    }

    @Test
    void aFailingProcessGivesItsExitCodeAndLastErrorLine() throws Exception {
        WholeProcessRuns.Run r = WholeProcessRuns.once(MAIN, List.of("drill", "run", "no-such-drill", "--no-progress"));
        assertEquals(Main.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.lastError().contains("no-such-drill"), r.lastError());
        assertTrue(r.figures().isPresent(), "figures are written on any exit: " + r);
    }
}
