package io.mirrordrill.scenario.report;

import java.util.Locale;
import java.util.Map;

/**
 * The timeline as an inline SVG picture: one row per lane (steps, faults, transfers, each relationship's states,
 * each workload's writes), simulated time left to right, spans as bars and instants as diamonds; every shape has a
 * tooltip with its label and times.
 */
final class TimelineSvg {
    private static final int LABEL = 230;
    private static final int WIDTH = 1100;
    private static final int ROW = 22;
    private static final Map<String, String> COLORS = Map.ofEntries(Map.entry("ok", "#8fbf8f"),
            Map.entry("failed", "#d9534f"), Map.entry("running", "#f0ad4e"), Map.entry("fault", "#d9534f"),
            Map.entry("transfer-success", "#5b8fd9"), Map.entry("transfer-failed", "#d9534f"),
            Map.entry("transfer-aborted", "#999999"), Map.entry("transfer-running", "#f0ad4e"),
            Map.entry("state-Establishing", "#f6d58e"), Map.entry("state-Established", "#7fb3e0"),
            Map.entry("state-Promoting", "#f0ad4e"), Map.entry("state-Promoted", "#5cb85c"),
            Map.entry("state-Failed", "#d9534f"), Map.entry("state-Deleted", "#cccccc"),
            Map.entry("writes", "#6cc3a0"));

    private TimelineSvg() {
    }

    static String of(Timeline t) {
        long end = Math.max(1, t.endMillis());
        int height = 30 + ROW * t.lanes().size();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", LABEL + WIDTH + 20, height));
        axis(svg, end, height);
        for (int i = 0; i < t.lanes().size(); i++) {
            Timeline.Lane lane = t.lanes().get(i);
            int y = 20 + i * ROW;
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>%n", y + 14,
                    Xml.escape(shorten(lane.name(), 36))));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>%n",
                    LABEL, y + ROW - 1, LABEL + WIDTH, y + ROW - 1));
            for (Timeline.Item item : lane.items()) {
                shape(svg, item, end, y);
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static void axis(StringBuilder svg, long end, int height) {
        for (int k = 0; k <= 10; k++) {
            long at = end * k / 10;
            double x = LABEL + WIDTH * (double) k / 10;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"11\" text-anchor=\"middle\" fill=\"#666\">%s</text>%n", x, x, height, x,
                    clock(at)));
        }
    }

    private static void shape(StringBuilder svg, Timeline.Item item, long end, int y) {
        double x1 = LABEL + WIDTH * (double) item.startMillis() / end;
        double x2 = LABEL + WIDTH * (double) item.endMillis() / end;
        String color = COLORS.getOrDefault(item.kind(), "#bbbbbb");
        String title = Xml.escape(item.label() + " (" + clock(item.startMillis())
                + (item.endMillis() == item.startMillis() ? "" : " to " + clock(item.endMillis())) + ")");
        if (item.endMillis() == item.startMillis()) {
            svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%d %.1f,%d %.1f,%d %.1f,%d\" fill=\"%s\">"
                    + "<title>%s</title></polygon>%n", x1, y + 3, x1 + 5, y + 10, x1, y + 17, x1 - 5, y + 10, color,
                    title));
        } else {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\" "
                    + "stroke=\"#fff\" stroke-width=\"0.3\"><title>%s</title></rect>%n", x1, y + 3,
                    Math.max(1.0, x2 - x1), color, title));
            int fits = (int) ((x2 - x1 - 6) / 6.2);
            if (fits >= 4) {
                String text = item.label().length() <= fits ? item.label() : item.label().substring(0, fits - 1) + "…";
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#222\" "
                        + "pointer-events=\"none\">%s</text>%n", x1 + 3, y + 14, Xml.escape(text)));
            }
        }
    }

    /** Simulated time since the drill began, {@code 1:05:03}. */
    static String clock(long millis) {
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
