package dev.orgbff.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.knowm.xchart.AnnotationTextPanel;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import dev.orgbff.bench.Results.Row;

/**
 * The benchmark's charts, PNG files drawn (headless, XChart) from a run's rows next to {@code results.md}: for each
 * query (the organization page at each of its sizes) its throughput, and its p50 and p99 latency with the floor
 * (round trips × latency per call), against clients on each path; and the organization page's service CPU per request
 * and per resolved field against its members at each concurrency, with the targets. Each names the machine and the
 * run's date.
 */
final class Charts {

    static {
        System.setProperty("java.awt.headless", "true"); // before AWT starts: the benchmark may run without a display
    }

    /** A chart written: what it shows, and its file name in the results' directory. */
    record Chart(String title, String file) {
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int MARGIN = 40;
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
    private static final Map<String, Color> COLORS = Map.of("service", new Color(0x1f77b4), Results.CACHED, new Color(0x2ca02c),
            "no BFF", new Color(0xd62728));
    private static final Color[] CONCURRENCY_COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd)};
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);

    private Charts() {
    }

    /**
     * Draws the run's charts into {@code directory}.
     *
     * @return the charts written, in the order {@code results.md} lists them
     * @throws IOException when a file cannot be written
     */
    static List<Chart> write(Results results, Path directory) throws IOException {
        String machine = machine(results);
        List<Chart> charts = new ArrayList<>();
        Set<String> labels = results.rows().stream().map(Row::label).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String label : labels) {
            List<Row> rows = results.rows().stream().filter(row -> row.label().equals(label)).toList();
            String name = label.replace(", ", "-").replace(' ', '-');
            charts.add(save(throughput(label, rows, machine), directory, "throughput-" + name));
            charts.add(save(latency(label, rows, machine), directory, "latency-" + name));
        }
        List<Row> sized = results.rows().stream().filter(row -> row.members() != null && row.path().equals("service") && row.cpuMsPerRequest() != null)
                .toList();
        if (!sized.isEmpty()) {
            charts.add(save(byMembers("organizationPage: service CPU per request against members", "CPU per request (ms)", sized,
                    Row::cpuMsPerRequest, 3, "target at 16 clients: 3 ms", machine), directory, "cpu-per-request-by-members"));
            charts.add(save(byMembers("organizationPage: service CPU per resolved field against members", "CPU per resolved field (µs)", sized,
                    Row::cpuUsPerField, 2, "target at 16 clients: 2 µs", machine), directory, "cpu-per-field-by-members"));
        }
        return charts;
    }

    private static XYChart throughput(String label, List<Row> rows, String machine) {
        XYChart chart = chart(label + ": throughput against clients", "clients", "requests per second", machine);
        for (String path : paths(rows)) {
            List<Row> onPath = rows.stream().filter(row -> row.path().equals(path)).toList();
            line(chart, path, onPath, Row::requestsPerSecond, COLORS.getOrDefault(path, Color.DARK_GRAY), false);
        }
        return chart;
    }

    private static XYChart latency(String label, List<Row> rows, String machine) {
        XYChart chart = chart(label + ": p50 and p99 latency against clients", "clients", "latency (ms)", machine);
        for (String path : paths(rows)) {
            List<Row> onPath = rows.stream().filter(row -> row.path().equals(path)).toList();
            Color color = COLORS.getOrDefault(path, Color.DARK_GRAY);
            line(chart, path + " p50", onPath, Row::p50Ms, color, false);
            line(chart, path + " p99", onPath, Row::p99Ms, color, true);
        }
        for (String path : paths(rows)) {
            List<Row> floored = rows.stream().filter(row -> row.path().equals(path) && row.floorMs() != null && row.floorMs() > 0).toList();
            if (!floored.isEmpty()) {
                Row first = floored.get(0);
                String trips = first.roundTrips() == 1 ? "1 round trip" : first.roundTrips() + " round trips";
                XYSeries floor = line(chart, String.format(Locale.ROOT, "floor, %s (%s)", path, trips), floored,
                        Row::floorMs, COLORS.getOrDefault(path, Color.DARK_GRAY).darker(), true);
                floor.setMarker(SeriesMarkers.NONE);
                floor.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f));
            }
        }
        return chart;
    }

    /** One line per concurrency against members, and the target's level. */
    private static XYChart byMembers(String title, String yTitle, List<Row> rows, Function<Row, @Nullable Double> value, double target,
            String targetName, String machine) {
        XYChart chart = chart(title, "members (one page)", yTitle, machine);
        List<Integer> concurrencies = rows.stream().map(Row::clients).distinct().sorted().toList();
        for (int i = 0; i < concurrencies.size(); i++) {
            int clients = concurrencies.get(i);
            List<Row> atConcurrency = rows.stream().filter(row -> row.clients() == clients).sorted((a, b) -> a.members() - b.members()).toList();
            XYSeries series = chart.addSeries(clients + (clients == 1 ? " client" : " clients"),
                    atConcurrency.stream().map(Row::members).toList(), atConcurrency.stream().map(value).toList());
            style(series, CONCURRENCY_COLORS[i % CONCURRENCY_COLORS.length], false);
        }
        List<Integer> members = rows.stream().map(Row::members).distinct().sorted().toList();
        XYSeries level = chart.addSeries(targetName, List.of(members.get(0), members.get(members.size() - 1)), List.of(target, target));
        style(level, Color.GRAY, true);
        level.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static XYChart chart(String title, String xTitle, String yTitle, String machine) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setChartBackgroundColor(Color.WHITE)
                .setAnnotationTextPanelFontColor(Color.DARK_GRAY).setAnnotationTextPanelBorderColor(Color.LIGHT_GRAY);
        chart.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern("#,##0.##").setXAxisDecimalPattern("#,##0");
        // the machine's label goes in the bottom margin, under the axis title
        chart.getStyler().setChartPadding(MARGIN).setAnnotationTextPanelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12))
                .setAnnotationTextPanelBorderColor(TRANSPARENT).setAnnotationTextPanelBackgroundColor(TRANSPARENT);
        chart.addAnnotation(new AnnotationTextPanel(machine, 0, 0, true));
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, List<Row> rows, Function<Row, @Nullable Double> value, Color color, boolean dashed) {
        XYSeries series = chart.addSeries(name, rows.stream().map(Row::clients).toList(), rows.stream().map(value).toList());
        style(series, color, dashed);
        return series;
    }

    private static void style(XYSeries series, Color color, boolean dashed) {
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(dashed ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        series.setLineStyle(dashed ? DASHED : SeriesLines.SOLID);
    }

    private static Set<String> paths(List<Row> rows) {
        return rows.stream().map(Row::path).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Chart save(XYChart chart, Path directory, String name) throws IOException {
        BitmapEncoder.saveBitmap(chart, directory.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        return new Chart(chart.getTitle(), name + ".png");
    }

    /** The machine and the run, for each chart's label: cores, JDK, target, date. */
    private static String machine(Results results) {
        return String.format(Locale.ROOT, "%d cores, JDK %s, %s%s, %s", results.machine().cores(), results.machine().jdk(), results.target(),
                results.latencyMs() == null ? "" : " at " + results.latencyMs() + " ms a call",
                "run of " + DateTimeFormatter.ISO_LOCAL_DATE.format(results.started().atZone(ZoneOffset.UTC)));
    }
}
