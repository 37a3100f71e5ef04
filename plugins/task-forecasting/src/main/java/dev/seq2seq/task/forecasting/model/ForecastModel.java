package dev.seq2seq.task.forecasting.model;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.loss.MeanSquaredError;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.Recurrent;

/**
 * Window of past rows → stacked recurrent layers → the top layer's last hidden state → one
 * linear layer → {@code horizon} scaled forecasts of the target, all at once (direct multi-step:
 * no forecast is fed back, so errors do not compound within the horizon). Parameters: {@code
 * rnn.weight_ih_l0} ... (PyTorch's names) and {@code head.weight}, {@code head.bias}.
 *
 * <p>Residual: the head predicts the change from the window's last target value, which is added
 * back; the untrained network then starts near the naive forecast instead of near the mean.
 */
public final class ForecastModel {
  private final Backend backend;
  private final Recurrent rnn;
  private final Linear head;
  private final int features;
  private final int inputLength;
  private final int horizon;
  private final int target;
  private final boolean residual;

  /**
   * @param features columns per input row
   * @param inputLength rows per window
   * @param horizon forecasts per window
   * @param target the target's column among the features
   * @param residual whether the outputs are changes from the last target value
   */
  public ForecastModel(ParameterStore store, CellType cell, int features, int hidden, int layers,
      double dropout, int inputLength, int horizon, int target, boolean residual) {
    if (target < 0 || target >= features) {
      throw new IllegalArgumentException("target column " + target + " of " + features);
    }
    this.backend = store.backend();
    this.rnn = new Recurrent(store.child("rnn"),
        new RecurrentSpec(cell, features, hidden, layers, false), dropout);
    this.head = new Linear(store.child("head"), hidden, horizon);
    this.features = features;
    this.inputLength = inputLength;
    this.horizon = horizon;
    this.target = target;
    this.residual = residual;
  }

  /**
   * @param inputs {@code [B, L, F]} scaled rows, flattened row-major
   * @return {@code [B, H]} scaled forecasts
   */
  public Tensor forward(float[] inputs, ForwardMode mode) {
    int batch = inputs.length / (inputLength * features);
    if (batch * inputLength * features != inputs.length || batch == 0) {
      throw new IllegalArgumentException(inputs.length + " input values are not whole windows of "
          + inputLength + " rows x " + features + " columns");
    }
    Tensor x = backend.of(inputs, batch, inputLength, features);
    Tensor states = rnn.forward(x, null, null, mode).output(); // [B, L, hidden]
    int hidden = states.shape().dim(2);
    Tensor last = states.slice(1, inputLength - 1, inputLength).reshape(batch, hidden);
    Tensor out = head.forward(last); // [B, H]
    if (!residual) {
      return out;
    }
    Tensor lastValue = x.slice(1, inputLength - 1, inputLength).slice(2, target, target + 1)
        .reshape(batch, 1);
    return out.add(lastValue); // broadcast over the horizon
  }

  /** Mean squared error of the forecasts against {@code targets} ({@code [B, H]}, scaled). */
  public Tensor loss(float[] inputs, float[] targets, ForwardMode mode) {
    Tensor prediction = forward(inputs, mode);
    int batch = prediction.shape().dim(0);
    if (targets.length != batch * horizon) {
      throw new IllegalArgumentException(targets.length + " targets for " + batch
          + " windows of horizon " + horizon);
    }
    return MeanSquaredError.loss(prediction, backend.of(targets, batch, horizon));
  }

  /** Scaled forecasts as host arrays, {@code [B][H]}, without recording gradients. */
  public double[][] predict(float[] inputs) {
    float[] flat = forward(inputs, ForwardMode.eval()).toFloatArray();
    double[][] out = new double[flat.length / horizon][horizon];
    for (int b = 0; b < out.length; b++) {
      for (int h = 0; h < horizon; h++) {
        out[b][h] = flat[b * horizon + h];
      }
    }
    return out;
  }

  public int inputLength() {
    return inputLength;
  }

  public int horizon() {
    return horizon;
  }

  public int features() {
    return features;
  }
}
