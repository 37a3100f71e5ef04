package dev.seq2seq.check;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import dev.seq2seq.loss.CrossEntropy;
import dev.seq2seq.loss.Ctc;
import dev.seq2seq.loss.MeanSquaredError;
import dev.seq2seq.nn.EncoderOutput;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.attention.AdditiveAttention;
import dev.seq2seq.nn.attention.Attention;
import dev.seq2seq.nn.attention.DotAttention;
import dev.seq2seq.nn.attention.GeneralAttention;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the same computation on two backends and compares forward values and gradients: every op
 * of {@link OpChecks}, every recurrent configuration of {@link RecurrentChecks}, the three
 * attentions and the losses. Inputs come from {@link CheckData}, which gives every backend the same
 * numbers, and parameters from a {@link ParameterStore} with one seed, which does too. Where a
 * gradient check proves a backend self-consistent, this proves two backends agree, which catches
 * a convention that both get "right" differently (a gate order, a padding rule).
 *
 * <p>Each output is back-propagated with the same seeded upstream gradient on both sides, so
 * every element of every input gradient is compared, not only a sum.
 */
public final class ParityCheck {
  /** Largest mixed error {@code |a - b| / max(1, |b|)} of forward values. */
  public static final double FORWARD_TOLERANCE = 1e-5;

  /** Largest mixed error of gradients: backward sums more float32 terms than forward. */
  public static final double GRADIENT_TOLERANCE = 1e-4;

  private ParityCheck() {}

  /** One side of a comparison: leaves to differentiate, and the function of them. */
  public record Side(List<Tensor> inputs, Function<List<Tensor>, Tensor> function) {}

  /** A named computation that can be set up on any backend. */
  public record Case(String name, Function<Backend, Side> setup) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Every case on {@code a}, compared with {@code reference}; names start with {@code parity/}. */
  public static List<CheckResult> run(Backend a, Backend reference) {
    List<CheckResult> results = new ArrayList<>();
    for (Case c : cases()) {
      results.add(compare(c, a, reference));
    }
    return results;
  }

  /** Every case, in a fixed order: ops, cells, attentions, losses. */
  public static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (OpChecks.OpCase op : OpChecks.cases()) {
      cases.add(new Case(op.name(), b ->
          new Side(op.inputs().apply(CheckData.forName(b, op.name())), op.function())));
    }
    for (RecurrentSpec spec : RecurrentChecks.configs()) {
      cases.add(new Case(RecurrentChecks.name(spec), b -> {
        RecurrentChecks.Fixture f = RecurrentChecks.fixture(b, spec);
        return new Side(f.differentiable(), x -> RecurrentChecks.flatten(f.run(x)));
      }));
    }
    cases.add(attention("attention/dot", s -> new DotAttention(6)));
    cases.add(attention("attention/general", s -> new GeneralAttention(s, 6, 6)));
    cases.add(attention("attention/additive", s -> new AdditiveAttention(s, 6, 6, 5)));
    losses(cases);
    return cases;
  }

  /** Compares one case; a case that throws on either side is reported as failed. */
  public static CheckResult compare(Case c, Backend a, Backend reference) {
    String name = "parity/" + c.name();
    try {
      Outcome x = evaluate(c, a);
      Outcome y = evaluate(c, reference);
      if (x.grads.size() != y.grads.size() || x.value.length != y.value.length) {
        return new CheckResult(name, false, Double.NaN, "different output or input counts");
      }
      double forward = mixedError(x.value, y.value);
      double gradient = 0;
      for (int i = 0; i < x.grads.size(); i++) {
        gradient = Math.max(gradient, mixedError(x.grads.get(i), y.grads.get(i)));
      }
      boolean passed = forward <= FORWARD_TOLERANCE && gradient <= GRADIENT_TOLERANCE;
      String detail = passed ? "" : String.format(java.util.Locale.ROOT,
          "forward error %.2e (tolerance %.0e), gradient error %.2e (tolerance %.0e)",
          forward, FORWARD_TOLERANCE, gradient, GRADIENT_TOLERANCE);
      return new CheckResult(name, passed, Math.max(forward, gradient), detail);
    } catch (RuntimeException e) {
      return new CheckResult(name, false, Double.NaN, GradientCheck.describe(e));
    }
  }

  /** Forward values and the gradient of every floating input, copied to the host. */
  private record Outcome(double[] value, List<double[]> grads) {}

  private static Outcome evaluate(Case c, Backend backend) {
    try (TensorScope scope = backend.scope()) {
      Side side = c.setup().apply(backend);
      for (Tensor t : side.inputs()) {
        if (t.dtype() != DType.INT32 && !t.requiresGrad()) {
          t.requireGrad();
        }
      }
      double[] value;
      try (GradientTape tape = backend.gradientTape()) {
        Tensor out = side.function().apply(side.inputs());
        value = out.toDoubleArray();
        // The same upstream gradient on both backends: CheckData is seeded by name alone.
        Tensor seed = CheckData.forName(backend, c.name() + "/upstream")
            .uniform(-1, 1, out.shape().dims()).to(out.dtype());
        tape.backward(out, seed);
      }
      List<double[]> grads = new ArrayList<>();
      for (Tensor t : side.inputs()) {
        if (t.dtype() == DType.INT32) {
          continue;
        }
        Tensor g = t.grad();
        // No gradient reached this input: it is zero, which the other side must agree with.
        grads.add(g == null ? new double[t.shape().sizeInt()] : g.toDoubleArray());
      }
      return new Outcome(value, grads);
    }
  }

  /** {@code max |a - b| / max(1, |b|)}: relative for large values, absolute near zero. */
  static double mixedError(double[] a, double[] b) {
    if (a.length != b.length) {
      return Double.POSITIVE_INFINITY;
    }
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
        if (Double.isNaN(a[i]) != Double.isNaN(b[i])) {
          return Double.POSITIVE_INFINITY; // NaN on one side only
        }
        continue;
      }
      worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
    }
    return worst;
  }

  // ---- attention and losses -------------------------------------------------------------------

  private static final int[] SOURCE_LENGTHS = {5, 3, 1};

  /** Attention over a padded batch of 3 sources (5, 3 and 1 steps); parameters seeded alike. */
  private static Case attention(String name, Function<ParameterStore, Attention> make) {
    return new Case(name, b -> {
      ParameterStore store = new ParameterStore(b, 17);
      Attention attention = make.apply(store.child("attention"));
      CheckData d = CheckData.forName(b, name);
      Tensor query = d.uniform(-1, 1, 3, attention.querySize());
      Tensor states = d.uniform(-1, 1, 3, 5, attention.keySize());
      List<Tensor> inputs = new ArrayList<>(List.of(query, states));
      // Parameters are leaves too: their gradients are compared with the inputs'.
      store.parameters().values().forEach(p -> inputs.add(p.value()));
      return new Side(inputs, x -> {
        EncoderOutput enc = new EncoderOutput(x.get(1), SOURCE_LENGTHS, mask(b), null);
        var r = attention.attend(x.get(0), enc);
        return Tensor.concat(List.of(r.context().reshape(-1), r.weights().reshape(-1)), 0);
      });
    });
  }

  private static Tensor mask(Backend b) {
    float[] m = new float[3 * 5];
    for (int i = 0; i < 3; i++) {
      for (int t = SOURCE_LENGTHS[i]; t < 5; t++) {
        m[i * 5 + t] = 1;
      }
    }
    return b.of(m, 3, 5);
  }

  private static void losses(List<Case> cases) {
    // Rows 2 and 5 are padding (target 0): they must get no loss and no gradient.
    int[] targets = {3, 1, 0, 4, 2, 0};
    cases.add(new Case("loss/cross-entropy", b -> new Side(
        List.of(CheckData.forName(b, "loss/cross-entropy").uniform(-2, 2, 6, 5)),
        x -> new CrossEntropy(0, 0.0).loss(x.get(0), b.ofInts(targets, 6)))));
    cases.add(new Case("loss/cross-entropy-smoothed", b -> new Side(
        List.of(CheckData.forName(b, "loss/cross-entropy-smoothed").uniform(-2, 2, 6, 5)),
        x -> new CrossEntropy(0, 0.1).loss(x.get(0), b.ofInts(targets, 6)))));
    cases.add(new Case("loss/mse", b -> {
      CheckData d = CheckData.forName(b, "loss/mse");
      Tensor target = d.uniform(-1, 1, 4, 3);
      return new Side(List.of(d.uniform(-1, 1, 4, 3)),
          x -> MeanSquaredError.loss(x.get(0), target));
    }));
    cases.add(new Case("loss/mse-masked", b -> {
      CheckData d = CheckData.forName(b, "loss/mse-masked");
      Tensor target = d.uniform(-1, 1, 2, 3, 2);
      Tensor keep = b.of(new float[] {1, 1, 0, 1, 0, 0}, 2, 3);
      return new Side(List.of(d.uniform(-1, 1, 2, 3, 2)),
          x -> MeanSquaredError.loss(x.get(0), target, keep));
    }));
    // Padded frames, a repeated label and an empty target.
    cases.add(new Case("loss/ctc", b -> new Side(
        List.of(CheckData.forName(b, "loss/ctc").uniform(-2, 2, 3, 7, 5)),
        x -> new Ctc(0, false).loss(x.get(0), new int[] {7, 5, 2},
            new int[][] {{1, 2, 3}, {2, 2}, {}}))));
  }
}
