package dev.seq2seq.task.forecasting.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.plugin.Plugins;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every cell type: the forecast's shape, gradients reaching every layer, and predict = forward. */
class ForecastModelTest {

  static Backend nativeBackend() {
    BackendProvider provider = Plugins.discover(ForecastModelTest.class.getClassLoader())
        .registry(BackendProvider.class).get("native");
    return provider.create(new BackendOptions(BackendOptions.Device.CPU, 1));
  }

  @ParameterizedTest
  @EnumSource(value = CellType.class, names = {"RNN_TANH", "LSTM", "GRU"})
  void forecastsEveryLeadAndBackPropagatesIntoEveryLayer(CellType cell) {
    try (Backend backend = nativeBackend()) {
      ParameterStore store = new ParameterStore(backend, 3);
      // 2 columns, windows of 4 rows, 3 leads, 2 stacked layers of 5.
      ForecastModel model = new ForecastModel(store, cell, 2, 5, 2, 0.0, 4, 3, 1, false);
      assertThat(store.parameters()).containsKeys("rnn.weight_ih_l0", "rnn.weight_hh_l1",
          "head.weight", "head.bias");
      SplittableRandom rng = new SplittableRandom(1);
      float[] inputs = new float[3 * 4 * 2];
      for (int i = 0; i < inputs.length; i++) {
        inputs[i] = (float) rng.nextGaussian();
      }
      float[] targets = {1, 2, 3, 4, 5, 6, 7, 8, 9};
      Tensor forecast = model.forward(inputs, ForwardMode.eval());
      assertThat(forecast.shape().dims()).containsExactly(3, 3);
      double[][] predicted = model.predict(inputs);
      float[] flat = forecast.toFloatArray();
      for (int b = 0; b < 3; b++) {
        for (int h = 0; h < 3; h++) {
          assertThat(predicted[b][h]).isEqualTo(flat[b * 3 + h]);
        }
      }
      // The loss is the mean of the squared differences, computed here by hand.
      double expected = 0;
      for (int i = 0; i < 9; i++) {
        expected += (flat[i] - targets[i]) * (flat[i] - targets[i]) / 9.0;
      }
      try (GradientTape tape = backend.gradientTape()) {
        Tensor loss = model.loss(inputs, targets, ForwardMode.eval());
        assertThat(loss.item()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-4));
        tape.backward(loss);
      }
      for (Parameter p : store.parameters().values()) {
        double norm = 0;
        for (double g : p.grad().toDoubleArray()) {
          norm += g * g;
        }
        assertThat(norm).as(p.name()).isPositive();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = CellType.class, names = {"LSTM", "GRU"})
  void aResidualModelAddsTheLastTargetValueToEveryLead(CellType cell) {
    try (Backend backend = nativeBackend()) {
      // Same seed and shapes: the same weights, so the outputs differ by exactly the last value.
      ForecastModel plain = new ForecastModel(new ParameterStore(backend, 5), cell, 2, 4, 1, 0.0, 3, 2, 1, false);
      ForecastModel residual = new ForecastModel(new ParameterStore(backend, 5), cell, 2, 4, 1, 0.0, 3, 2, 1, true);
      // Two windows of 3 rows x (other, target); the last target values are 7 and -2.
      float[] inputs = {0, 1, 0, 2, 5, 7, /**/ 1, 1, 1, 1, 3, -2};
      double[][] a = plain.predict(inputs);
      double[][] b = residual.predict(inputs);
      double[] last = {7, -2};
      for (int w = 0; w < 2; w++) {
        for (int h = 0; h < 2; h++) {
          assertThat(b[w][h]).isCloseTo(a[w][h] + last[w], org.assertj.core.api.Assertions.within(1e-5));
        }
      }
    }
  }
}
