package dev.seq2seq.task.forecasting;

import com.google.inject.Inject;
import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.Json;
import dev.seq2seq.command.LoadedModel;
import dev.seq2seq.command.ModelLoader;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.plot.LineChart;
import dev.seq2seq.task.forecasting.data.SeriesCsv;
import dev.seq2seq.task.forecasting.data.SeriesException;
import dev.seq2seq.task.forecasting.data.TimeAxis;
import dev.seq2seq.task.forecasting.data.TimeSeries;
import dev.seq2seq.task.forecasting.metric.Baselines;
import dev.seq2seq.task.forecasting.metric.ForecastErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seq2seq forecast MODEL_DIR --input CSV}: the next values of a series after its end (or
 * after {@code --cutoff}, comparing them with the rows that follow), as CSV or JSON lines, and
 * optionally a PNG of history, forecast and actual values.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast the next values of a time series with a trained forecasting model.",
      "The input CSV needs the model's time and value columns. Without --cutoff the forecast"
          + " follows the last row; with it, rows from the cut-off on are the actual values the"
          + " forecast is compared with (beside the naive and seasonal-naive baselines)."
    })
final class ForecastCommand implements Callable<Integer>, TaskCommand {
  /** Output formats. */
  enum Format {
    csv,
    json
  }

  private final ModelLoader models;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A run's model/ folder.")
  Path modelDir;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "CSV",
      description = "The series (CSV with a header), oldest row first.")
  Path input;

  @Option(names = "--horizon", paramLabel = "N",
      description = "Steps to forecast (default: the model's horizon). Beyond it, a model of one"
          + " column feeds its forecasts back.")
  Integer horizon;

  @Option(names = "--cutoff", paramLabel = "TIME",
      description = "Forecast from the first row at or after TIME (a number or ISO date such as"
          + " 1981-01); the rows from there on are compared as actual values.")
  String cutoff;

  @Option(names = "--plot", paramLabel = "FILE.png",
      description = "Also draw history, forecast and (when known) actual values to a PNG.")
  Path plot;

  @Option(names = "--plot-history", paramLabel = "ROWS",
      description = "History rows drawn in the plot (default: the larger of the model's input"
          + " length and twice the steps forecast).")
  Integer plotHistory;

  @Option(names = "--format", paramLabel = "csv|json", description = "csv (default: step,time,forecast,actual) or json"
      + " (one object per line, then a summary line when actual values are known).")
  Format format = Format.csv;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a key of the model's recipe, e.g. --set backend.threads=1.")
  List<String> overrides = new ArrayList<>();

  @Inject
  ForecastCommand(ModelLoader models) {
    this.models = models;
  }

  @Override
  public Integer call() throws IOException {
    if (horizon != null && horizon <= 0) {
      throw new UsageException("--horizon must be > 0, got " + horizon);
    }
    if (plotHistory != null && plotHistory <= 0) {
      throw new UsageException("--plot-history must be > 0, got " + plotHistory);
    }
    try (LoadedModel loaded = models.load(modelDir, overrides)) {
      run(loaded);
    } catch (SeriesException e) {
      // Bad input (file, columns, cut-off, too short): a usage error, the message once.
      throw new UsageException(e.getMessage());
    }
    return ExitCode.OK;
  }

  private void run(LoadedModel loaded) throws IOException {
    ForecastSession session = loaded.session(ForecastSession.class, "forecast");
    ModelInfo info = session.info();
    TimeSeries series = SeriesCsv.read(input, info.timeColumn(), info.columns());
    int split = series.rows();
    if (cutoff != null) {
      split = TimeAxis.of(series).firstAtOrAfter(cutoff, "--cutoff");
      if (split == 0) {
        throw new SeriesException(input + ": no rows before --cutoff " + cutoff);
      }
    }
    int steps = horizon != null ? horizon : info.horizon();
    TimeSeries history = series.rows(0, split);
    double[] forecast;
    try {
      forecast = session.forecast(history.values(), steps);
    } catch (SeriesException e) {
      throw new SeriesException(input + ": " + e.getMessage());
    }
    int known = Math.min(steps, series.rows() - split);
    double[] actual = Arrays.copyOfRange(series.column(info.targetIndex()), split, split + known);
    List<String> labels = labels(series, history, split, steps);
    print(labels, forecast, actual);
    if (known > 0) {
      summary(history.column(info.targetIndex()), forecast, actual,
          ((ForecastDataConfig) loaded.recipe().data()).season());
    }
    if (plot != null) {
      draw(info, series, history, split, labels, forecast, actual);
    }
  }

  /** Labels of the forecast rows: the input's own where it has them, then continued. */
  private static List<String> labels(TimeSeries series, TimeSeries history, int split, int steps) {
    List<String> out = new ArrayList<>(TimeAxis.of(history).next(steps));
    for (int k = 0; k < steps && split + k < series.rows(); k++) {
      out.set(k, series.times().get(split + k));
    }
    return out;
  }

  private void print(List<String> labels, double[] forecast, double[] actual) {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.csv) {
      out.println("step,time,forecast,actual");
    }
    for (int k = 0; k < forecast.length; k++) {
      if (format == Format.csv) {
        out.println((k + 1) + "," + csvField(labels.get(k)) + "," + number(forecast[k]) + ","
            + (k < actual.length ? number(actual[k]) : ""));
      } else {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", k + 1);
        row.put("time", labels.get(k));
        row.put("forecast", forecast[k]);
        row.put("actual", k < actual.length ? actual[k] : null);
        out.println(Json.write(row));
      }
    }
    out.flush();
  }

  /** Errors over the steps with actual values, beside both baselines from the same history. */
  private void summary(double[] y, double[] forecast, double[] actual, int season) {
    int n = actual.length;
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("compared", n);
    add(s, "", Arrays.copyOf(forecast, n), actual);
    add(s, "naive_", Baselines.naive(y, y.length, n), actual);
    if (y.length >= season) {
      add(s, "seasonal_", Baselines.seasonal(y, y.length, n, season), actual);
    }
    if (format == Format.json) {
      spec.commandLine().getOut().println(Json.write(Map.of("summary", s)));
    } else {
      StringBuilder line = new StringBuilder("compared with " + n + " actual values:");
      s.forEach((k, v) -> {
        if (!k.equals("compared")) {
          line.append(' ').append(k).append(' ').append(String.format(Locale.ROOT, "%.4f", (Double) v));
        }
      });
      spec.commandLine().getErr().println(line);
    }
  }

  private static void add(Map<String, Object> s, String prefix, double[] forecast, double[] actual) {
    ForecastErrors e = new ForecastErrors(actual.length);
    e.add(forecast, actual);
    s.put(prefix + "rmse", e.rmse(actual.length));
    s.put(prefix + "mae", e.mae(actual.length));
  }

  private void draw(ModelInfo info, TimeSeries series, TimeSeries history, int split,
      List<String> labels, double[] forecast, double[] actual) throws IOException {
    TimeAxis axis = TimeAxis.of(series);
    TimeAxis historyAxis = TimeAxis.of(history);
    int rows = plotHistory != null ? plotHistory
        : Math.max(info.inputLength(), 2 * forecast.length);
    int from = Math.max(0, split - rows);
    double[] hx = Arrays.copyOfRange(historyAxis.xs(), from, split);
    double[] hy = Arrays.copyOfRange(history.column(info.targetIndex()), from, split);
    double[] ahead = historyAxis.nextXs(forecast.length);
    for (int k = 0; k < forecast.length && split + k < series.rows(); k++) {
      ahead[k] = axis.x(split + k);
    }
    // The forecast line starts at the last observed value, so it visibly continues the history.
    double[] fx = new double[forecast.length + 1];
    double[] fy = new double[forecast.length + 1];
    fx[0] = hx[hx.length - 1];
    fy[0] = hy[hy.length - 1];
    System.arraycopy(ahead, 0, fx, 1, forecast.length);
    System.arraycopy(forecast, 0, fy, 1, forecast.length);
    LineChart chart = LineChart.of("Forecast of " + info.target() + " after "
            + history.times().get(split - 1), axis.xLabel(), info.target())
        .withYScale(LineChart.Scale.LINEAR)
        .with("history", hx, hy)
        .with("forecast", fx, fy);
    if (actual.length > 0) {
      chart = chart.with("actual", Arrays.copyOf(ahead, actual.length), actual);
    }
    chart.write(plot);
    spec.commandLine().getErr().println("plot written to " + plot + " (" + labels.size()
        + " steps forecast)");
  }

  /** Six significant digits, without trailing zeros: 90, 126.831, 0.000123457. */
  static String number(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros()
        .toPlainString();
  }

  private static String csvField(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
