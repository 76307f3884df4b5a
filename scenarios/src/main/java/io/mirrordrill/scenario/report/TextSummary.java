package io.mirrordrill.scenario.report;

import java.util.List;
import java.util.Locale;

/** The terminal summary: one block per drill (its conclusion in sentences, then its numbers), then a total line. */
public final class TextSummary {
    private TextSummary() {
    }

    public static String of(DrillResult r) {
        Measurements m = r.measures();
        StringBuilder out = new StringBuilder();
        out.append(r.passed() ? "PASS " : "FAIL ").append(r.name()).append("  (seed ").append(r.seed()).append(")\n");
        for (String sentence : Conclusion.of(r)) {
            out.append("  ").append(sentence).append('\n');
        }
        out.append("  RPO ").append(or(m.rpo(), "-")).append(m.rpoRecords() == null ? "" : " / " + m.rpoRecords()
                + " records").append("   RTO ").append(or(m.rto(), "-"))
                .append(m.rtoFrom() == null ? "" : " (from " + m.rtoFrom() + ")").append('\n');
        out.append("  writes lost ").append(m.writesLost() == null ? "unknown" : m.writesLost()).append(" of ")
                .append(m.writesAccepted()).append(" accepted (").append(m.writesRefused()).append(" refused)")
                .append("   transferred ").append(bytes(m.bytesTransferred())).append(" in ").append(m.transfers())
                .append(" transfers").append(m.transfersFailed() > 0 ? " (" + m.transfersFailed() + " failed)" : "")
                .append('\n');
        out.append("  simulated ").append(m.simulated()).append("   wall ").append(m.wallMillis()).append(" ms")
                .append("   trace ").append(m.traceHash(), 0, 16).append(" (").append(m.traceEntries())
                .append(" entries)\n");
        if (r.failure() != null) {
            out.append("  ").append(r.failure().describe().replace("\n", "\n  ")).append('\n');
        }
        return out.toString();
    }

    public static String total(List<DrillResult> results) {
        long passed = results.stream().filter(DrillResult::passed).count();
        return String.format(Locale.ROOT, "%d drill%s: %d passed, %d failed%n", results.size(),
                results.size() == 1 ? "" : "s", passed, results.size() - passed);
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", b / 1024.0 / 1024);
        }
        return String.format(Locale.ROOT, "%.2f GiB", b / 1024.0 / 1024 / 1024);
    }

    private static String or(String s, String otherwise) {
        return s == null ? otherwise : s;
    }
}
