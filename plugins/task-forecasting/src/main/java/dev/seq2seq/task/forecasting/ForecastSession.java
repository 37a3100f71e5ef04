package dev.seq2seq.task.forecasting;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.task.forecasting.data.Scaler;
import dev.seq2seq.task.forecasting.data.SeriesException;
import dev.seq2seq.task.forecasting.data.TimeSeries;
import dev.seq2seq.task.forecasting.data.Windows;
import dev.seq2seq.task.forecasting.metric.Baselines;
import dev.seq2seq.task.forecasting.metric.ForecastErrors;
import dev.seq2seq.task.forecasting.model.ForecastModel;
import dev.seq2seq.train.BatchPlan;
import dev.seq2seq.train.DataPosition;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forecasting model for one recipe, and (read when first needed) its series: training
 * windows, validation and test windows, and the baselines scored beside the model.
 */
public final class ForecastSession implements TaskSession<ForecastSession.WindowBatch> {
  private static final int EVAL_CHUNK = 256;

  /** Windows as host arrays; "tokens" are the forecast values, for the trainer's speed line. */
  record WindowBatch(float[] inputs, float[] targets, long tokens) implements TaskSession.Batch {}

  private final Recipe recipe;
  private final ForecastDataConfig data;
  private final ModelInfo info;
  private final ParameterStore store;
  private final ForecastModel model;
  private PreparedSeries prepared; // read on first use: a loaded model may only forecast
  private BatchPlan plan;

  private ForecastSession(Recipe recipe, Backend backend, ModelInfo info, PreparedSeries prepared) {
    this.recipe = recipe;
    this.data = (ForecastDataConfig) recipe.data();
    this.info = info;
    this.prepared = prepared;
    ForecastModelConfig m = (ForecastModelConfig) recipe.model();
    this.store = new ParameterStore(backend, recipe.seed());
    this.model = new ForecastModel(store, m.cell(), info.columns().size(), m.hidden(), m.layers(),
        m.dropout(), info.inputLength(), info.horizon(), info.targetIndex(), m.residual());
  }

  /** Reads the series, splits it and fits the scaling on the training part. */
  static ForecastSession forTraining(Recipe recipe, Backend backend) throws IOException {
    ForecastDataConfig data = (ForecastDataConfig) recipe.data();
    PreparedSeries p = PreparedSeries.read(data, null);
    return new ForecastSession(recipe, backend, p.info(), p);
  }

  /** A trained model: the saved columns and scaling; the series is read only if scored. */
  static ForecastSession forModel(Recipe recipe, Backend backend, Path modelDir) throws IOException {
    ModelInfo info = ModelInfo.read(modelDir);
    ForecastDataConfig data = (ForecastDataConfig) recipe.data();
    if (info.inputLength() != data.inputLength() || info.horizon() != data.horizon()) {
      throw new IOException(modelDir + ": " + ModelInfo.FILE + " says input_length "
          + info.inputLength() + " and horizon " + info.horizon() + ", the recipe "
          + data.inputLength() + " and " + data.horizon() + "; these cannot be overridden");
    }
    return new ForecastSession(recipe, backend, info, null);
  }

  ModelInfo info() {
    return info;
  }

  private PreparedSeries prepared() {
    if (prepared == null) {
      try {
        prepared = PreparedSeries.read(data, info);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return prepared;
  }

  private BatchPlan plan() {
    if (plan == null) {
      int[] sizes = new int[prepared().trainOrigins().length];
      Arrays.fill(sizes, info.horizon());
      plan = BatchPlan.of(sizes, recipe.train(), recipe.seed());
    }
    return plan;
  }

  @Override
  public ParameterStore parameters() {
    return store;
  }

  @Override
  public long batchesPerEpoch() {
    return plan().batchesPerEpoch();
  }

  @Override
  public WindowBatch batch(DataPosition position) {
    int[] members = plan().batch(position.epoch(), position.index());
    int[] all = prepared().trainOrigins();
    int[] origins = new int[members.length];
    for (int i = 0; i < members.length; i++) {
      origins[i] = all[members[i]];
    }
    Windows w = prepared().windows();
    return new WindowBatch(w.inputs(origins), w.targets(origins), (long) origins.length * info.horizon());
  }

  @Override
  public Tensor loss(WindowBatch batch, ForwardMode mode) {
    return model.loss(batch.inputs(), batch.targets(), mode);
  }

  /**
   * {@code loss} (MSE of the scaled values, as in training), then RMSE and MAE in the original
   * units for lead 1 ({@code _h1}) and pooled over the whole horizon ({@code _hH}), for the model,
   * the naive baseline ({@code naive_}) and the seasonal-naive baseline ({@code seasonal_}), all
   * over the same windows, and their count ({@code windows}).
   */
  @Override
  public Map<String, Double> metrics(Split split) {
    PreparedSeries p = prepared();
    int[] origins = split == Split.TEST ? p.testOrigins() : p.validationOrigins();
    int h = info.horizon();
    int target = info.targetIndex();
    Scaler scaler = info.scaler();
    double[] y = p.series().column(target);
    ForecastErrors net = new ForecastErrors(h);
    ForecastErrors naive = new ForecastErrors(h);
    ForecastErrors seasonal = new ForecastErrors(h);
    double squares = 0;
    Windows w = p.windows();
    for (int from = 0; from < origins.length; from += EVAL_CHUNK) {
      int[] chunk = Arrays.copyOfRange(origins, from, Math.min(origins.length, from + EVAL_CHUNK));
      double[][] scaled;
      try (TensorScope scope = store.backend().scope()) {
        scaled = model.predict(w.inputs(chunk));
      }
      for (int i = 0; i < chunk.length; i++) {
        int t = chunk[i];
        double[] actual = Arrays.copyOfRange(y, t, t + h);
        double[] forecast = new double[h];
        for (int k = 0; k < h; k++) {
          double e = scaled[i][k] - scaler.apply(actual[k], target);
          squares += e * e;
          forecast[k] = scaler.invert(scaled[i][k], target);
        }
        net.add(forecast, actual);
        naive.add(Baselines.naive(y, t, h), actual);
        seasonal.add(Baselines.seasonal(y, t, h, data.season()), actual);
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("loss", squares / ((double) origins.length * h));
    put(out, "", net);
    put(out, "naive_", naive);
    put(out, "seasonal_", seasonal);
    out.put("windows", (double) origins.length);
    return out;
  }

  private static void put(Map<String, Double> out, String prefix, ForecastErrors e) {
    for (int k : e.horizon() == 1 ? new int[] {1} : new int[] {1, e.horizon()}) {
      out.put(prefix + "rmse_h" + k, e.rmse(k));
      out.put(prefix + "mae_h" + k, e.mae(k));
    }
  }

  /**
   * The next {@code steps} values of the target after {@code history} (rows of the model's
   * columns, original units, oldest first), in original units. Up to the model's horizon this is
   * one direct forecast; beyond it a univariate model feeds its forecasts back as input.
   *
   * @throws SeriesException when the history is too short, or a multivariate model is asked
   *     beyond its horizon (it does not forecast its other columns)
   */
  double[] forecast(double[][] history, int steps) {
    int l = info.inputLength();
    int h = info.horizon();
    if (history.length < l) {
      throw new SeriesException("the model reads " + l + " rows before a forecast; the input has "
          + history.length);
    }
    if (steps > h && info.columns().size() > 1) {
      throw new SeriesException(steps + " steps exceed the model's horizon of " + h + "; a model"
          + " reading several columns cannot feed its forecasts back (it forecasts only '"
          + info.target() + "')");
    }
    double[][] window = info.scaler().apply(Arrays.copyOfRange(history, history.length - l, history.length));
    double[] out = new double[steps];
    int done = 0;
    while (done < steps) {
      float[] inputs = new float[l * window[0].length];
      for (int r = 0; r < l; r++) {
        for (int c = 0; c < window[0].length; c++) {
          inputs[r * window[0].length + c] = (float) window[r][c];
        }
      }
      double[] scaled;
      try (TensorScope scope = store.backend().scope()) {
        scaled = model.predict(inputs)[0];
      }
      int take = Math.min(h, steps - done);
      for (int k = 0; k < take; k++) {
        out[done + k] = info.scaler().invert(scaled[k], info.targetIndex());
      }
      done += take;
      // Recursive continuation (univariate only): the forecasts become the newest inputs.
      double[][] next = new double[l][];
      for (int r = 0; r < l; r++) {
        int from = r + take; // index into window ++ scaled[0..take)
        next[r] = from < l ? window[from] : new double[] {scaled[from - l]};
      }
      window = next;
    }
    return out;
  }

  @Override
  public void writeExtras(Path modelDir) throws IOException {
    info.write(modelDir);
  }

  /** The series split into parts, for tests and the command. */
  PreparedSeries series() {
    return prepared();
  }

  /** The time series, for tests. */
  TimeSeries timeSeries() {
    return prepared().series();
  }
}
