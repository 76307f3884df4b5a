package io.mirrordrill.scenario.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every colour and marker of the timeline, with what it means: the one place the picture's kinds are defined. The
 * legend under a timeline lists the kinds that timeline draws, in this order.
 */
final class Legend {
    /** A kind of shape: its colour and what it stands for. */
    record Kind(String kind, String color, String meaning) {}

    static final String RPO_FILL = "#d9534f";
    static final String RTO_FILL = "#f0ad4e";
    static final String START_STROKE = "#8b0000";

    static final List<Kind> KINDS = List.of(
            new Kind("ok", "#8fbf8f", "step done"),
            new Kind("failed", "#d9534f", "step failed"),
            new Kind("running", "#f0ad4e", "step still running"),
            new Kind("skipped", "#bbbbbb", "step skipped"),
            new Kind("fault", "#8b0000", "fault injected"),
            new Kind("transfer-success", "#5b8fd9", "SnapMirror transfer"),
            new Kind("transfer-failed", "#b52b27", "SnapMirror transfer failed"),
            new Kind("transfer-aborted", "#999999", "SnapMirror transfer aborted"),
            new Kind("transfer-running", "#f6c26b", "SnapMirror transfer still running"),
            new Kind("state-Establishing", "#f6d58e", "relationship Establishing"),
            new Kind("state-Established", "#7fb3e0", "relationship Established (replicating)"),
            new Kind("state-Promoting", "#e0904a", "relationship Promoting"),
            new Kind("state-Promoted", "#5cb85c", "relationship Promoted (app on the destination)"),
            new Kind("state-Failed", "#c62828", "relationship Failed"),
            new Kind("state-Deleted", "#cccccc", "relationship deleted"),
            new Kind("writes", "#6cc3a0", "writes accepted"),
            new Kind("refused", "#9c6ade", "writes refused (hover for what refused them)"));
    static final Kind OTHER = new Kind("other", "#bbbbbb", "other");

    private Legend() {
    }

    static Kind of(String kind) {
        return KINDS.stream().filter(k -> k.kind().equals(kind)).findFirst().orElse(OTHER);
    }

    /** The legend of a timeline: its measured windows, the instant marker, then each kind it draws. */
    static String html(Timeline t) {
        StringBuilder out = new StringBuilder("<ul class=\"legend\">");
        Set<String> windows = new LinkedHashSet<>();
        t.windows().forEach(w -> windows.add(w.kind()));
        if (windows.contains("start")) {
            out.append(item("<line x1=\"7\" y1=\"0\" x2=\"7\" y2=\"14\" stroke=\"" + START_STROKE
                    + "\" stroke-width=\"2\" stroke-dasharray=\"3,2\"/>", "disaster or failover request: where the "
                    + "RPO and RTO are measured from"));
        }
        if (windows.contains("rpo")) {
            out.append(item(swatch(RPO_FILL, 0.25), "RPO window: from the last write that survived to the disaster "
                    + "(the data lost)"));
        }
        if (windows.contains("rto")) {
            out.append(item(swatch(RTO_FILL, 0.3), "RTO window: from the disaster or promote request to the first "
                    + "write accepted elsewhere (the app not serving)"));
        }
        out.append(item("<polygon points=\"7,1 13,7 7,13 1,7\" fill=\"#666\"/>", "an instant (a step or fault at "
                + "one moment; its colour says which)"));
        Set<Kind> used = new LinkedHashSet<>();
        for (Kind k : KINDS) {
            if (t.lanes().stream().anyMatch(l -> l.items().stream().anyMatch(i -> i.kind().equals(k.kind())))) {
                used.add(k);
            }
        }
        if (t.lanes().stream().anyMatch(l -> l.items().stream().anyMatch(i -> of(i.kind()) == OTHER))) {
            used.add(OTHER);
        }
        for (Kind k : used) {
            out.append(item(swatch(k.color(), 1), k.meaning()));
        }
        return out.append("</ul>\n").toString();
    }

    private static String swatch(String color, double opacity) {
        return "<rect x=\"0\" y=\"1\" width=\"14\" height=\"12\" fill=\"" + color + "\" fill-opacity=\"" + opacity
                + "\" stroke=\"#888\" stroke-width=\"0.5\"/>";
    }

    private static String item(String shape, String meaning) {
        return "<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\">" + shape + "</svg> "
                + Xml.escape(meaning) + "</li>";
    }
}
