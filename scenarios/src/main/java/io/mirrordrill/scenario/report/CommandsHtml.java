package io.mirrordrill.scenario.report;

import java.util.List;

/** The runbook commands of a drill in its HTML section: each command, where and when it ran, its exit and output. */
final class CommandsHtml {
    private CommandsHtml() {
    }

    static String of(List<CommandRun> commands) {
        if (commands.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>Runbook commands</h3>\n<table class=\"commands\"><tr><th>time</th>"
                + "<th>step</th><th>context</th><th>command</th><th>exit</th><th>output</th></tr>\n");
        for (CommandRun c : commands) {
            html.append("<tr><td>").append(Clock.of(c.atMillis())).append("</td><td>")
                    .append(Xml.escape(c.path())).append("</td><td>").append(Xml.escape(c.context()))
                    .append("</td><td><pre>").append(Xml.escape(c.command().strip())).append("</pre></td><td class=\"")
                    .append(c.exitCode() == 0 ? "pass" : "fail").append("\">").append(c.exitCode() < 0 ? "killed"
                            : String.valueOf(c.exitCode())).append("</td><td>");
            if (!c.stdout().isEmpty()) {
                html.append("<pre>").append(Xml.escape(c.stdout())).append("</pre>");
            }
            if (!c.stderr().isEmpty()) {
                html.append("<pre class=\"stderr\">").append(Xml.escape(c.stderr())).append("</pre>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }
}
