package dev.seq2seq.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.recurrent.RNN;
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
 * <p>When every sequence is full the whole stack is one fused call. PyTorch's operators take no
 * lengths, so a padded batch runs each layer and direction one step at a time with ordinary ops
 * (input projections as one GEMM over all steps), freezing a sequence's state once it is past its
 * length and zeroing its outputs there: the reverse direction thus starts at each sequence's last
 * valid step, and final states are taken at each sequence's own end.
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
    NDList r = full
        ? fused(spec.cell(), x, h0, c0, params, spec.layers(), spec.bidirectional())
        : stepwise(spec, x, lengths, h0, c0, params);
    Tensor c = r.size() > 2 ? backend.wrap(r.get(2)) : null;
    return new RecurrentOutput(backend.wrap(r.get(0)),
        new RecurrentState(backend.wrap(r.get(1)), c));
  }

  /** {@code [output, h_n]} or, for LSTM, {@code [output, h_n, c_n]}; batch-first. */
  private NDList fused(CellType cell, NDArray x, NDArray h, NDArray c, NDList params, int layers,
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

  private NDList stepwise(RecurrentSpec spec, NDArray x, int[] lengths, NDArray h0, NDArray c0,
      NDList params) {
    int batch = lengths.length;
    int time = Math.toIntExact(x.getShape().get(1));
    float[] valid = new float[batch * time];
    for (int b = 0; b < batch; b++) {
      Arrays.fill(valid, b * time, b * time + lengths[b], 1f);
    }
    NDArray isValid = backend.manager().create(valid, Shapes.djl(batch, time, 1))
        .toType(DataType.BOOLEAN, false);
    NDArray zero = backend.manager().zeros(new ai.djl.ndarray.types.Shape(), x.getDataType());
    int dirs = spec.directions();
    NDArray layerInput = x;
    NDArray[] hN = new NDArray[spec.layers() * dirs];
    NDArray[] cN = c0 == null ? null : new NDArray[hN.length];
    for (int l = 0; l < spec.layers(); l++) {
      NDList outputs = new NDList(dirs);
      for (int d = 0; d < dirs; d++) {
        int k = l * dirs + d;
        NDArray wih = params.get(4 * k);
        NDArray whhT = params.get(4 * k + 1).transpose();
        NDArray bhh = params.get(4 * k + 3);
        // The input projection of every step at once: one GEMM per layer and direction.
        NDArray xProj = layerInput.matMul(wih.transpose()).add(params.get(4 * k + 2));
        NDArray h = h0.get(k);
        NDArray c = c0 == null ? null : c0.get(k);
        NDArray[] steps = new NDArray[time];
        for (int s = 0; s < time; s++) {
          int t = d == 0 ? s : time - 1 - s;
          NDArray gi = step(xProj, t).squeeze(1);
          NDArray gh = h.matMul(whhT).add(bhh);
          NDArray[] next = cell(spec.cell(), gi, gh, h, c);
          NDArray on = step(isValid, t).squeeze(1);
          h = DjlBackend.where(on, next[0], h);
          if (c != null) {
            c = DjlBackend.where(on, next[1], c);
          }
          // where, not a product with the mask: padded outputs must be +0, never -0.
          steps[t] = DjlBackend.where(on, next[0], zero);
        }
        outputs.add(NDArrays.stack(new NDList(steps), 1));
        hN[k] = h;
        if (cN != null) {
          cN[k] = c;
        }
      }
      layerInput = dirs == 1 ? outputs.get(0) : NDArrays.concat(outputs, 2);
    }
    NDList r = new NDList(layerInput, NDArrays.stack(new NDList(hN), 0));
    if (cN != null) {
      r.add(NDArrays.stack(new NDList(cN), 0));
    }
    return r;
  }

  /**
   * One step of a cell from its projections {@code gi = W_ih x + b_ih} and {@code gh = W_hh h +
   * b_hh}, with the gate layouts of {@link CellType}: {@code [h']} or, for LSTM, {@code [h', c']}.
   */
  private static NDArray[] cell(CellType type, NDArray gi, NDArray gh, NDArray h, NDArray c) {
    switch (type) {
      case RNN_TANH:
        return new NDArray[] {gi.add(gh).tanh()};
      case RNN_RELU:
        return new NDArray[] {Activation.relu(gi.add(gh))};
      case LSTM: {
        NDList g = gi.add(gh).split(4, 1);
        NDArray i = Activation.sigmoid(g.get(0));
        NDArray f = Activation.sigmoid(g.get(1));
        NDArray cNew = f.mul(c).add(i.mul(g.get(2).tanh()));
        NDArray hNew = Activation.sigmoid(g.get(3)).mul(cNew.tanh());
        return new NDArray[] {hNew, cNew};
      }
      case GRU: {
        NDList a = gi.split(3, 1);
        NDList b = gh.split(3, 1);
        NDArray r = Activation.sigmoid(a.get(0).add(b.get(0)));
        NDArray z = Activation.sigmoid(a.get(1).add(b.get(1)));
        NDArray n = a.get(2).add(r.mul(b.get(2))).tanh();
        // h' = (1 - z) * n + z * h = n + z * (h - n)
        return new NDArray[] {n.add(z.mul(h.sub(n)))};
      }
      default:
        throw new IllegalStateException("unknown cell " + type);
    }
  }

  /** {@code a[:, t:t+1]}. */
  private static NDArray step(NDArray a, int t) {
    return a.get(new NDIndex().addAllDim().addSliceDim(t, t + 1));
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
