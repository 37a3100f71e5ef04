package dev.seq2seq.testkit;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The readable definition of PyTorch's recurrent cells, written step by step with ordinary tensor
 * ops, against which every backend's fused {@link Backend#recurrent} is compared.
 *
 * <p>For each layer and direction the cell runs over all {@code T} steps (the reverse direction
 * from {@code T-1} down to 0). A per-step mask {@code m[b] = t < length[b]} keeps the state of a
 * sequence unchanged at its padded steps, {@code h = m*h' + (1-m)*h}, so the forward direction's
 * final state is the one after the last valid step, and the reverse direction starts from its
 * initial state at the last valid step. The output at a padded step is {@code m*h' = 0}.
 *
 * <p>Gates, with {@code x W^T} written as {@code x.matmul(W.transpose(0, 1))}:
 *
 * <ul>
 *   <li>RNN: {@code h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh)}
 *   <li>LSTM, rows {@code i, f, g, o}: {@code i, f, o = sigmoid(.)}, {@code g = tanh(.)}, {@code
 *       c' = f*c + i*g}, {@code h' = o*tanh(c')}
 *   <li>GRU, rows {@code r, z, n}: {@code r, z = sigmoid(gi + gh)}, {@code n = tanh(gi_n + r *
 *       gh_n)} (the reset gate multiplies the recurrent term including its bias), {@code h' =
 *       (1-z)*n + z*h}
 * </ul>
 */
public final class ReferenceRecurrence {
  private ReferenceRecurrence() {}

  /** Same contract as {@link Backend#recurrent}; {@code initial} must be given here. */
  public static RecurrentOutput run(
      RecurrentSpec spec, Tensor input, int[] lengths, RecurrentState initial,
      List<Tensor> weights) {
    Backend backend = input.backend();
    int batch = input.shape().dim(0);
    int time = input.shape().dim(1);
    int hidden = spec.hiddenSize();
    int[] lens = lengths != null ? lengths : filled(batch, time);
    List<Tensor> masks = new ArrayList<>(time);
    for (int t = 0; t < time; t++) {
      float[] m = new float[batch];
      for (int b = 0; b < batch; b++) {
        m[b] = t < lens[b] ? 1f : 0f;
      }
      masks.add(backend.of(m, batch, 1).to(input.dtype()));
    }
    boolean lstm = spec.cell() == CellType.LSTM;
    Tensor layerInput = input;
    List<Tensor> finalH = new ArrayList<>();
    List<Tensor> finalC = new ArrayList<>();
    for (int layer = 0; layer < spec.layers(); layer++) {
      List<Tensor> directionOutputs = new ArrayList<>();
      for (int dir = 0; dir < spec.directions(); dir++) {
        int index = layer * spec.directions() + dir;
        int w = index * 4;
        Tensor h = initial.h().slice(0, index, index + 1).reshape(batch, hidden);
        Tensor c = lstm ? initial.c().slice(0, index, index + 1).reshape(batch, hidden) : null;
        Tensor[] outputs = new Tensor[time];
        for (int s = 0; s < time; s++) {
          int t = dir == 0 ? s : time - 1 - s;
          Tensor x = layerInput.slice(1, t, t + 1).reshape(batch, -1);
          Tensor[] next = step(spec.cell(), x, h, c, weights.subList(w, w + 4), hidden);
          Tensor m = masks.get(t);
          Tensor keep = m.neg().add(1.0);
          h = next[0].mul(m).add(h.mul(keep));
          if (lstm) {
            c = next[1].mul(m).add(c.mul(keep));
          }
          outputs[t] = next[0].mul(m);
        }
        directionOutputs.add(backend.stack(Arrays.asList(outputs), 1));
        finalH.add(h);
        if (lstm) {
          finalC.add(c);
        }
      }
      layerInput = directionOutputs.size() == 1
          ? directionOutputs.get(0)
          : Tensor.concat(directionOutputs, 2);
    }
    RecurrentState state = new RecurrentState(
        backend.stack(finalH, 0), lstm ? backend.stack(finalC, 0) : null);
    return new RecurrentOutput(layerInput, state);
  }

  /**
   * One cell step.
   *
   * @param w {@code weight_ih, weight_hh, bias_ih, bias_hh} of one layer and direction
   * @return the new hidden state and, for LSTM, the new cell state
   */
  static Tensor[] step(CellType cell, Tensor x, Tensor h, Tensor c, List<Tensor> w, int hidden) {
    Tensor gi = x.matmul(w.get(0).transpose(0, 1)).add(w.get(2));
    Tensor gh = h.matmul(w.get(1).transpose(0, 1)).add(w.get(3));
    switch (cell) {
      case RNN_TANH:
        return new Tensor[] {gi.add(gh).tanh()};
      case RNN_RELU:
        return new Tensor[] {gi.add(gh).relu()};
      case LSTM: {
        Tensor g = gi.add(gh);
        Tensor in = gate(g, 0, hidden).sigmoid();
        Tensor forget = gate(g, 1, hidden).sigmoid();
        Tensor cand = gate(g, 2, hidden).tanh();
        Tensor out = gate(g, 3, hidden).sigmoid();
        Tensor c2 = forget.mul(c).add(in.mul(cand));
        return new Tensor[] {out.mul(c2.tanh()), c2};
      }
      case GRU: {
        Tensor r = gate(gi, 0, hidden).add(gate(gh, 0, hidden)).sigmoid();
        Tensor z = gate(gi, 1, hidden).add(gate(gh, 1, hidden)).sigmoid();
        Tensor n = gate(gi, 2, hidden).add(r.mul(gate(gh, 2, hidden))).tanh();
        // (1-z)*n + z*h
        return new Tensor[] {z.neg().add(1.0).mul(n).add(z.mul(h))};
      }
      default:
        throw new IllegalArgumentException("unknown cell " + cell);
    }
  }

  private static Tensor gate(Tensor g, int k, int hidden) {
    return g.slice(1, k * hidden, (k + 1) * hidden);
  }

  private static int[] filled(int n, int value) {
    int[] a = new int[n];
    Arrays.fill(a, value);
    return a;
  }
}
