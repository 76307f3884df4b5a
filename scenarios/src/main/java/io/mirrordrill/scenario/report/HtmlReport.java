package io.mirrordrill.scenario.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One self-contained HTML page for a set of drill results: a summary table linking to each drill, then per drill
 * its conclusion in sentences, its numbers, the timeline with its legend, the replication lag, the expectations and
 * the steps (a procedure's steps folded under the step that runs it).
 */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;max-width:1300px}"
            + "table{border-collapse:collapse;margin:.5em 0;max-width:100%}td,th{border:1px solid #ccc;"
            + "padding:3px 7px;text-align:left;font-size:13px;overflow-wrap:anywhere;vertical-align:top}th{white-space:nowrap}"
            + ".pass{color:#2e7d32}.fail{color:#c62828}pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;"
            + "overflow-wrap:anywhere}section{margin-bottom:2.5em}.conclusion{background:#f3f6fb;border-left:4px "
            + "solid #5b8fd9;padding:.4em .8em}.conclusion.failed{background:#fbf0f0;border-color:#c62828}"
            + ".conclusion p{margin:.3em 0}ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;"
            + "gap:.3em 1.2em;font-size:12px}ul.legend li{display:flex;align-items:center;gap:.3em}"
            + "details>summary{cursor:pointer}details table{margin-left:1.5em}h3{margin:1.2em 0 .3em}";

    private HtmlReport() {
    }

    public static String of(List<DrillResult> results) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>mirrordrill report</title><style>")
                .append(STYLE).append("</style></head><body>\n<h1>mirrordrill drills</h1>\n<p>")
                .append(Xml.escape(TextSummary.total(results))).append("</p>\n<table class=\"summary\"><tr>"
                        + "<th>drill</th><th>result</th><th>RPO</th><th>RTO</th><th>writes lost</th>"
                        + "<th>transferred</th><th>simulated</th><th>wall</th><th>trace</th></tr>\n");
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
                .append(" <span class=\"").append(r.passed() ? "pass\">pass" : "fail\">FAIL").append("</span></h2>\n");
        html.append("<div class=\"conclusion").append(r.passed() ? "" : " failed").append("\">");
        for (String sentence : Conclusion.of(r)) {
            html.append("<p>").append(Xml.escape(sentence)).append("</p>");
        }
        html.append("</div>\n<p>").append(Xml.escape(r.description())).append("</p>\n<p>file <code>")
                .append(Xml.escape(r.file())).append("</code>, seed ").append(r.seed()).append("</p>\n");
        if (r.failure() != null) {
            html.append("<pre class=\"fail failure\">").append(Xml.escape(r.failure().describe())).append("</pre>\n");
        }
        numbers(html, r.measures());
        html.append("<h3>Timeline</h3>\n").append(TimelineSvg.of(r.timeline()));
        String closeUp = TimelineSvg.closeUp(r.timeline());
        if (!closeUp.isEmpty()) {
            html.append("<p>The same timeline around the disaster, where the RPO and RTO windows are:</p>\n")
                    .append(closeUp);
        }
        html.append(Legend.html(r.timeline()));
        html.append("<h3>Replication lag</h3>\n");
        if (r.timeline().lags().isEmpty()) {
            html.append("<p class=\"no-lag\">No relationship replicated a snapshot in this drill, so there is no lag "
                    + "to plot.</p>\n");
        }
        for (Timeline.Lag lag : r.timeline().lags()) {
            html.append(LagSvg.of(r.timeline(), lag));
        }
        html.append("<h3>Expectations</h3>\n");
        if (r.expectations().isEmpty()) {
            html.append("<p>").append(r.failure() == null ? "The drill states no expectations."
                    : "Not evaluated: the drill stopped at the failure above.").append("</p>\n");
        } else {
            html.append("<table class=\"expectations\"><tr><th>expectation</th><th>result</th><th>found</th></tr>\n");
            for (ExpectationResult e : r.expectations()) {
                html.append("<tr><td>").append(Xml.escape(e.description())).append("</td><td class=\"")
                        .append(e.passed() ? "pass\">pass" : "fail\">FAIL").append("</td><td>")
                        .append(Xml.escape(e.actual())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h3>Steps</h3>\n");
        steps(html, r.steps());
        html.append(CommandsHtml.of(r.commands()));
        html.append("<p class=\"invariants\">Invariants checked after every step (").append(r.invariantChecks())
                .append(" checkpoints): ").append(Xml.escape(String.join(", ", r.invariants()))).append("</p>\n");
        for (String note : r.notes()) {
            html.append("<p><small>").append(Xml.escape(note)).append("</small></p>\n");
        }
        html.append("</section>\n");
    }

    private static void numbers(StringBuilder html, Measurements m) {
        html.append("<table class=\"numbers\"><tr><th>RPO</th><td>").append(or(m.rpo()))
                .append(m.rpoRecords() == null ? "" : " (" + m.rpoRecords() + " records)")
                .append("</td><th>RTO</th><td>").append(or(m.rto()))
                .append(m.rtoFrom() == null ? "" : " from " + Xml.escape(m.rtoFrom())).append("</td></tr>\n")
                .append("<tr><th>writes</th><td>").append(m.writesLost() == null ? "unknown" : m.writesLost())
                .append(" lost of ").append(m.writesAccepted()).append(" accepted, ").append(m.writesRefused())
                .append(" refused").append(Conclusion.refusals(m).map(s -> "<br><small>" + Xml.escape(s)
                        + "</small>").orElse("")).append("</td><th>transferred</th><td>")
                .append(TextSummary.bytes(m.bytesTransferred())).append(" in ").append(m.transfers())
                .append(" transfers").append(m.transfersFailed() > 0 ? " (" + m.transfersFailed() + " failed)" : "")
                .append("</td></tr>\n<tr><th>simulated</th><td>").append(m.simulated()).append("</td><th>wall</th><td>")
                .append(m.wallMillis()).append(" ms, trace <code>").append(m.traceHash(), 0, 16).append("</code> (")
                .append(m.traceEntries()).append(" entries)</td></tr></table>\n");
    }

    /**
     * The drill's own steps, one row each; the steps a {@code run} step ran (its procedure's) fold under it, open
     * when one of them failed.
     */
    private static void steps(StringBuilder html, List<StepResult> steps) {
        html.append("<table class=\"steps\"><tr><th>time</th><th>step</th><th>outcome</th></tr>\n");
        for (int i = 0; i < steps.size(); i++) {
            StepResult s = steps.get(i);
            List<StepResult> inner = new ArrayList<>();
            while (i + 1 < steps.size() && steps.get(i + 1).depth() > s.depth()) {
                inner.add(steps.get(++i));
            }
            html.append("<tr><td>").append(Clock.of(s.startMillis())).append("</td><td>");
            if (inner.isEmpty()) {
                html.append(stepText(s));
            } else {
                boolean open = inner.stream().anyMatch(x -> !x.outcome().equals("ok"));
                html.append("<details").append(open ? " open" : "").append("><summary>").append(stepText(s))
                        .append(" (").append(inner.size()).append(" steps)</summary>\n");
                steps(html, inner);
                html.append("</details>");
            }
            html.append("</td><td>").append(outcome(s)).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    /** What a step did, as its row shows it (a step's extra output, e.g. a command's, goes after this). */
    private static String stepText(StepResult s) {
        return Xml.escape(s.path() + ": " + s.description());
    }

    private static String outcome(StepResult s) {
        return "<span class=\"" + (s.outcome().equals("failed") ? "fail" : s.outcome().equals("ok") ? "pass" : "")
                + "\">" + Xml.escape(s.outcome() + (s.message().isEmpty() ? "" : ": " + s.message())) + "</span>";
    }

    private static String or(String s) {
        return s == null ? "-" : Xml.escape(s);
    }
}
