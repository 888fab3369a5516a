package io.mixai.master;

import io.mixai.chain.EffectSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link MasteringResult} as one HTML page with inline SVG line plots. Everything is
 * in the page (no scripts, fonts, stylesheets or images from elsewhere), so it opens offline.
 */
final class HtmlReport {

    private static final int WIDTH = 860;
    private static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final String BEFORE = "#888888";
    private static final String AFTER = "#1f6fd1";
    private static final String REFERENCE = "#d1731f";
    private static final String GUIDE = "#2a9d3a";

    private HtmlReport() {
    }

    /** One plotted line. NaN values break it. */
    private record Series(String name, String colour, double[] x, double[] y, boolean dashed) {
    }

    static String render(MasteringResult r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>mixai master report</title><style>")
                .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:900px}")
                .append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right;font-size:13px}th{background:#f3f3f3}td.l,th.l{text-align:left}")
                .append("svg{background:#fff;border:1px solid #ddd;margin:6px 0}.warn{color:#b00}")
                .append("</style></head><body>\n");
        h.append("<h1>mixai master report</h1>\n<p>Mode: <b>").append(esc(r.mode())).append("</b>, target <b>")
                .append(esc(r.targetName())).append("</b>: ").append(fmt(r.targetLufs())).append(" LUFS, ceiling ")
                .append(fmt(r.ceilingDbtp())).append(" dBTP. ").append(r.renderPasses()).append(" render pass(es), ")
                .append(fmt(r.elapsedSeconds())).append(" s (").append(fmt(r.realTimeFactor())).append("x real time).</p>\n");
        for (String w : r.warnings()) {
            h.append("<p class=\"warn\">Warning: ").append(esc(w)).append("</p>\n");
        }
        summaryTable(h, r);

        h.append("<h2>Spectrum (1/3 octave, mid + side)</h2>\n");
        List<Series> spectra = new ArrayList<>();
        spectra.add(new Series("before", BEFORE, r.before().bandCentresHz(), r.before().totalDb(), false));
        spectra.add(new Series("after", AFTER, r.after().bandCentresHz(), r.after().totalDb(), false));
        for (int i = 0; i < r.references().size(); i++) {
            Measurements ref = r.references().get(i);
            spectra.add(new Series("reference: " + r.referenceLabels().get(i), REFERENCE, ref.bandCentresHz(),
                    ref.totalDb(), i > 0));
        }
        plot(h, spectra, true, "frequency (Hz)", "dB re full-scale sine", Double.NaN);

        h.append("<h2>EQ: wanted and applied</h2>\n");
        EqCurve eq = r.eqCurve();
        plot(h, List.of(new Series("wanted (limited match + preferences)", GUIDE, eq.centresHz(), eq.desiredDb(), true),
                new Series("applied (eq settings)", AFTER, eq.centresHz(), eq.appliedDb(), false)), true,
                "frequency (Hz)", "dB", 0.0);

        h.append("<h2>Short-term loudness over time</h2>\n");
        List<Series> loudness = new ArrayList<>();
        loudness.add(timeSeries("before", BEFORE, r.before().shortTermLufs()));
        loudness.add(timeSeries("after", AFTER, r.after().shortTermLufs()));
        plot(h, loudness, false, "time (s)", "LUFS (3 s)", r.targetLufs());

        h.append("<h2>Limiter gain reduction over time</h2>\n");
        plot(h, List.of(timeSeries("peak gain reduction per 100 ms", AFTER, r.gainReductionDb())), false,
                "time (s)", "dB", Double.NaN);

        h.append("<h2>Applied settings</h2>\n<p>The chain in processing order (saved as settings.json; ")
                .append("<code>mixai render-chain</code> re-renders it bit for bit). EQ bands that are off are left out.</p>\n");
        settingsTables(h, r.settings());
        if (!r.notes().isEmpty()) {
            h.append("<h2>Decisions</h2>\n<ul>\n");
            for (String n : r.notes()) {
                h.append("<li>").append(esc(n)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static Series timeSeries(String name, String colour, Timeline t) {
        double[] x = new double[t.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i + 1) * t.stepSeconds();
        }
        return new Series(name, colour, x, t.values(), false);
    }

    private static void summaryTable(StringBuilder h, MasteringResult r) {
        h.append("<table><tr><th class=\"l\"></th><th>integrated LUFS</th><th>LRA LU</th><th>true peak dBTP</th>")
                .append("<th>true peak 16x dBTP</th><th>sample peak dBFS</th><th>PLR dB</th><th>duration s</th></tr>\n");
        row(h, "before", r.before());
        row(h, "after", r.after());
        for (int i = 0; i < r.references().size(); i++) {
            row(h, "reference: " + r.referenceLabels().get(i), r.references().get(i));
        }
        h.append("</table>\n<p>Loudness error: ").append(fmt(r.after().integratedLufs() - r.targetLufs())).append(" LU.");
        if (r.mode().equals("reference")) {
            h.append(" Tonal distance to the references (1/3 octave, RMS after gain match): ")
                    .append(fmt(r.tonalDistanceBeforeDb())).append(" dB before, ").append(fmt(r.tonalDistanceAfterDb()))
                    .append(" dB after.");
        }
        h.append("</p>\n");
    }

    private static void row(StringBuilder h, String label, Measurements m) {
        h.append("<tr><td class=\"l\">").append(esc(label)).append("</td>");
        for (double v : new double[] {m.integratedLufs(), m.loudnessRangeLu(), m.truePeakDbtp(), m.truePeak16xDbtp(),
                m.samplePeakDbfs(), m.peakToLoudnessRatioDb(), m.durationSeconds()}) {
            h.append("<td>").append(fmt(v)).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static void settingsTables(StringBuilder h, MasteringSettings settings) {
        int index = 1;
        for (EffectSpec spec : settings.effects()) {
            h.append("<h3>").append(index++).append(". ").append(esc(spec.type())).append("</h3>\n<table>");
            for (Map.Entry<String, Object> p : spec.params().entrySet()) {
                String id = p.getKey();
                if (id.startsWith("band") && id.contains("_")) {
                    Object type = spec.params().get(id.substring(0, id.indexOf('_')) + "_type");
                    if ("off".equals(type) || (id.endsWith("_slope_db_oct") && !String.valueOf(type).endsWith("_cut"))) {
                        continue; // an unused band, or a slope on a band that is not a cut
                    }
                }
                Object v = p.getValue();
                h.append("<tr><td class=\"l\">").append(esc(id)).append("</td><td class=\"l\">")
                        .append(esc(v instanceof Double d ? fmt(d) : String.valueOf(v))).append("</td></tr>");
            }
            h.append("</table>\n");
        }
    }

    /** A line plot with axes, grid, legend; log x for spectra. {@code guideY} draws a dashed level (NaN: none). */
    private static void plot(StringBuilder h, List<Series> series, boolean logX, String xLabel, String yLabel,
            double guideY) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.y()[i]) && s.y()[i] > -150) {
                    xMin = Math.min(xMin, s.x()[i]);
                    xMax = Math.max(xMax, s.x()[i]);
                    yMin = Math.min(yMin, s.y()[i]);
                    yMax = Math.max(yMax, s.y()[i]);
                }
            }
        }
        if (Double.isFinite(guideY)) {
            yMin = Math.min(yMin, guideY);
            yMax = Math.max(yMax, guideY);
        }
        if (!(xMax > xMin)) {
            h.append("<p>(nothing to plot)</p>\n");
            return;
        }
        if (!(yMax > yMin)) {
            yMin -= 1;
            yMax += 1;
        }
        double step = niceStep((yMax - yMin) / 6);
        yMin = Math.floor(yMin / step) * step;
        yMax = Math.ceil(yMax / step) * step;
        Axis ax = new Axis(xMin, xMax, yMin, yMax, logX);
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-size=\"11\" font-family=\"sans-serif\">");
        for (double y = yMin; y <= yMax + step / 2; y += step) {
            double py = ax.py(y);
            h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    LEFT, py, WIDTH - RIGHT, py));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT - 4, py + 4, fmtTick(y)));
        }
        for (double x : xTicks(xMin, xMax, logX)) {
            double px = ax.px(x);
            h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>",
                    px, TOP, px, HEIGHT - BOTTOM));
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    px, HEIGHT - BOTTOM + 14, logX && x >= 1000 ? fmtTick(x / 1000) + "k" : fmtTick(x)));
        }
        h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>", LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 6, esc(xLabel)));
        h.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">"
                + "%s</text>", (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2, esc(yLabel)));
        if (Double.isFinite(guideY)) {
            double py = ax.py(guideY);
            h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-dasharray=\"6 4\"/>", LEFT, py, WIDTH - RIGHT, py, GUIDE));
        }
        int legendY = TOP + 14;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                if (!Double.isFinite(y) || y < yMin || (logX && s.x()[i] <= 0)) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", ax.px(s.x()[i]), ax.py(y)));
                pen = true;
            }
            if (path.length() > 0) {
                h.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"")
                        .append(s.colour()).append("\" stroke-width=\"1.6\"")
                        .append(s.dashed() ? " stroke-dasharray=\"4 3\"" : "").append("/>");
            }
            h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>", LEFT + 10, legendY - 4, LEFT + 30,
                    legendY - 4, s.colour(), LEFT + 36, legendY, esc(s.name())));
            legendY += 14;
        }
        h.append("</svg>\n");
    }

    /** Maps data to pixels. */
    private record Axis(double xMin, double xMax, double yMin, double yMax, boolean logX) {
        double px(double x) {
            double t = logX ? Math.log(x / xMin) / Math.log(xMax / xMin) : (x - xMin) / (xMax - xMin);
            return LEFT + t * (WIDTH - LEFT - RIGHT);
        }

        double py(double y) {
            return TOP + (yMax - y) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static List<Double> xTicks(double min, double max, boolean log) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double decade = Math.pow(10, Math.floor(Math.log10(min))); decade <= max; decade *= 10) {
                for (double m : new double[] {1, 2, 5}) {
                    double t = decade * m;
                    if (t >= min && t <= max) {
                        ticks.add(t);
                    }
                }
            }
        } else {
            double step = niceStep((max - min) / 8);
            for (double t = Math.ceil(min / step) * step; t <= max; t += step) {
                ticks.add(t);
            }
        }
        return ticks;
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    private static String fmtTick(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
