package io.mirrordrill.scenario.report;

import java.util.Locale;

/**
 * A relationship's replication lag as an inline SVG plot: the age of the newest replicated snapshot at each moment
 * (a sawtooth: it grows until the next snapshot arrives), the schedule interval as a dashed reference line, the
 * disaster as in the timeline, and under it the bytes of each transfer as bars. Same time axis as the timeline.
 */
final class LagSvg {
    private static final int PLOT = 120;
    private static final int BARS = 36;
    private static final int TOP = 24;

    private LagSvg() {
    }

    static String of(Timeline t, Timeline.Lag lag) {
        TimeAxis axis = new TimeAxis(t.endMillis(), t.begin(), TimelineSvg.LABEL, TimelineSvg.WIDTH);
        long maxAge = lag.intervalMillis();
        long maxBytes = 1;
        for (Timeline.Replica r : lag.replicas()) {
            maxAge = Math.max(maxAge, r.untilMillis() - r.takenMillis());
            maxBytes = Math.max(maxBytes, r.bytes());
        }
        double scale = maxAge <= 0 ? 1 : PLOT / (maxAge * 1.1);
        int base = TOP + PLOT;
        int barsBase = base + 14 + BARS;
        int height = barsBase + 30;
        int total = TimelineSvg.TOTAL;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"lag\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "style=\"width:100%%;max-width:%dpx;height:auto\" font-family=\"sans-serif\" font-size=\"11\" "
                + "role=\"img\">%n", total, height, total, height, total));
        svg.append(String.format(Locale.ROOT, "<text class=\"lag-title\" x=\"4\" y=\"14\" font-weight=\"bold\">"
                + "Replication lag of %s<title>%s</title></text>%n", Xml.escape(TimelineSvg.middle(lag.relationship(),
                90)), Xml.escape(lag.relationship())));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" fill=\"#444\">age of the newest</text>"
                + "<text x=\"4\" y=\"%d\" fill=\"#444\">replicated snapshot</text>"
                + "<text x=\"4\" y=\"%d\" fill=\"#444\">bytes per transfer</text>%n", TOP + 40, TOP + 54,
                base + 14 + BARS / 2 + 4));
        for (long at : axis.ticks()) {
            double x = axis.x(at);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" fill=\"#666\">%s</text>%n", x, TOP, x, barsBase,
                    x, barsBase + 12, at == 0 ? "start" : x > TimelineSvg.LABEL + TimelineSvg.WIDTH - 20 ? "end"
                            : "middle", Clock.of(at)));
        }
        long step = TimeAxis.roundStep((long) (maxAge * 1.1), 4);
        for (long age = 0; age <= maxAge * 1.1; age += step) {
            double y = base - age * scale;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\">%s"
                    + "</text>%n", TimelineSvg.LABEL - 4, y + 4, Clock.duration(age)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n",
                TimelineSvg.LABEL, base, TimelineSvg.LABEL + TimelineSvg.WIDTH, base));
        for (Timeline.Window w : t.windows()) {
            if (w.kind().equals("start")) {
                double x = axis.x(w.startMillis());
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                        + "stroke-width=\"2\" stroke-dasharray=\"4,3\"><title>%s</title></line>%n", x, TOP, x,
                        barsBase, Legend.START_STROKE, Xml.escape(w.label())));
            }
        }
        if (lag.intervalMillis() > 0) {
            double y = base - lag.intervalMillis() * scale;
            svg.append(String.format(Locale.ROOT, "<line class=\"interval\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
                    + "y2=\"%.1f\" stroke=\"#555\" stroke-dasharray=\"6,4\"/><text x=\"%d\" y=\"%.1f\" "
                    + "text-anchor=\"end\" fill=\"#333\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">"
                    + "schedule interval %s</text>%n", TimelineSvg.LABEL, y,
                    TimelineSvg.LABEL + TimelineSvg.WIDTH, y, TimelineSvg.LABEL + TimelineSvg.WIDTH, y - 3,
                    Clock.duration(lag.intervalMillis())));
        }
        StringBuilder points = new StringBuilder();
        for (Timeline.Replica r : lag.replicas()) {
            double x1 = axis.x(r.atMillis());
            double x2 = axis.x(r.untilMillis());
            points.append(String.format(Locale.ROOT, "M%.1f,%.1f L%.1f,%.1f ", x1,
                    base - (r.atMillis() - r.takenMillis()) * scale, x2, base - (r.untilMillis() - r.takenMillis())
                    * scale));
            double h = Math.max(1, (double) BARS * r.bytes() / maxBytes);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"3\" height=\"%.1f\" "
                    + "fill=\"#5b8fd9\"><title>%s</title></rect>%n", x1 - 1.5, base + 14 + BARS - h, h,
                    Xml.escape(r.snapshot() + ": " + TextSummary.bytes(r.bytes()) + ", on the destination at "
                            + Clock.of(r.atMillis()) + ", taken at " + Clock.of(r.takenMillis()))));
        }
        svg.append("<path class=\"lag-line\" d=\"").append(points.toString().trim())
                .append("\" stroke=\"#1f5fa8\" stroke-width=\"1.5\" fill=\"none\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#666\">%s</text>%n",
                TimelineSvg.LABEL - 4, base + 24, TextSummary.bytes(maxBytes)));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%d\" y=\"%d\" fill=\"#444\">%s</text>%n",
                TimelineSvg.LABEL, barsBase + 26, Xml.escape(axis.title())));
        return svg.append("</svg>\n").toString();
    }
}
