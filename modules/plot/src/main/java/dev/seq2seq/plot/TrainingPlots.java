package dev.seq2seq.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Draws an experiment's {@code metrics.jsonl} into a plots folder:
 *
 * <ul>
 *   <li>{@code loss.png}: training and validation loss against step (log y when the loss spans
 *       more than two decades);
 *   <li>{@code valid_<metric>.png}: one per other validation metric ({@code bleu}, {@code
 *       accuracy}, ...);
 *   <li>{@code lr.png}: the learning rate, when training lines carry {@code lr}.
 * </ul>
 *
 * Cheap enough (tens of milliseconds a plot) to call after every validation, so the plots follow
 * a run; each PNG is replaced atomically.
 */
public final class TrainingPlots {
  static final int WIDTH = 800;
  static final int HEIGHT = 500;

  private TrainingPlots() {}

  /**
   * What {@link #write} did.
   *
   * @param written the PNG files written, in order
   * @param usableLines metrics lines that were plotted
   * @param skippedLines malformed or unknown lines that were skipped
   * @param problems why lines were skipped ("line N: reason"), the first ten, for a warning
   */
  public record Result(
      List<Path> written, int usableLines, int skippedLines, List<String> problems) {
    public Result {
      written = List.copyOf(written);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads {@code metricsJsonl} and writes the plots into {@code plotsDir}, creating it.
   *
   * @throws java.nio.file.NoSuchFileException when the metrics file does not exist
   * @throws MetricsFileException when it is not a regular file or has no usable line
   */
  public static Result write(Path metricsJsonl, Path plotsDir) throws IOException {
    MetricsLog log = MetricsLog.read(metricsJsonl);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, LineChart> chart : charts(log).entrySet()) {
      Path png = plotsDir.resolve(chart.getKey());
      chart.getValue().write(png);
      written.add(png);
    }
    return new Result(written, log.usableLines(), log.skippedLines(), log.problems());
  }

  /** The charts to draw, by file name, in the order they are written. */
  static Map<String, LineChart> charts(MetricsLog log) {
    Map<String, LineChart> charts = new LinkedHashMap<>();

    LineChart loss = chart("Loss", "loss");
    if (log.train().containsKey("loss")) {
      loss = loss.with(series("train", log.train().get("loss")));
    }
    if (log.valid().containsKey("loss")) {
      loss = loss.with(series("valid", log.valid().get("loss")));
    }
    if (!loss.series().isEmpty()) {
      charts.put("loss.png", loss);
    }

    log.valid().forEach(
        (metric, values) -> {
          if (!metric.equals("loss")) {
            // Scores such as BLEU or accuracy read best on their own linear scale.
            LineChart chart =
                chart("Validation " + metric, metric)
                    .withYScale(LineChart.Scale.LINEAR)
                    .with(series("valid", values));
            charts.put("valid_" + fileSafe(metric) + ".png", chart);
          }
        });

    if (log.train().containsKey("lr")) {
      charts.put("lr.png", chart("Learning rate", "lr").with(series("lr", log.train().get("lr"))));
    }
    return charts;
  }

  private static LineChart chart(String title, String yLabel) {
    return LineChart.of(title, "step", yLabel).withSize(WIDTH, HEIGHT);
  }

  static Series series(String name, SortedMap<Long, Double> byStep) {
    double[] x = new double[byStep.size()];
    double[] y = new double[byStep.size()];
    int i = 0;
    for (Map.Entry<Long, Double> e : byStep.entrySet()) {
      x[i] = e.getKey();
      y[i] = e.getValue();
      i++;
    }
    return new Series(name, x, y);
  }

  /** Metric names come from the log; keep them from making odd or nested file names. */
  static String fileSafe(String metric) {
    return metric.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
