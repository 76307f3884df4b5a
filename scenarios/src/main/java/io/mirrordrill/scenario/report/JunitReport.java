package io.mirrordrill.scenario.report;

import java.util.List;
import java.util.Locale;

/** Drill results as JUnit XML, so CI systems show each drill as a test (a failed drill as a failed test). */
public final class JunitReport {
    private JunitReport() {
    }

    public static String of(List<DrillResult> results) {
        long failures = results.stream().filter(r -> !r.passed()).count();
        double time = results.stream().mapToLong(r -> r.measures().wallMillis()).sum() / 1000.0;
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append(String.format(Locale.ROOT, "<testsuites name=\"mirrordrill\" tests=\"%d\" failures=\"%d\" "
                + "time=\"%.3f\">%n", results.size(), failures, time));
        out.append(String.format(Locale.ROOT, "  <testsuite name=\"mirrordrill.drills\" tests=\"%d\" failures=\"%d\" "
                + "errors=\"0\" skipped=\"0\" time=\"%.3f\">%n", results.size(), failures, time));
        for (DrillResult r : results) {
            out.append(String.format(Locale.ROOT, "    <testcase classname=\"mirrordrill.drill\" name=\"%s\" "
                    + "file=\"%s\" time=\"%.3f\">%n", Xml.escape(r.name()), Xml.escape(r.file()),
                    r.measures().wallMillis() / 1000.0));
            if (r.failure() != null) {
                out.append("      <failure type=\"").append(Xml.escape(r.failure().kind())).append("\" message=\"")
                        .append(Xml.escape(r.failure().message())).append("\">")
                        .append(Xml.escape(r.failure().describe())).append("</failure>\n");
            }
            out.append("      <system-out>").append(Xml.escape(TextSummary.of(r))).append("</system-out>\n");
            out.append("    </testcase>\n");
        }
        out.append("  </testsuite>\n</testsuites>\n");
        return out.toString();
    }
}
