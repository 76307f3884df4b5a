package io.mirrordrill.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mirrordrill.cli.Ran.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {
    @Test
    void theHelpExplainsEveryOptionAndTheTargets() {
        Ran r = run("drill", "bench", "--help");
        assertEquals(0, r.code(), r.err());
        for (String option : List.of("--drill", "--runs", "--processes", "--json", "--help", "--version")) {
            assertTrue(r.out().contains(option), option + " in " + r.out());
        }
        String help = r.out().replaceAll("\\s+", " "); // picocli wraps the lines
        assertTrue(help.contains("0 skips them"), help);
        assertTrue(help.contains("under 1 s in a warm JVM") && help.contains("under 3 s wall and 512 MiB peak RSS")
                && help.contains("setup-replication under 1.2 s"), help);
    }

    @Test
    void aProcessCountOutOfRangeIsBadInput() {
        Ran r = run("drill", "bench", "--processes", "-1");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--processes"), r.err());
    }

    @Test
    void eachFigureIsComparedWithItsDrillsTarget() {
        assertEquals(" (target under 1,000 ms: missed, 2.50x)", BenchCommand.against(2500, 1000, "ms"));
        assertEquals(" (target under 512 MiB: met)", BenchCommand.against(391, 512, "MiB"));
        assertEquals("", BenchCommand.against(391, -1, "MiB"));
        assertEquals(new BenchCommand.Targets(1000, 3000, 512), BenchCommand.Targets.of("day-in-the-life"));
        assertEquals(new BenchCommand.Targets(-1, 1200, -1), BenchCommand.Targets.of("setup-replication"));
        assertEquals(new BenchCommand.Targets(-1, -1, -1), BenchCommand.Targets.of("my-drill"));
    }

    @Test
    void aSpreadIsTheMedianAndTheExtremes() {
        assertEquals(new BenchCommand.Spread(20, 10, 900), BenchCommand.Spread.of(List.of(900L, 30L, 10L, 20L, 15L)));
        assertEquals(new BenchCommand.Spread(25, 20, 30), BenchCommand.Spread.of(List.of(30L, 20L)));
        assertEquals("6,900 ms (6,500-7,300; target under 3,000 ms: missed, 2.30x)", new BenchCommand.Spread(6900, 6500,
                7300).describe("ms", BenchCommand.against(6900, 3000, "ms")));
        assertEquals("391 MiB (380-400)", new BenchCommand.Spread(391, 380, 400).describe("MiB", ""));
    }

    @Test
    void aProcessReadsItsCpuFromStatAndItsPeakFromStatus() {
        // the command name may hold spaces and parentheses: the fields count from the last ')'
        String stat = "4242 (java (x) y) S 1 2 3 0 -1 4194304 124 0 0 0 250 40 7 3 20 0 1 0 3005883 3133440 410";
        assertEquals((250 + 40 + 7 + 3) * 10, ProcessFigures.cpuMillis(stat));
        assertEquals(400_128, ProcessFigures.peakRssKib("Name:\tjava\nVmPeak:\t 9999 kB\nVmHWM:\t  400128 kB\n"));
        assertTrue(ProcessFigures.own().map(f -> f.cpuMillis() > 0 && f.peakRssKib() > 0).orElse(true));
    }
}
