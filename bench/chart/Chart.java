// PNG chart of a benchmark result (bench/results/latest.json, written by bench/run): throughput
// and p99 latency against concurrency, drawn with JFreeChart 1.5.6. See bench/chart/README.md.
//
//   java -Djava.awt.headless=true -cp jfreechart-1.5.6.jar bench/chart/Chart.java LATEST_JSON OUT_PNG [WIDTH HEIGHT]
//
// (bash bench/chart/run fetches the jar and runs this.) Plots, per concurrency that was run:
//   - contributions/s of the service (workloads["contributions-cN"].contributions_per_s) and
//     pgbench's tps with the same SQL work (pgbench["N"].tps), labelled with service ÷ pgbench;
//   - balance reads/s (workloads["balance-cN"].reads_per_s);
//   - p99 latency of all three (latency_ms.p99), on a logarithmic axis, with the issue #7 p99
//     target (from "targets") as a horizontal line.
// Whatever is missing from the JSON (a concurrency, a workload, a value) is left out. JDK only
// besides JFreeChart (its own small JSON reader).
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

public class Chart {
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

    /** One plotted line: its points, look, and the text of its point labels. */
    record Line(XYSeries series, Color color, Shape shape, boolean dashed, BiFunction<Double, Double, String> label) {
        boolean isEmpty() { return series.getItemCount() == 0; }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: java -Djava.awt.headless=true -cp jfreechart-1.5.6.jar bench/chart/Chart.java LATEST_JSON OUT_PNG [WIDTH HEIGHT]");
            System.exit(2);
        }
        Locale.setDefault(Locale.ROOT);
        Path in = Path.of(args[0]);
        File out = new File(args[1]);
        int width = args.length == 4 ? Integer.parseInt(args[2]) : 1000;
        int height = args.length == 4 ? Integer.parseInt(args[3]) : 720;

        Map<String, Object> root;
        try {
            root = obj(Json.parse(Files.readString(in, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            System.err.println("bench/chart: " + in + " is not valid JSON: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (root == null) {
            System.err.println("bench/chart: " + in + " holds no JSON object");
            System.exit(1);
            return;
        }
        Map<String, Object> meta = orEmpty(obj(root.get("meta")));
        Map<String, Object> workloads = orEmpty(obj(root.get("workloads")));
        Map<String, Object> pgbench = orEmpty(obj(root.get("pgbench")));
        Map<String, Object> ratios = orEmpty(obj(root.get("service_over_pgbench")));

        XYSeries serviceRate = new XYSeries(SERVICE_KEY), pgbenchRate = new XYSeries(PGBENCH_KEY), balanceRate = new XYSeries(BALANCE_KEY);
        XYSeries serviceP99 = new XYSeries(SERVICE_KEY), pgbenchP99 = new XYSeries(PGBENCH_KEY), balanceP99 = new XYSeries(BALANCE_KEY);
        for (Map.Entry<String, Object> e : workloads.entrySet()) {
            Matcher m = WORKLOAD.matcher(e.getKey());
            Map<String, Object> w = obj(e.getValue());
            if (!m.matches() || w == null) {
                continue; // warm-ups, mixed, import: not on this chart
            }
            double c = Double.parseDouble(m.group(2));
            Double p99 = num(orEmpty(obj(w.get("latency_ms"))).get("p99"));
            if (m.group(1).equals("contributions")) {
                add(serviceRate, c, num(w.get("contributions_per_s")), false);
                add(serviceP99, c, p99, true);
            } else {
                add(balanceRate, c, num(w.get("reads_per_s")), false);
                add(balanceP99, c, p99, true);
            }
        }
        for (Map.Entry<String, Object> e : pgbench.entrySet()) {
            Map<String, Object> p = obj(e.getValue());
            if (p == null || !e.getKey().matches("\\d+")) {
                continue;
            }
            double c = Double.parseDouble(e.getKey());
            add(pgbenchRate, c, num(p.get("tps")), false);
            add(pgbenchP99, c, num(orEmpty(obj(p.get("latency_ms"))).get("p99")), true);
        }

        DecimalFormat rateFormat = new DecimalFormat("#,##0", SYMBOLS);
        BiFunction<Double, Double, String> rate = (x, y) -> rateFormat.format(y);
        BiFunction<Double, Double, String> serviceRateLabel = (x, y) -> {
            Double ratio = num(ratios.get(String.valueOf(Math.round(x))));
            if (ratio == null) {
                int i = pgbenchRate.indexOf(x);
                ratio = i >= 0 && pgbenchRate.getY(i).doubleValue() > 0 ? y / pgbenchRate.getY(i).doubleValue() : null;
            }
            return rateFormat.format(y) + (ratio == null ? "" : " (" + new DecimalFormat("0.000", SYMBOLS).format(ratio) + "×)");
        };
        BiFunction<Double, Double, String> millis = (x, y) -> ms(y);

        List<XYPlot> plots = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        List<String> inLegend = new ArrayList<>();
        XYPlot writes = subplot(axis("contributions/s, pgbench tps"), inLegend,
                new Line(serviceRate, SERVICE, circle(), false, serviceRateLabel),
                new Line(pgbenchRate, PGBENCH, square(), true, rate));
        if (writes != null) {
            plots.add(writes);
            weights.add(3);
        }
        XYPlot reads = subplot(axis("balance reads/s"), inLegend, new Line(balanceRate, BALANCE, triangle(), false, rate));
        if (reads != null) {
            plots.add(reads);
            weights.add(2);
        }
        LegendItem targetLegend = null;
        double[] p99Range = range(serviceP99, pgbenchP99, balanceP99);
        if (p99Range != null) {
            double lo = p99Range[0] / 2.2, hi = p99Range[1] * 2.2;
            XYPlot latency = subplot(new FixedTickLogAxis("p99 latency, ms (log scale)", 10, ticks125(lo, hi), lo, hi), inLegend,
                    new Line(serviceP99, SERVICE, circle(), false, millis),
                    new Line(pgbenchP99, PGBENCH, square(), true, millis),
                    new Line(balanceP99, BALANCE, triangle(), false, millis));
            Double goal = p99Goal(root.get("targets"));
            if (goal != null && goal > lo && goal < hi) {
                latency.addRangeMarker(new ValueMarker(goal, TARGET, TARGET_STROKE));
                targetLegend = new LegendItem("issue #7 target: contributions p99 ≤ " + ms(goal) + " ms at 8 clients", null, null, null,
                        false, square(), false, TARGET, false, TARGET, TARGET_STROKE,
                        true, new Line2D.Double(-9, 0, 9, 0), TARGET_STROKE, TARGET);
            }
            plots.add(latency);
            weights.add(3);
        }

        TreeSet<Double> clients = new TreeSet<>();
        for (XYSeries s : List.of(serviceRate, pgbenchRate, balanceRate, serviceP99, pgbenchP99, balanceP99)) {
            for (int i = 0; i < s.getItemCount(); i++) {
                clients.add(s.getX(i).doubleValue());
            }
        }
        XYPlot plot;
        if (plots.isEmpty()) {
            plot = new XYPlot();
            plot.setNoDataMessage("no contributions, pgbench or balance workloads in " + in.getFileName());
            plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            System.err.println("bench/chart: warning: nothing to plot in " + in + " (no contributions-cN, balance-cN or pgbench results)");
        } else {
            double lo = clients.first() / 1.45, hi = clients.last() * 1.45;
            double[] ticks = clients.stream().mapToDouble(Double::doubleValue).toArray();
            CombinedDomainXYPlot combined = new CombinedDomainXYPlot(
                    new FixedTickLogAxis("concurrent clients (wrk connections, pgbench clients)", 2, ticks, lo, hi));
            combined.setGap(14);
            for (int i = 0; i < plots.size(); i++) {
                combined.add(plots.get(i), weights.get(i));
            }
            combined.setOrientation(PlotOrientation.VERTICAL);
            plot = combined;
        }
        plot.setBackgroundPaint(Color.WHITE);

        String commit = str(meta.get("git_commit"));
        commit = commit == null ? "unknown commit" : "commit " + commit.substring(0, Math.min(12, commit.length()))
                + (Boolean.TRUE.equals(meta.get("git_dirty")) ? " (src/ or pom.xml modified)" : "");
        String date = str(meta.get("date"));
        date = date == null ? "unknown date" : date.replace('T', ' ').replace("Z", " UTC");
        JFreeChart chart = new JFreeChart("Benchmark, " + commit + ", " + date,
                new Font(Font.SANS_SERIF, Font.BOLD, 17), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        TextTitle subtitle = new TextTitle(subtitle(meta), new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        subtitle.setPaint(new Color(0x44, 0x44, 0x44));
        subtitle.setPadding(new RectangleInsets(2, 0, 6, 0));
        chart.addSubtitle(subtitle);
        if (!plots.isEmpty()) {
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
            chart.addSubtitle(legend);
        }
        File dir = out.getAbsoluteFile().getParentFile();
        if (dir != null) {
            dir.mkdirs();
        }
        ChartUtils.saveChartAsPNG(out, chart, width, height);
        System.out.println("bench/chart: wrote " + out + " (" + width + "x" + height + ")");
    }

    static String subtitle(Map<String, Object> meta) {
        List<String> parts = new ArrayList<>();
        Double nproc = num(meta.get("nproc"));
        if (nproc != null) {
            String cpu = str(meta.get("cpu_model"));
            parts.add(Math.round(nproc) + " CPUs" + (cpu == null ? "" : " (" + cpu + ")"));
        }
        String pg = str(meta.get("pg_version"));
        if (pg != null) {
            parts.add("PostgreSQL " + pg.split(" ")[0] + " (durable commits)");
        }
        Double seconds = num(meta.get("seconds"));
        if (seconds != null) {
            parts.add(Math.round(seconds) + " s per workload");
        }
        Double funds = num(meta.get("funds"));
        if (funds != null) {
            parts.add(Math.round(funds) + " funds");
        }
        parts.add("all on one machine");
        return String.join("  ·  ", parts);
    }

    /** The p99 goal of the issue #7 target on contributions at 8 clients ("<= 25"), if present. */
    static Double p99Goal(Object targets) {
        if (!(targets instanceof List<?> list)) {
            return null;
        }
        for (Object t : list) {
            Map<String, Object> m = obj(t);
            String name = m == null ? null : str(m.get("target"));
            String goal = m == null ? null : str(m.get("goal"));
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
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true) {
            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
                // Above the point if it is the highest at its x, below if the lowest, else to the right.
                double x = data.getXValue(series, item), y = data.getYValue(series, item);
                boolean highest = true, lowest = true;
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
        };
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
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(0, -5.5);
        p.lineTo(5, 4);
        p.lineTo(-5, 4);
        p.closePath();
        return p;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) { return o instanceof Map ? (Map<String, Object>) o : null; }

    static Map<String, Object> orEmpty(Map<String, Object> m) { return m == null ? Map.of() : m; }

    static Double num(Object o) { return o instanceof Double d ? d : null; }

    static String str(Object o) { return o instanceof String s ? s : null; }

    /** A small JSON reader: objects (LinkedHashMap), arrays (ArrayList), strings, Double, Boolean, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) { this.s = s; }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.ws();
            if (j.i != text.length()) {
                throw j.error("trailing characters");
            }
            return v;
        }

        private Object value() {
            ws();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            switch (s.charAt(i)) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': literal("true"); return Boolean.TRUE;
                case 'f': literal("false"); return Boolean.FALSE;
                case 'n': literal("null"); return null;
                default: return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                String key = string();
                ws();
                expect(':');
                m.put(key, value());
                ws();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> a = new ArrayList<>();
            i++;
            ws();
            if (peek() == ']') {
                i++;
                return a;
            }
            while (true) {
                a.add(value());
                ws();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return a;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("bad \\u escape");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private Double number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character '" + s.charAt(i) + "'");
            }
            try {
                return Double.valueOf(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error("bad number " + s.substring(start, i));
            }
        }

        private void literal(String word) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() { return i < s.length() ? s.charAt(i) : '\0'; }

        private char next() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(i++);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at offset " + i);
        }
    }
}
