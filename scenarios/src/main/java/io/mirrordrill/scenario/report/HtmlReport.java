package io.mirrordrill.scenario.report;

import java.util.List;

/** One self-contained HTML page for a set of drill results: summary, then per drill its numbers and timeline. */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String of(List<DrillResult> results) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<title>mirrordrill report</title><style>body{font-family:sans-serif;margin:1.5em}"
                + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 7px;"
                + "text-align:left;font-size:13px}.pass{color:#2e7d32}.fail{color:#c62828}"
                + "pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap}section{margin-bottom:2.5em}"
                + "</style></head><body>\n<h1>mirrordrill drills</h1>\n<p>")
                .append(Xml.escape(TextSummary.total(results))).append("</p>\n<table><tr><th>drill</th><th>result</th>"
                        + "<th>RPO</th><th>RTO</th><th>writes lost</th><th>transferred</th><th>simulated</th>"
                        + "<th>wall</th><th>trace</th></tr>\n");
        for (DrillResult r : results) {
            Measurements m = r.measures();
            html.append("<tr><td><a href=\"#").append(Xml.escape(r.name())).append("\">").append(Xml.escape(r.name()))
                    .append("</a></td><td class=\"").append(r.passed() ? "pass\">pass" : "fail\">FAIL")
                    .append("</td><td>").append(or(m.rpo())).append(m.rpoRecords() == null ? "" : " / "
                            + m.rpoRecords() + " records").append("</td><td>").append(or(m.rto()))
                    .append("</td><td>").append(m.writesLost() == null ? "unknown" : m.writesLost())
                    .append("</td><td>").append(TextSummary.bytes(m.bytesTransferred())).append(" (")
                    .append(m.transfers()).append(")</td><td>").append(m.simulated()).append("</td><td>")
                    .append(m.wallMillis()).append(" ms</td><td><code>").append(m.traceHash(), 0, 16)
                    .append("</code></td></tr>\n");
        }
        html.append("</table>\n");
        for (DrillResult r : results) {
            section(html, r);
        }
        return html.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder html, DrillResult r) {
        html.append("<section id=\"").append(Xml.escape(r.name())).append("\"><h2>").append(Xml.escape(r.name()))
                .append(" <span class=\"").append(r.passed() ? "pass\">pass" : "fail\">FAIL").append("</span></h2>\n<p>")
                .append(Xml.escape(r.description())).append("</p>\n<p>file <code>").append(Xml.escape(r.file()))
                .append("</code>, seed ").append(r.seed()).append("</p>\n");
        if (r.failure() != null) {
            html.append("<pre class=\"fail\">").append(Xml.escape(r.failure().describe())).append("</pre>\n");
        }
        html.append("<pre>").append(Xml.escape(TextSummary.of(r))).append("</pre>\n");
        html.append(TimelineSvg.of(r.timeline()));
        html.append("<table><tr><th>expectation</th><th>result</th><th>found</th></tr>\n");
        for (ExpectationResult e : r.expectations()) {
            html.append("<tr><td>").append(Xml.escape(e.description())).append("</td><td class=\"")
                    .append(e.passed() ? "pass\">pass" : "fail\">FAIL").append("</td><td>")
                    .append(Xml.escape(e.actual())).append("</td></tr>\n");
        }
        html.append("</table>\n<table><tr><th>time</th><th>step</th><th>outcome</th></tr>\n");
        for (StepResult s : r.steps()) {
            html.append("<tr><td>").append(TimelineSvg.clock(s.startMillis())).append("</td><td>")
                    .append("&nbsp;".repeat(4 * s.depth())).append(Xml.escape(s.path() + ": " + s.description()))
                    .append("</td><td>").append(Xml.escape(s.outcome() + (s.message().isEmpty() ? "" : ": "
                            + s.message()))).append("</td></tr>\n");
        }
        html.append("</table>\n").append(CommandsHtml.of(r.commands()));
        html.append("<p>Invariants checked after every step (").append(r.invariantChecks())
                .append(" checkpoints): ").append(Xml.escape(String.join(", ", r.invariants()))).append("</p>\n");
        for (String note : r.notes()) {
            html.append("<p><small>").append(Xml.escape(note)).append("</small></p>\n");
        }
        html.append("</section>\n");
    }

    private static String or(String s) {
        return s == null ? "-" : Xml.escape(s);
    }
}
