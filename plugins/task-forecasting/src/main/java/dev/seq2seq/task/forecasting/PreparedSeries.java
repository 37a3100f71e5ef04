package dev.seq2seq.task.forecasting;

import dev.seq2seq.data.DatasetResolver;
import dev.seq2seq.task.forecasting.data.Scaler;
import dev.seq2seq.task.forecasting.data.SeriesCsv;
import dev.seq2seq.task.forecasting.data.SeriesException;
import dev.seq2seq.task.forecasting.data.TimeAxis;
import dev.seq2seq.task.forecasting.data.TimeSeries;
import dev.seq2seq.task.forecasting.data.Windows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A recipe's series split in time: training rows {@code [0, validationStart)}, validation rows
 * {@code [validationStart, testStart)}, test rows {@code [testStart, rows)}. A window belongs to
 * the part its forecast rows lie in; its inputs may reach back into earlier parts (they are known
 * by then). Validation and test windows also start at least one season in, so the seasonal
 * baseline is defined for every window that the model and the baselines are scored on.
 */
record PreparedSeries(TimeSeries series, ModelInfo info, Windows windows, int validationStart,
    int testStart, int[] trainOrigins, int[] validationOrigins, int[] testOrigins) {

  /**
   * Reads the recipe's file. Without {@code saved} the columns come from the recipe and the
   * scaling is fitted on the training rows; with it, the saved columns and scaling are used.
   */
  static PreparedSeries read(ForecastDataConfig data, ModelInfo saved) throws IOException {
    TimeSeries s = SeriesCsv.read(csvFile(data),
        saved != null ? saved.timeColumn() : data.timeColumn(),
        saved != null ? saved.columns() : data.columns());
    return split(data, s, saved);
  }

  static Path csvFile(ForecastDataConfig data) {
    if (data.dataset().isEmpty()) {
      return Path.of(data.file());
    }
    Path folder = DatasetResolver.system().resolve(data.dataset()).folder();
    Path file = folder.resolve(data.file()).normalize();
    if (!file.startsWith(folder)) {
      throw new SeriesException("data.file '" + data.file() + "' leaves the folder of dataset '"
          + data.dataset() + "'");
    }
    return file;
  }

  static PreparedSeries split(ForecastDataConfig data, TimeSeries s, ModelInfo saved) {
    int n = s.rows();
    int l = data.inputLength();
    int h = data.horizon();
    int testStart;
    if (data.testFrom().isEmpty()) {
      testStart = n - (int) Math.round(data.testFraction() * n);
    } else {
      testStart = TimeAxis.of(s).firstAtOrAfter(data.testFrom(), "data.test_from");
      if (testStart == n) {
        throw new SeriesException(s.source() + " has no rows at or after data.test_from '"
            + data.testFrom() + "' (its last time is '" + s.times().get(n - 1) + "')");
      }
    }
    if (testStart <= 0 || testStart >= n) {
      throw new SeriesException(s.source() + ": the split leaves " + testStart
          + " rows before the test part of " + (n - testStart) + " rows; both must be > 0");
    }
    int validationStart = testStart - (int) Math.round(data.validationFraction() * testStart);
    String target = saved != null ? saved.target()
        : data.target().isEmpty() ? s.columns().get(0) : data.target();
    if (!s.columns().contains(target)) {
      throw new SeriesException("data.target '" + target + "' is not a value column of "
          + s.source() + " (value columns: " + String.join(", ", s.columns()) + ")");
    }
    if (validationStart <= 0) {
      throw new SeriesException(s.source() + ": no training rows are left before the validation"
          + " part; lower data.validation_fraction or move the test part later");
    }
    Scaler scaler = saved != null ? saved.scaler()
        : Scaler.fit(data.scaling(), Arrays.copyOfRange(s.values(), 0, validationStart));
    ModelInfo info = saved != null ? saved
        : new ModelInfo(s.timeColumn(), s.columns(), target, l, h, scaler);
    Windows w = new Windows(scaler.apply(s.values()), info.targetIndex(), l, h);
    int season = data.season();
    int[] train = w.origins(0, validationStart);
    int[] validation = w.origins(Math.max(validationStart, season), testStart);
    int[] test = w.origins(Math.max(testStart, season), n);
    require(train, "training", validationStart, l + h, s);
    require(validation, "validation", testStart - validationStart, h, s);
    require(test, "test", n - testStart, h, s);
    return new PreparedSeries(s, info, w, validationStart, testStart, train, validation, test);
  }

  private static void require(int[] origins, String part, int rows, int needed, TimeSeries s) {
    if (origins.length == 0) {
      throw new SeriesException(s.source() + ": the " + part + " part (" + rows + " rows) holds no"
          + " complete window; it needs at least " + needed + " rows, with data.input_length"
          + " rows and data.season rows of history before its first forecast (shorten"
          + " input_length or horizon, or enlarge the part)");
    }
  }
}
