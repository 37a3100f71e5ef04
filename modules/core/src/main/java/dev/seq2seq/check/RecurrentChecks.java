package dev.seq2seq.check;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient checks of every fused recurrent configuration: each cell type, one or two directions,
 * one or two layers, on a padded batch with a given initial state.
 */
public final class RecurrentChecks {
  /** Tiny sizes keep a check of every weight element fast. */
  public static final int BATCH = 3;

  public static final int TIME = 4;
  public static final int INPUT = 3;
  public static final int HIDDEN = 4;

  /** One full sequence and two shorter ones, so padding appears in both directions. */
  private static final int[] LENGTHS = {4, 2, 3};

  private RecurrentChecks() {}

  /** All 16 configurations, in a fixed order. */
  public static List<RecurrentSpec> configs() {
    List<RecurrentSpec> specs = new ArrayList<>();
    for (CellType cell : CellType.values()) {
      for (boolean bi : new boolean[] {false, true}) {
        for (int layers = 1; layers <= 2; layers++) {
          specs.add(new RecurrentSpec(cell, INPUT, HIDDEN, layers, bi));
        }
      }
    }
    return specs;
  }

  /** The check's name, such as {@code cell/lstm-bi-2layer}. */
  public static String name(RecurrentSpec spec) {
    return "cell/" + spec.cell().shortName() + "-" + (spec.bidirectional() ? "bi" : "uni") + "-"
        + spec.layers() + "layer";
  }

  /**
   * Seeded arguments of a recurrent call: input, lengths, initial state, weights.
   *
   * @param backend the backend whose fused layer runs
   * @param h0 initial hidden state {@code [layers*directions, batch, hidden]}
   * @param c0 initial cell state for LSTM, else null
   */
  public record Fixture(
      Backend backend, RecurrentSpec spec, Tensor input, int[] lengths, Tensor h0, Tensor c0, List<Tensor> weights) {

    /** Every differentiable argument: input, h0, c0 (LSTM), then the weights. */
    public List<Tensor> differentiable() {
      List<Tensor> all = new ArrayList<>();
      all.add(input);
      all.add(h0);
      if (c0 != null) {
        all.add(c0);
      }
      all.addAll(weights);
      return all;
    }

    /** The fused layer, run on arguments laid out as {@link #differentiable()}. */
    public RecurrentOutput run(List<Tensor> args) {
      boolean lstm = spec.cell() == CellType.LSTM;
      int w = lstm ? 3 : 2;
      RecurrentState state = new RecurrentState(args.get(1), lstm ? args.get(2) : null);
      return backend.recurrent(
          spec, args.get(0), lengths, state, args.subList(w, args.size()));
    }
  }

  /**
   * Seeded data for {@code spec}. Weights are uniform on {@code +-1/sqrt(hidden)} as PyTorch
   * initialises them; inputs at padded steps are large garbage, which must not leak anywhere.
   */
  public static Fixture fixture(Backend backend, RecurrentSpec spec, int[] lengths) {
    CheckData d = CheckData.forName(backend, name(spec));
    int[] lens = lengths.clone();
    float[] x = d.uniformArray(BATCH * TIME * INPUT, -1, 1);
    for (int b = 0; b < BATCH; b++) {
      for (int t = lens[b]; t < TIME; t++) {
        for (int i = 0; i < INPUT; i++) {
          x[(b * TIME + t) * INPUT + i] = 50f + i;
        }
      }
    }
    int states = spec.layers() * spec.directions();
    Tensor h0 = d.uniform(-0.5, 0.5, states, BATCH, HIDDEN);
    Tensor c0 = spec.cell() == CellType.LSTM ? d.uniform(-0.5, 0.5, states, BATCH, HIDDEN) : null;
    double bound = 1 / Math.sqrt(HIDDEN);
    List<Tensor> weights = new ArrayList<>();
    for (int i = 0; i < spec.weightNames().size(); i++) {
      weights.add(d.uniform(-bound, bound, spec.weightShape(i)));
    }
    return new Fixture(backend, spec, backend.of(x, BATCH, TIME, INPUT), lens, h0, c0, weights);
  }

  public static Fixture fixture(Backend backend, RecurrentSpec spec) {
    return fixture(backend, spec, LENGTHS);
  }

  /** Output, final hidden and (LSTM) final cell state, flattened into one vector. */
  public static Tensor flatten(RecurrentOutput out) {
    List<Tensor> parts = new ArrayList<>();
    parts.add(out.output().reshape(-1));
    parts.add(out.state().h().reshape(-1));
    if (out.state().c() != null) {
      parts.add(out.state().c().reshape(-1));
    }
    return Tensor.concat(parts, 0);
  }

  /**
   * Checks the gradients of output and final state with respect to input, initial state and
   * every weight. ReLU cells may cross their kink within a finite-difference step, so those
   * points are skipped (see {@link GradientCheck.Settings#skipKinks()}).
   */
  public static CheckResult check(Backend backend, RecurrentSpec spec) {
    String name = name(spec);
    try {
      Fixture f = fixture(backend, spec);
      GradientCheck.Settings s = GradientCheck.Settings.forBackend(backend)
          .withSkipKinks(spec.cell() == CellType.RNN_RELU);
      return GradientCheck.check(name, backend, f.differentiable(), a -> flatten(f.run(a)), s);
    } catch (RuntimeException e) {
      return new CheckResult(name, false, Double.NaN, GradientCheck.describe(e));
    }
  }
}
