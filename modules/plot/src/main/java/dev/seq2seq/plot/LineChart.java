package dev.seq2seq.plot;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.DoubleStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.ChartTheme;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Named series against shared x values, drawn to a PNG: training curves here, and for other tasks
 * for example a forecast's history, forecast and actual values.
 *
 * <pre>{@code
 * LineChart.of("Forecast", "t", "value")
 *     .with("history", t0, history)
 *     .with("forecast", t1, forecast)
 *     .with("actual", t1, actual)
 *     .write(plots.resolve("forecast.png"));
 * }</pre>
 *
 * Immutable: every {@code with...} returns a new chart. Series are coloured in the order added.
 */
public record LineChart(
    String title, String xLabel, String yLabel, List<Series> series, Scale yScale, int width,
    int height) {

  /** How the y axis is scaled; AUTO picks log when positive data spans over two decades. */
  public enum Scale {
    LINEAR,
    LOG,
    AUTO
  }

  /** Series with at most this many points get markers, so that a single point still shows. */
  static final int MARKER_MAX_POINTS = 40;

  public LineChart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(xLabel, "xLabel");
    Objects.requireNonNull(yLabel, "yLabel");
    Objects.requireNonNull(yScale, "yScale");
    series = List.copyOf(series);
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException("chart size " + width + "x" + height + " is below 100x100");
    }
  }

  public static LineChart of(String title, String xLabel, String yLabel) {
    return new LineChart(title, xLabel, yLabel, List.of(), Scale.AUTO, 800, 500);
  }

  public LineChart with(Series s) {
    for (Series existing : series) {
      if (existing.name().equals(s.name())) {
        // XChart keys series by name; a duplicate would silently replace the first.
        throw new IllegalArgumentException("chart '" + title + "' already has series '" + s.name() + "'");
      }
    }
    List<Series> more = new ArrayList<>(series);
    more.add(s);
    return new LineChart(title, xLabel, yLabel, more, yScale, width, height);
  }

  public LineChart with(String name, double[] x, double[] y) {
    return with(new Series(name, x, y));
  }

  public LineChart withYScale(Scale scale) {
    return new LineChart(title, xLabel, yLabel, series, scale, width, height);
  }

  public LineChart withSize(int w, int h) {
    return new LineChart(title, xLabel, yLabel, series, yScale, w, h);
  }

  /** True when the y axis will be drawn logarithmic. */
  public boolean logY() {
    DoubleStream all = series.stream().flatMapToDouble(s -> DoubleStream.of(s.y()));
    return switch (yScale) {
      case LINEAR -> false;
      case LOG -> true;
      case AUTO -> Charts.wantsLogScale(all);
    };
  }

  private boolean needsScientific() {
    double largest =
        series.stream()
            .flatMapToDouble(s -> DoubleStream.of(s.y()))
            .filter(Double::isFinite)
            .map(Math::abs)
            .max()
            .orElse(1);
    return largest > 0 && (largest < 1e-2 || largest >= 1e6);
  }

  /** Writes the chart as PNG, creating parent folders. */
  public void write(Path png) throws IOException {
    Charts.savePng(build(), png);
  }

  BufferedImage render() {
    return BitmapEncoder.getBufferedImage(build());
  }

  private XYChart build() {
    if (series.isEmpty()) {
      throw new IllegalStateException("chart '" + title + "' has no series to draw");
    }
    boolean log = logY();
    if (log) {
      for (Series s : series) {
        for (double v : s.y()) {
          if (v <= 0) {
            throw new IllegalArgumentException(
                "series '" + s.name() + "' has a value " + v + " that a log axis cannot show");
          }
        }
      }
    }
    XYChart chart = new XYChart(width, height, ChartTheme.XChart);
    chart.setTitle(title);
    chart.setXAxisTitle(xLabel);
    chart.setYAxisTitle(yLabel);
    var styler = chart.getStyler();
    Charts.whiteLook(styler);
    styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    styler.setYAxisLogarithmic(log);
    if (!log && needsScientific()) {
      // Learning rates (1e-4) would otherwise be labelled ".0001" and crowd the axis.
      styler.setYAxisDecimalPattern("0.0#E0");
    }
    // Steps and years read best without a thousands separator ("1975", not "1,975").
    styler.setXAxisDecimalPattern("0.##");
    styler.setLegendVisible(series.size() > 1);
    // Below the plot, never over the data (a forecast can end anywhere).
    styler.setLegendPosition(LegendPosition.OutsideS);
    styler.setLegendLayout(LegendLayout.Horizontal);
    List<String> texts = new ArrayList<>(List.of(title, xLabel, yLabel));
    series.forEach(s -> texts.add(s.name()));
    styler.setChartTitleFont(Charts.fontFor(styler.getChartTitleFont(), texts));
    styler.setAxisTitleFont(Charts.fontFor(styler.getAxisTitleFont(), texts));
    styler.setLegendFont(Charts.fontFor(styler.getLegendFont(), texts));
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      XYSeries xy = chart.addSeries(s.name(), s.x(), gapsForNonFinite(s.y()));
      xy.setLineColor(Charts.colour(i));
      xy.setMarkerColor(Charts.colour(i));
      xy.setLineStyle(new BasicStroke(2f));
      xy.setMarker(s.size() <= MARKER_MAX_POINTS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }
    return chart;
  }

  /** XChart draws NaN as a gap but refuses infinities; a diverged loss should not stop a plot. */
  private static double[] gapsForNonFinite(double[] y) {
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        y[i] = Double.NaN;
      }
    }
    return y;
  }
}
