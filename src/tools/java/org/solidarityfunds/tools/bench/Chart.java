// PNG chart of a benchmark result (bench/results/latest.json, written by bench/run): throughput
// and p99 latency against concurrency, drawn with JFreeChart. See bench/chart/README.md.
//
//   bash bench/chart/run [LATEST_JSON [OUT_PNG]]     (runs Chart LATEST_JSON OUT_PNG WIDTH HEIGHT)
//
// Plots, per concurrency that was run:
//   - contributions/s of the service (workloads["contributions-cN"].contributions_per_s) and
//     pgbench's tps with the same SQL work (pgbench["N"].tps), labelled with service ÷ pgbench;
//   - balance reads/s (workloads["balance-cN"].reads_per_s);
//   - p99 latency of all three (latency_ms.p99), on a logarithmic axis, with the issue #7 p99
//     target (from "targets") as a horizontal line.
// Whatever is missing from the JSON (a concurrency, a workload, a value) is left out.
package org.solidarityfunds.tools.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

public final class Chart {
    static final Color SERVICE = new Color(0x1f, 0x77, 0xb4);
    static final Color PGBENCH = new Color(0xe6, 0x6a, 0x00);
    static final Color BALANCE = new Color(0x2c, 0xa0, 0x2c);
    static final Color GRID = new Color(0xd0, 0xd0, 0xd0);
    static final Color TARGET = new Color(0xc0, 0x00, 0x00);
    static final BasicStroke TARGET_STROKE = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
            new float[] {2f, 3f}, 0f);
    static final String SERVICE_KEY = "service: contributions (POST, wrk; in brackets: ÷ pgbench)";
    static final String PGBENCH_KEY = "pgbench: contribution.sql (same SQL, no HTTP/JVM)";
    static final String BALANCE_KEY = "service: balance reads (GET, wrk)";
    static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
    static final Pattern WORKLOAD = Pattern.compile("(contributions|balance)-c(\\d+)");

    private Chart() {
    }

    /** One plotted line: its points, look, and the text of its point labels. */
    record Line(XYSeries series, Color color, Shape shape, boolean dashed, BiFunction<Double, Double, String> label) {
        boolean isEmpty() {
            return series.getItemCount() == 0;
        }
    }

    /** The points read from the results: rates and p99 latencies by concurrency. */
    record Points(XYSeries serviceRate, XYSeries pgbenchRate, XYSeries balanceRate,
            XYSeries serviceP99, XYSeries pgbenchP99, XYSeries balanceP99) {

        static Points of(JsonNode root) {
            Points p = new Points(new XYSeries(SERVICE_KEY), new XYSeries(PGBENCH_KEY), new XYSeries(BALANCE_KEY),
                    new XYSeries(SERVICE_KEY), new XYSeries(PGBENCH_KEY), new XYSeries(BALANCE_KEY));
            for (Map.Entry<String, JsonNode> e : root.path("workloads").properties()) {
                Matcher m = WORKLOAD.matcher(e.getKey());
                JsonNode w = e.getValue();
                if (!m.matches() || !w.isObject()) {
                    continue; // warm-ups, mixed, import: not on this chart
                }
                double c = Double.parseDouble(m.group(2));
                Double p99 = num(w.path("latency_ms").path("p99"));
                if (m.group(1).equals("contributions")) {
                    add(p.serviceRate, c, num(w.path("contributions_per_s")), false);
                    add(p.serviceP99, c, p99, true);
                } else {
                    add(p.balanceRate, c, num(w.path("reads_per_s")), false);
                    add(p.balanceP99, c, p99, true);
                }
            }
            for (Map.Entry<String, JsonNode> e : root.path("pgbench").properties()) {
                if (!e.getValue().isObject() || !e.getKey().matches("\\d+")) {
                    continue;
                }
                double c = Double.parseDouble(e.getKey());
                add(p.pgbenchRate, c, num(e.getValue().path("tps")), false);
                add(p.pgbenchP99, c, num(e.getValue().path("latency_ms").path("p99")), true);
            }
            return p;
        }

        List<XYSeries> all() {
            return List.of(serviceRate, pgbenchRate, balanceRate, serviceP99, pgbenchP99, balanceP99);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: Chart LATEST_JSON OUT_PNG [WIDTH HEIGHT]");
            System.exit(2);
        }
        Locale.setDefault(Locale.ROOT);
        Path in = Path.of(args[0]);
        File out = new File(args[1]);
        int width = args.length == 4 ? Integer.parseInt(args[2]) : 1000;
        int height = args.length == 4 ? Integer.parseInt(args[3]) : 720;
        JFreeChart chart = chart(read(in), in);
        File dir = out.getAbsoluteFile().getParentFile();
        if (dir != null) {
            dir.mkdirs();
        }
        ChartUtils.saveChartAsPNG(out, chart, width, height);
        System.out.println("bench/chart: wrote " + out + " (" + width + "x" + height + ")");
    }

    /** The results' JSON object; exits 1 when the file is not one. */
    static JsonNode read(Path in) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in.toFile());
        } catch (JacksonException e) {
            System.err.println("bench/chart: " + in + " is not valid JSON: " + e.getOriginalMessage());
            System.exit(1);
            return null;
        }
        if (root == null || !root.isObject()) {
            System.err.println("bench/chart: " + in + " holds no JSON object");
            System.exit(1);
        }
        return root;
    }

    static JFreeChart chart(JsonNode root, Path in) {
        Points points = Points.of(root);
        double[] p99Range = range(points.serviceP99(), points.pgbenchP99(), points.balanceP99());
        Double goal = p99Range == null ? null : p99Goal(root.path("targets"));
        List<String> inLegend = new ArrayList<>();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(clientsAxis(points));
        combined.setGap(14);
        XYPlot writes = writesPanel(points, root.path("service_over_pgbench"), inLegend);
        if (writes != null) {
            combined.add(writes, 3);
        }
        XYPlot reads = subplot(axis("balance reads/s"), inLegend,
                new Line(points.balanceRate(), BALANCE, triangle(), false, Chart::rate));
        if (reads != null) {
            combined.add(reads, 2);
        }
        boolean targetShown = false;
        if (p99Range != null) {
            double lo = p99Range[0] / 2.2;
            double hi = p99Range[1] * 2.2;
            XYPlot latency = latencyPanel(points, lo, hi, inLegend);
            targetShown = goal != null && goal > lo && goal < hi;
            if (targetShown) {
                latency.addRangeMarker(new ValueMarker(goal, TARGET, TARGET_STROKE));
            }
            combined.add(latency, 3);
        }
        combined.setOrientation(PlotOrientation.VERTICAL);
        XYPlot plot = combined.getSubplots().isEmpty() ? noData(in) : combined;
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title(root.path("meta")), new Font(Font.SANS_SERIF, Font.BOLD, 17), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        TextTitle subtitle = new TextTitle(subtitle(root.path("meta")), new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        subtitle.setPaint(new Color(0x44, 0x44, 0x44));
        subtitle.setPadding(new RectangleInsets(2, 0, 6, 0));
        chart.addSubtitle(subtitle);
        if (plot == combined) {
            chart.addSubtitle(legend(plot, targetShown ? targetLegend(goal) : null));
        }
        return chart;
    }

    /** The service's contributions/s, each labelled with its ratio to pgbench, and pgbench's tps. */
    static XYPlot writesPanel(Points points, JsonNode ratios, List<String> inLegend) {
        XYSeries pgbenchRate = points.pgbenchRate();
        BiFunction<Double, Double, String> serviceRateLabel = (x, y) -> {
            Double ratio = num(ratios.path(String.valueOf(Math.round(x))));
            if (ratio == null) {
                int i = pgbenchRate.indexOf(x);
                ratio = i >= 0 && pgbenchRate.getY(i).doubleValue() > 0 ? y / pgbenchRate.getY(i).doubleValue() : null;
            }
            return rate(x, y) + (ratio == null ? "" : " (" + new DecimalFormat("0.000", SYMBOLS).format(ratio) + "×)");
        };
        return subplot(axis("contributions/s, pgbench tps"), inLegend,
                new Line(points.serviceRate(), SERVICE, circle(), false, serviceRateLabel),
                new Line(pgbenchRate, PGBENCH, square(), true, Chart::rate));
    }

    static XYPlot latencyPanel(Points points, double lo, double hi, List<String> inLegend) {
        BiFunction<Double, Double, String> millis = (x, y) -> ms(y);
        return subplot(new FixedTickLogAxis("p99 latency, ms (log scale)", 10, ticks125(lo, hi), lo, hi), inLegend,
                new Line(points.serviceP99(), SERVICE, circle(), false, millis),
                new Line(points.pgbenchP99(), PGBENCH, square(), true, millis),
                new Line(points.balanceP99(), BALANCE, triangle(), false, millis));
    }

    /** Log 2, a tick at every concurrency that was run. */
    static FixedTickLogAxis clientsAxis(Points points) {
        TreeSet<Double> clients = new TreeSet<>();
        for (XYSeries s : points.all()) {
            for (int i = 0; i < s.getItemCount(); i++) {
                clients.add(s.getX(i).doubleValue());
            }
        }
        String label = "concurrent clients (wrk connections, pgbench clients)";
        if (clients.isEmpty()) {
            return new FixedTickLogAxis(label, 2, new double[0], 1, 2);
        }
        double[] ticks = clients.stream().mapToDouble(Double::doubleValue).toArray();
        return new FixedTickLogAxis(label, 2, ticks, clients.first() / 1.45, clients.last() * 1.45);
    }

    static XYPlot noData(Path in) {
        XYPlot plot = new XYPlot();
        plot.setNoDataMessage("no contributions, pgbench or balance workloads in " + in.getFileName());
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        System.err.println("bench/chart: warning: nothing to plot in " + in + " (no contributions-cN, balance-cN or pgbench results)");
        return plot;
    }

    static String title(JsonNode meta) {
        String commit = str(meta.path("git_commit"));
        commit = commit == null ? "unknown commit" : "commit " + commit.substring(0, Math.min(12, commit.length()))
                + (meta.path("git_dirty").booleanValue() ? " (src/ or pom.xml modified)" : "");
        String date = str(meta.path("date"));
        date = date == null ? "unknown date" : date.replace('T', ' ').replace("Z", " UTC");
        return "Benchmark, " + commit + ", " + date;
    }

    static LegendTitle legend(XYPlot plot, LegendItem targetLegend) {
        LegendTitle legend = new LegendTitle(plot);
        if (targetLegend != null) {
            LegendItemCollection extra = new LegendItemCollection();
            extra.add(targetLegend);
            legend.setSources(new LegendItemSource[] {plot, () -> extra});
        }
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        legend.setBackgroundPaint(Color.WHITE);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 18));
        legend.setMargin(new RectangleInsets(8, 0, 0, 0));
        return legend;
    }

    static LegendItem targetLegend(double goal) {
        return new LegendItem("issue #7 target: contributions p99 ≤ " + ms(goal) + " ms at 8 clients", null, null, null,
                false, square(), false, TARGET, false, TARGET, TARGET_STROKE,
                true, new Line2D.Double(-9, 0, 9, 0), TARGET_STROKE, TARGET);
    }

    static String rate(double x, double y) {
        return new DecimalFormat("#,##0", SYMBOLS).format(y);
    }

    static String subtitle(JsonNode meta) {
        List<String> parts = new ArrayList<>();
        Double nproc = num(meta.path("nproc"));
        if (nproc != null) {
            String cpu = str(meta.path("cpu_model"));
            parts.add(Math.round(nproc) + " CPUs" + (cpu == null ? "" : " (" + cpu + ")"));
        }
        String pg = str(meta.path("pg_version"));
        if (pg != null) {
            parts.add("PostgreSQL " + pg.split(" ")[0] + " (durable commits)");
        }
        Double seconds = num(meta.path("seconds"));
        if (seconds != null) {
            parts.add(Math.round(seconds) + " s per workload");
        }
        Double funds = num(meta.path("funds"));
        if (funds != null) {
            parts.add(Math.round(funds) + " funds");
        }
        parts.add("all on one machine");
        return String.join("  ·  ", parts);
    }

    /** The p99 goal of the issue #7 target on contributions at 8 clients ("<= 25"), if present. */
    static Double p99Goal(JsonNode targets) {
        if (!targets.isArray()) {
            return null;
        }
        for (JsonNode t : targets) {
            String name = str(t.path("target"));
            String goal = str(t.path("goal"));
            if (name != null && goal != null && name.contains("p99")) {
                Matcher g = Pattern.compile("([0-9]+(\\.[0-9]+)?)").matcher(goal);
                if (g.find()) {
                    return Double.parseDouble(g.group(1));
                }
            }
        }
        return null;
    }

    /** A subplot of the non-empty lines (null if all are empty); a line's name is in the legend once. */
    static XYPlot subplot(ValueAxis yAxis, List<String> inLegend, Line... lines) {
        List<Line> shown = new ArrayList<>();
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line l : lines) {
            if (!l.isEmpty()) {
                shown.add(l);
                data.addSeries(l.series());
            }
        }
        if (shown.isEmpty()) {
            return null;
        }
        XYLineAndShapeRenderer renderer = new LabelPlacingRenderer(data);
        for (int s = 0; s < shown.size(); s++) {
            Line l = shown.get(s);
            renderer.setSeriesPaint(s, l.color());
            renderer.setSeriesShape(s, l.shape());
            renderer.setSeriesStroke(s, l.dashed()
                    ? new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 4f}, 0f)
                    : new BasicStroke(2.4f));
            renderer.setSeriesItemLabelsVisible(s, true);
            renderer.setSeriesItemLabelPaint(s, l.color().darker());
            String key = (String) l.series().getKey();
            renderer.setSeriesVisibleInLegend(s, !inLegend.contains(key));
            inLegend.add(key);
        }
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        renderer.setDefaultItemLabelGenerator((dataset, series, item) ->
                shown.get(series).label().apply(dataset.getXValue(series, item), dataset.getYValue(series, item)));
        renderer.setItemLabelInsets(new RectangleInsets(5, 5, 5, 5));
        renderer.setDefaultShapesFilled(true);
        renderer.setUseFillPaint(false);

        XYPlot plot = new XYPlot(data, null, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    /** Puts a point's label above it if it is the highest at its x, below if the lowest, else to the right. */
    static final class LabelPlacingRenderer extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final XYSeriesCollection data;

        LabelPlacingRenderer(XYSeriesCollection data) {
            super(true, true);
            this.data = data;
        }

        @Override
        public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
            double x = data.getXValue(series, item);
            double y = data.getYValue(series, item);
            boolean highest = true;
            boolean lowest = true;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                int i = s == series ? -1 : data.getSeries(s).indexOf(x);
                if (i >= 0) {
                    double other = data.getYValue(s, i);
                    highest &= y >= other;
                    lowest &= y < other;
                }
            }
            if (highest) {
                return new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER);
            }
            if (lowest) {
                return new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER);
            }
            return new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT);
        }
    }

    static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(true);
        a.setUpperMargin(0.22);
        a.setNumberFormatOverride(new DecimalFormat("#,##0", SYMBOLS));
        style(a);
        return a;
    }

    static void style(ValueAxis a) {
        a.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        a.setTickLabelPaint(Color.DARK_GRAY);
        a.setLabelPaint(Color.DARK_GRAY);
    }

    /** A log axis with major ticks exactly at the given values, over a fixed range. */
    static final class FixedTickLogAxis extends LogAxis {
        private static final long serialVersionUID = 1L;
        private final double[] ticks;

        FixedTickLogAxis(String label, double base, double[] ticks, double lo, double hi) {
            super(label);
            this.ticks = ticks;
            setBase(base);
            setSmallestValue(Math.min(lo, 1e-3));
            setAutoRange(false);
            setRange(lo, hi);
            setMinorTickMarksVisible(false);
            style(this);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List result = new ArrayList();
            boolean vertical = RectangleEdge.isLeftOrRight(edge);
            for (double t : ticks) {
                if (getRange().contains(t)) {
                    result.add(new NumberTick(TickType.MAJOR, t, ms(t),
                            vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
                }
            }
            return result;
        }
    }

    /** 1, 2, 5, 10, 20, 50, ... covering [lo, hi]. */
    static double[] ticks125(double lo, double hi) {
        List<Double> t = new ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(lo))); decade <= hi; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                double v = decade * m;
                if (v >= lo && v <= hi) {
                    t.add(v);
                }
            }
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String ms(double v) {
        String pattern = v >= 100 ? "#,##0" : v >= 10 ? "0.#" : v >= 1 ? "0.##" : "0.###";
        return new DecimalFormat(pattern, SYMBOLS).format(v);
    }

    static double[] range(XYSeries... series) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : series) {
            for (int i = 0; i < s.getItemCount(); i++) {
                lo = Math.min(lo, s.getY(i).doubleValue());
                hi = Math.max(hi, s.getY(i).doubleValue());
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    static void add(XYSeries s, double x, Double y, boolean positiveOnly) {
        if (y != null && !y.isNaN() && !y.isInfinite() && (positiveOnly ? y > 0 : y >= 0)) {
            s.addOrUpdate(x, y.doubleValue());
        }
    }

    static Shape circle() { return new Ellipse2D.Double(-4.5, -4.5, 9, 9); }

    static Shape square() { return new Rectangle2D.Double(-4, -4, 8, 8); }

    static Shape triangle() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -5.5);
        p.lineTo(5, 4);
        p.lineTo(-5, 4);
        p.closePath();
        return p;
    }

    static Double num(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }

    static String str(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
