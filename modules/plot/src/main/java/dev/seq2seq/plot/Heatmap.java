package dev.seq2seq.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler.ChartTheme;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * An attention alignment as a PNG: one row per target token, one column per source token, darker
 * where the decoder attended more. The first target token is the top row, as in the usual
 * alignment figures, and source tokens read left to right along the bottom.
 */
public final class Heatmap {
  /** Pixels per cell, so a long sentence gets a larger image rather than unreadable labels. */
  static final int CELL = 28;

  static final Color LOW = Color.WHITE;
  static final Color HIGH = new Color(0x08306b);

  private Heatmap() {}

  /**
   * Writes the heatmap, creating parent folders.
   *
   * @param weights {@code weights[row][column]}, rows = target tokens, columns = source tokens
   * @throws IllegalArgumentException when the shape does not match the labels or a weight is not
   *     finite
   */
  public static void write(
      Path png, float[][] weights, List<String> rowLabels, List<String> columnLabels, String title)
      throws IOException {
    Charts.savePng(build(weights, rowLabels, columnLabels, title), png);
  }

  static BufferedImage render(
      float[][] weights, List<String> rowLabels, List<String> columnLabels, String title) {
    return BitmapEncoder.getBufferedImage(build(weights, rowLabels, columnLabels, title));
  }

  private static HeatMapChart build(
      float[][] weights, List<String> rowLabels, List<String> columnLabels, String title) {
    Objects.requireNonNull(title, "title");
    int rows = rowLabels.size();
    int cols = columnLabels.size();
    check(weights, rows, cols);

    // Cells refer to labels by index, so repeated tokens ("the" twice) keep their own rows.
    List<String> ys = new ArrayList<>(rowLabels);
    Collections.reverse(ys);

    double min = 0;
    double max = 1;
    List<Number[]> cells = new ArrayList<>(rows * cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double w = weights[r][c];
        min = Math.min(min, w);
        max = Math.max(max, w);
        // XChart's y index 0 is the bottom row; flip so row 0 is on top.
        cells.add(new Number[] {c, rows - 1 - r, w});
      }
    }

    int width = Math.max(480, 220 + CELL * cols);
    int height = Math.max(400, 160 + CELL * rows);
    // The theme-less constructor leaves the styler's fonts unset; the theme fills them in.
    HeatMapChart chart = new HeatMapChart(width, height, ChartTheme.XChart);
    chart.setTitle(title);
    chart.setXAxisTitle("source");
    chart.setYAxisTitle("target");
    HeatMapStyler styler = chart.getStyler();
    Charts.whiteLook(styler);
    // Attention weights are probabilities: one 0..1 scale (widened only for weights outside it)
    // makes figures comparable across sentences and checkpoints.
    styler.setMin(min);
    styler.setMax(max);
    styler.setRangeColors(new Color[] {LOW, HIGH});
    styler.setLegendPosition(LegendPosition.OutsideE);
    styler.setPlotContentSize(1.0);
    styler.setXAxisLabelRotation(90);
    List<String> texts = new ArrayList<>(rowLabels);
    texts.addAll(columnLabels);
    texts.add(title);
    styler.setAxisTickLabelsFont(Charts.fontFor(styler.getAxisTickLabelsFont(), texts));
    styler.setChartTitleFont(Charts.fontFor(styler.getChartTitleFont(), texts));
    chart.addSeries("attention", List.copyOf(columnLabels), ys, cells);
    return chart;
  }

  private static void check(float[][] weights, int rows, int cols) {
    if (rows == 0 || cols == 0) {
      throw new IllegalArgumentException("heatmap needs at least one row and one column label");
    }
    if (weights.length != rows) {
      throw new IllegalArgumentException(
          "heatmap has " + weights.length + " weight rows but " + rows + " row labels");
    }
    for (int r = 0; r < rows; r++) {
      if (weights[r].length != cols) {
        throw new IllegalArgumentException(
            "heatmap row " + r + " has " + weights[r].length + " weights but " + cols
                + " column labels");
      }
      for (int c = 0; c < cols; c++) {
        if (!Float.isFinite(weights[r][c])) {
          throw new IllegalArgumentException(
              "heatmap weight [" + r + "][" + c + "] is " + weights[r][c]);
        }
      }
    }
  }
}
