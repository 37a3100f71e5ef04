package dev.seq2seq.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.recurrent.RNN;
import ai.djl.pytorch.jni.JniUtils;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Backend.recurrent} through PyTorch's fused {@code rnn/lstm/gru} operators, whose weight
 * order and gate layouts are the SPI's.
 *
 * <p>When every sequence is full the whole stack is one fused call; a padded batch goes through
 * {@link PackedRecurrence}, because PyTorch's operators take no lengths.
 */
final class DjlRecurrent {
  private final DjlBackend backend;

  DjlRecurrent(DjlBackend backend) {
    this.backend = backend;
  }

  RecurrentOutput run(RecurrentSpec spec, Tensor input, int[] lengths, RecurrentState initial,
      List<Tensor> weights) {
    int[] dims = check(spec, input, lengths, weights);
    int batch = dims[0];
    int time = dims[1];
    int states = spec.layers() * spec.directions();
    NDArray x = backend.nd(input);
    ai.djl.ndarray.types.Shape stateShape =
        Shapes.djl(states, batch, spec.hiddenSize());
    NDArray h0 = initial != null ? backend.nd(initial.h())
        : backend.manager().zeros(stateShape, x.getDataType());
    NDArray c0 = null;
    if (spec.cell() == CellType.LSTM) {
      c0 = initial != null && initial.c() != null ? backend.nd(initial.c())
          : backend.manager().zeros(stateShape, x.getDataType());
    }
    NDList params = new NDList(weights.size());
    for (Tensor w : weights) {
      params.add(backend.nd(w));
    }
    boolean full = lengths == null || Arrays.stream(lengths).allMatch(l -> l == time);
    // Outside a tape PyTorch would pick other kernels (those for arguments that need no gradient),
    // which round differently. Running on leaf aliases that require one, with grad mode on, and
    // detaching the results keeps decoding bit-identical to training.
    boolean recording = backend.recording();
    if (!recording) {
      x = differentiableAlias(x);
      h0 = differentiableAlias(h0);
      c0 = c0 == null ? null : differentiableAlias(c0);
      NDList aliases = new NDList(params.size());
      for (NDArray p : params) {
        aliases.add(differentiableAlias(p));
      }
      params = aliases;
    }
    NDList r;
    JniUtils.setGradMode(true);
    try {
      r = full
          ? fused(spec.cell(), x, h0, c0, params, spec.layers(), spec.bidirectional())
          : new PackedRecurrence(backend.manager(), spec, lengths, time).run(x, h0, c0, params);
    } finally {
      JniUtils.setGradMode(recording);
    }
    Tensor[] out = new Tensor[r.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = backend.wrap(recording ? r.get(i) : r.get(i).stopGradient());
    }
    return new RecurrentOutput(out[0], new RecurrentState(out[1], out.length > 2 ? out[2] : null));
  }

  private static NDArray differentiableAlias(NDArray a) {
    NDArray alias = a.stopGradient();
    alias.setRequiresGradient(true);
    return alias;
  }

  /** {@code [output, h_n]} or, for LSTM, {@code [output, h_n, c_n]}; batch-first. */
  static NDList fused(CellType cell, NDArray x, NDArray h, NDArray c, NDList params, int layers,
      boolean bidirectional) {
    // Always the training kernels, so that a value never depends on whether a tape is open
    // (PyTorch may pick other kernels for inference). Dropout is 0, so nothing else changes.
    boolean training = true;
    var ex = x.getNDArrayInternal();
    return switch (cell) {
      case LSTM -> ex.lstm(x, new NDList(h, c), params, true, layers, 0, training, bidirectional,
          true);
      case GRU -> ex.gru(x, h, params, true, layers, 0, training, bidirectional, true);
      case RNN_TANH, RNN_RELU -> ex.rnn(x, h, params, true, layers,
          cell == CellType.RNN_TANH ? RNN.Activation.TANH : RNN.Activation.RELU, 0, training,
          bidirectional, true);
    };
  }

  private static int[] check(RecurrentSpec spec, Tensor input, int[] lengths,
      List<Tensor> weights) {
    int[] d = input.shape().dims();
    if (d.length != 3 || d[2] != spec.inputSize()) {
      throw new IllegalArgumentException("recurrent input must be [batch, time, "
          + spec.inputSize() + "], got " + input.shape());
    }
    if (weights.size() != spec.weightNames().size()) {
      throw new IllegalArgumentException("recurrent layer needs " + spec.weightNames().size()
          + " weights, got " + weights.size());
    }
    for (int i = 0; i < weights.size(); i++) {
      if (!Arrays.equals(weights.get(i).shape().dims(), spec.weightShape(i))) {
        throw new IllegalArgumentException(spec.weightNames().get(i) + " must be "
            + Arrays.toString(spec.weightShape(i)) + ", got " + weights.get(i).shape());
      }
    }
    if (lengths != null) {
      if (lengths.length != d[0]) {
        throw new IllegalArgumentException(
            lengths.length + " lengths for a batch of " + d[0]);
      }
      for (int len : lengths) {
        if (len < 0 || len > d[1]) {
          throw new IllegalArgumentException("length " + len + " outside 0.." + d[1]);
        }
      }
    }
    return d;
  }
}
