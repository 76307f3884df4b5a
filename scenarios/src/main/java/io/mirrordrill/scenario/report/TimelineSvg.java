package io.mirrordrill.scenario.report;

import java.util.Locale;

/**
 * The timeline as an inline SVG picture: one row per lane (steps, faults, transfers, each relationship's states,
 * each workload's writes), simulated time left to right, spans as bars and instants as diamonds; the disaster and the
 * RPO and RTO windows shaded across every row and labelled above them; every shape has a tooltip with its label and
 * times. It scales to the page's width (viewBox), so it never overflows the page.
 */
final class TimelineSvg {
    static final int LABEL = 240;
    static final int WIDTH = 1000;
    static final int TOTAL = LABEL + WIDTH + 20;
    private static final int ROW = 22;
    private static final int TOP = 62;
    /** Roughly the width of one character at the picture's 11px font, to keep text inside the picture. */
    private static final double CHAR = 6.2;
    private static final int LANE_CHARS = (int) ((LABEL - 8) / CHAR);

    private TimelineSvg() {
    }

    static String of(Timeline t) {
        return of(t, new TimeAxis(t.endMillis(), t.begin(), LABEL, WIDTH), "timeline");
    }

    /**
     * The minutes around the disaster, when the RPO and RTO windows are too narrow to read on the whole drill's
     * timeline (under a twentieth of it): empty otherwise.
     */
    static String closeUp(Timeline t) {
        if (t.windows().isEmpty()) {
            return "";
        }
        long lo = t.windows().stream().mapToLong(Timeline.Window::startMillis).min().orElse(0);
        long hi = t.windows().stream().mapToLong(Timeline.Window::endMillis).max().orElse(0);
        if ((hi - lo) * 20 >= t.endMillis()) {
            return "";
        }
        long pad = Math.max((hi - lo) / 2, 30_000);
        return of(t, new TimeAxis(lo - pad, Math.min(t.endMillis(), hi + pad), t.begin(), LABEL, WIDTH),
                "timeline close-up");
    }

    private static String of(Timeline t, TimeAxis axis, String cls) {
        int bottom = TOP + ROW * t.lanes().size();
        int height = bottom + 26;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" style=\"width:100%%;max-width:%dpx;height:auto\" "
                + "font-family=\"sans-serif\" font-size=\"11\" role=\"img\">%n", cls, TOTAL, height, TOTAL, height, TOTAL));
        ticks(svg, axis, bottom);
        windows(svg, t, axis, bottom);
        for (int i = 0; i < t.lanes().size(); i++) {
            Timeline.Lane lane = t.lanes().get(i);
            int y = TOP + i * ROW;
            svg.append(String.format(Locale.ROOT, "<text class=\"lane\" x=\"4\" y=\"%d\">%s<title>%s</title></text>%n",
                    y + 14, Xml.escape(middle(lane.name(), LANE_CHARS)), Xml.escape(lane.name())));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>%n",
                    LABEL, y + ROW - 1, LABEL + WIDTH, y + ROW - 1));
            for (Timeline.Item item : lane.items()) {
                shape(svg, item, axis, y);
            }
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%d\" y=\"%d\" fill=\"#444\">%s</text>%n",
                LABEL, bottom + 18, Xml.escape(axis.title())));
        return svg.append("</svg>\n").toString();
    }

    private static void ticks(StringBuilder svg, TimeAxis axis, int bottom) {
        for (long at : axis.ticks()) {
            double x = axis.x(at);
            String anchor = x < LABEL + 20 ? "start" : x > LABEL + WIDTH - 20 ? "end" : "middle";
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"44\" text-anchor=\"%s\" fill=\"#444\">%s</text>"
                    + "<text x=\"%.1f\" y=\"56\" text-anchor=\"%s\" fill=\"#888\">%s</text>%n", x, TOP - 4, x, bottom,
                    x, anchor, Clock.of(at), x, anchor, axis.calendar(at)));
        }
    }

    /** The RPO and RTO windows shaded over every row, the disaster as a dashed line, each labelled above. */
    private static void windows(StringBuilder svg, Timeline t, TimeAxis axis, int bottom) {
        String rpoLabel = null;
        String rtoLabel = null;
        double at = -1;
        for (Timeline.Window w : t.windows()) {
            double x1 = axis.x(w.startMillis());
            double x2 = axis.x(w.endMillis());
            String title = Xml.escape(w.label() + " (" + Clock.of(w.startMillis()) + (w.endMillis() == w.startMillis()
                    ? "" : " to " + Clock.of(w.endMillis())) + ")");
            if (w.kind().equals("start")) {
                at = x1;
                svg.append(String.format(Locale.ROOT, "<line class=\"window start\" x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" "
                        + "y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"4,3\"><title>%s</title>"
                        + "</line>%n", x1, x1, bottom, Legend.START_STROKE, title));
                String text = middle(w.label(), 70) + " at " + Clock.of(w.startMillis());
                boolean right = x1 < LABEL + WIDTH / 2.0;
                svg.append(String.format(Locale.ROOT, "<text class=\"window-label\" x=\"%.1f\" y=\"12\" "
                        + "text-anchor=\"%s\" fill=\"%s\" font-weight=\"bold\">%s</text>%n", right ? x1 + 4 : x1 - 4,
                        right ? "start" : "end", Legend.START_STROKE, Xml.escape(text)));
                continue;
            }
            boolean rpo = w.kind().equals("rpo");
            // at least 3px: a zero RPO is still shown where it was measured
            double left = Math.min(x1, x2 - 3);
            svg.append(String.format(Locale.ROOT, "<rect class=\"window %s\" x=\"%.1f\" y=\"16\" width=\"%.1f\" "
                    + "height=\"%d\" fill=\"%s\" fill-opacity=\"%s\"><title>%s</title></rect>%n", w.kind(),
                    rpo ? left : x1, Math.max(3, x2 - x1), bottom - 16, rpo ? Legend.RPO_FILL : Legend.RTO_FILL,
                    rpo ? "0.22" : "0.3", title));
            if (rpo) {
                rpoLabel = w.label();
            } else {
                rtoLabel = w.label();
            }
        }
        if (at < 0) {
            return;
        }
        // RPO to the left of the disaster, RTO to its right; both to the left when the right has no room
        boolean roomRight = rtoLabel == null || at + 4 + rtoLabel.length() * CHAR < TOTAL;
        String leftText = rpoLabel == null ? null : roomRight || rtoLabel == null ? rpoLabel
                : rpoLabel + " | " + rtoLabel;
        if (leftText != null) {
            svg.append(String.format(Locale.ROOT, "<text class=\"window-label\" x=\"%.1f\" y=\"28\" text-anchor=\"end\" "
                    + "fill=\"#a02622\">%s</text>%n", at - 4, Xml.escape(leftText)));
        }
        if (rtoLabel != null && roomRight) {
            svg.append(String.format(Locale.ROOT, "<text class=\"window-label\" x=\"%.1f\" y=\"28\" fill=\"#a05a00\">"
                    + "%s</text>%n", at + 4, Xml.escape(rtoLabel)));
        }
    }

    private static void shape(StringBuilder svg, Timeline.Item item, TimeAxis axis, int y) {
        if (!axis.shows(item.startMillis(), item.endMillis())) {
            return;
        }
        double x1 = axis.x(item.startMillis());
        double x2 = axis.x(item.endMillis());
        String color = Legend.of(item.kind()).color();
        String title = Xml.escape(item.label() + " (" + Clock.of(item.startMillis())
                + (item.endMillis() == item.startMillis() ? "" : " to " + Clock.of(item.endMillis())) + ")");
        if (item.endMillis() == item.startMillis()) {
            svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%d %.1f,%d %.1f,%d %.1f,%d\" fill=\"%s\">"
                    + "<title>%s</title></polygon>%n", x1, y + 3, x1 + 5, y + 10, x1, y + 17, x1 - 5, y + 10, color,
                    title));
            return;
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\" "
                + "stroke=\"#fff\" stroke-width=\"0.3\"><title>%s</title></rect>%n", x1, y + 3,
                Math.max(1.0, x2 - x1), color, title));
        int fits = (int) ((x2 - x1 - 6) / CHAR);
        if (fits >= 4) {
            String text = item.label().length() <= fits ? item.label() : item.label().substring(0, fits - 1) + "…";
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#222\" "
                    + "pointer-events=\"none\">%s</text>%n", x1 + 3, y + 14, Xml.escape(text)));
        }
    }

    /** Shortened in the middle, so both the cluster at the start and the distinguishing name at the end stay. */
    static String middle(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int head = (max - 1) / 2;
        int tail = max - 1 - head;
        return s.substring(0, head) + "…" + s.substring(s.length() - tail);
    }
}
