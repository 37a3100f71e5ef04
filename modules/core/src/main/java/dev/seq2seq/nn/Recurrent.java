package dev.seq2seq.nn;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of recurrent layers over a padded batch, as PyTorch's {@code nn.RNN/LSTM/GRU} with
 * {@code batch_first=True}: the parameters are named exactly as PyTorch names them ({@code
 * weight_ih_l0}, {@code bias_hh_l1_reverse}, ...) and initialised U(±1/sqrt(hidden)).
 *
 * <p>Without inter-layer dropout (or when evaluating) the whole stack is one fused {@link
 * Backend#recurrent} call. With dropout while training it runs one fused call per layer and drops
 * elements of each layer's output before the next layer, as PyTorch does (never after the last).
 */
public final class Recurrent {
  private final RecurrentSpec spec;
  private final double dropout;
  private final Backend backend;
  private final List<Parameter> weights;

  public Recurrent(ParameterStore store, RecurrentSpec spec, double dropout) {
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    this.spec = spec;
    this.dropout = dropout;
    this.backend = store.backend();
    Init init = Init.uniform(1.0 / Math.sqrt(spec.hiddenSize()));
    List<String> names = spec.weightNames();
    List<Parameter> created = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      created.add(store.create(names.get(i), init, spec.weightShape(i)));
    }
    this.weights = List.copyOf(created);
  }

  /**
   * @param input {@code [B, T, inputSize]}
   * @param lengths valid steps per sequence, or null when every sequence fills {@code T}
   * @param initial {@code [L*D, B, H]} states, or null for zeros
   * @return output {@code [B, T, D*H]} (zero past each length) and the final state {@code [L*D,
   *     B, H]}
   */
  public RecurrentOutput forward(
      Tensor input, int[] lengths, RecurrentState initial, ForwardMode mode) {
    checkInput(input, lengths);
    if (!mode.training() || dropout == 0 || spec.layers() == 1) {
      return backend.recurrent(spec, input, lengths, initial, values(0, weights.size()));
    }
    int d = spec.directions();
    int perLayer = 4 * d;
    List<Tensor> hs = new ArrayList<>(spec.layers());
    List<Tensor> cs = new ArrayList<>(spec.layers());
    Tensor x = input;
    for (int l = 0; l < spec.layers(); l++) {
      RecurrentSpec one =
          new RecurrentSpec(spec.cell(), spec.layerInputSize(l), spec.hiddenSize(), 1, d == 2);
      RecurrentState init = initial == null ? null : layerState(initial, l * d, (l + 1) * d);
      RecurrentOutput out =
          backend.recurrent(one, x, lengths, init, values(l * perLayer, (l + 1) * perLayer));
      hs.add(out.state().h());
      if (out.state().c() != null) {
        cs.add(out.state().c());
      }
      x = l + 1 < spec.layers() ? mode.dropout(out.output(), dropout) : out.output();
    }
    RecurrentState fin =
        new RecurrentState(Tensor.concat(hs, 0), cs.isEmpty() ? null : Tensor.concat(cs, 0));
    return new RecurrentOutput(x, fin);
  }

  public RecurrentSpec spec() {
    return spec;
  }

  public double dropout() {
    return dropout;
  }

  /** The weights in {@link RecurrentSpec#weightNames()} order. */
  public List<Parameter> parameters() {
    return weights;
  }

  private static RecurrentState layerState(RecurrentState s, int from, int to) {
    return new RecurrentState(
        s.h().slice(0, from, to), s.c() == null ? null : s.c().slice(0, from, to));
  }

  private List<Tensor> values(int from, int to) {
    List<Tensor> out = new ArrayList<>(to - from);
    for (Parameter p : weights.subList(from, to)) {
      out.add(p.value());
    }
    return out;
  }

  private void checkInput(Tensor input, int[] lengths) {
    if (input.shape().rank() != 3 || input.shape().dim(2) != spec.inputSize()) {
      throw new IllegalArgumentException(
          "recurrent input must be [B, T, " + spec.inputSize() + "], got " + input.shape());
    }
    if (lengths != null && lengths.length != input.shape().dim(0)) {
      throw new IllegalArgumentException(
          lengths.length + " lengths for a batch of " + input.shape().dim(0));
    }
  }
}
