package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.check.CheckData;
import dev.seq2seq.check.CheckResult;
import dev.seq2seq.check.RecurrentChecks;
import dev.seq2seq.check.RecurrentChecks.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused recurrent layer of every cell type, one or two directions and one or two layers, on a
 * padded batch with variable lengths and a given initial state: against {@link
 * ReferenceRecurrence} (forward and gradients), by finite differences, and for the padding
 * contract of {@link dev.seq2seq.backend.Backend#recurrent}.
 */
public abstract class RecurrentConformance extends BackendFixture {
  /** Forward results agree with the reference to float32 rounding of a few dozen ops. */
  static final double FORWARD_TOL = 1e-5;
  /** Gradients sum over many more terms (time, batch), so they get a looser, mixed bound. */
  static final double GRAD_TOL = 1e-4;

  /** A configuration named as the self-check names it, for readable test names. */
  public record Config(RecurrentSpec spec) {
    @Override
    public String toString() {
      return RecurrentChecks.name(spec);
    }
  }

  static Stream<Config> configs() {
    return RecurrentChecks.configs().stream().map(Config::new);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void matchesTheReferenceRecurrence(Config c) {
    Fixture fx = RecurrentChecks.fixture(backend(), c.spec());
    compareWithReference(fx, fx.lengths());
    compareWithReference(fx, null); // no lengths: every sequence is full, garbage included
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void gradientsMatchFiniteDifferences(Config c) {
    CheckResult r = RecurrentChecks.check(backend(), c.spec());
    assertThat(r.passed()).as("%s: max error %s, %s", r.name(), r.maxError(), r.detail()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void paddedStepsGiveZeroOutputAndZeroInputGradient(Config c) {
    Fixture fx = RecurrentChecks.fixture(backend(), c.spec());
    Outcome o = evaluate(fx, fx.lengths(), false, upstream(fx));
    float[] out = o.output.toFloatArray();
    float[] dx = o.grads.get(0).toFloatArray();
    int width = c.spec().outputSize();
    int in = c.spec().inputSize();
    int time = RecurrentChecks.TIME;
    for (int b = 0; b < RecurrentChecks.BATCH; b++) {
      for (int t = fx.lengths()[b]; t < time; t++) {
        for (int k = 0; k < width; k++) {
          assertThat(out[(b * time + t) * width + k] == 0)
              .as("output[%d, %d, %d] at a padded step is exactly 0", b, t, k).isTrue();
        }
        for (int k = 0; k < in; k++) {
          assertThat(dx[(b * time + t) * in + k] == 0)
              .as("input gradient [%d, %d, %d] at a padded step is exactly 0", b, t, k).isTrue();
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void eachSequenceAloneGivesWhatItGetsInThePaddedBatch(Config c) {
    Fixture fx = RecurrentChecks.fixture(backend(), c.spec());
    List<Tensor> up = upstream(fx);
    Outcome batch = evaluate(fx, fx.lengths(), false, up);
    int nw = fx.weights().size();
    float[][] weightGradSum = new float[nw][];
    for (int b = 0; b < RecurrentChecks.BATCH; b++) {
      int len = fx.lengths()[b];
      Fixture one = new Fixture(backend(), fx.spec(), fx.input().slice(0, b, b + 1).slice(1, 0, len),
          null, fx.h0().slice(1, b, b + 1), fx.c0() == null ? null : fx.c0().slice(1, b, b + 1),
          fx.weights());
      List<Tensor> upOne = new ArrayList<>();
      upOne.add(up.get(0).slice(0, b, b + 1).slice(1, 0, len));
      for (int i = 1; i < up.size(); i++) {
        upOne.add(up.get(i).slice(1, b, b + 1));
      }
      Outcome alone = evaluate(one, null, false, upOne);
      String s = "sequence " + b + " ";
      Approx.assertMixed(batch.output.slice(0, b, b + 1).slice(1, 0, len).toFloatArray(),
          alone.output.toFloatArray(), FORWARD_TOL, s + "output");
      for (int i = 0; i < batch.states.size(); i++) {
        Approx.assertMixed(batch.states.get(i).slice(1, b, b + 1).toFloatArray(),
            alone.states.get(i).toFloatArray(), FORWARD_TOL, s + "final state " + i);
      }
      Approx.assertMixed(batch.grads.get(0).slice(0, b, b + 1).slice(1, 0, len).toFloatArray(),
          alone.grads.get(0).toFloatArray(), GRAD_TOL, s + "input gradient");
      for (int i = 1; i < batch.grads.size() - nw; i++) {
        Approx.assertMixed(batch.grads.get(i).slice(1, b, b + 1).toFloatArray(),
            alone.grads.get(i).toFloatArray(), GRAD_TOL, s + "initial state gradient " + i);
      }
      for (int w = 0; w < nw; w++) {
        float[] g = alone.grads.get(alone.grads.size() - nw + w).toFloatArray();
        if (weightGradSum[w] == null) {
          weightGradSum[w] = new float[g.length];
        }
        for (int k = 0; k < g.length; k++) {
          weightGradSum[w][k] += g[k];
        }
      }
    }
    // The batch's weight gradient is the sum of the sequences' own.
    for (int w = 0; w < nw; w++) {
      Approx.assertMixed(batch.grads.get(batch.grads.size() - nw + w).toFloatArray(),
          weightGradSum[w], GRAD_TOL, c.spec().weightNames().get(w) + " gradient");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void zeroLengthSequenceReturnsTheInitialState(Config c) {
    int[] lengths = {0, 4, 2};
    Fixture fx = RecurrentChecks.fixture(backend(), c.spec(), lengths);
    List<Tensor> up = upstream(fx);
    Outcome o = evaluate(fx, lengths, false, up);
    List<Tensor> initial = fx.c0() == null ? List.of(fx.h0()) : List.of(fx.h0(), fx.c0());
    for (int i = 0; i < initial.size(); i++) {
      assertThat(o.states.get(i).slice(1, 0, 1).toFloatArray())
          .as("final state %d of the empty sequence", i)
          .containsExactly(initial.get(i).slice(1, 0, 1).toFloatArray());
      // Its initial state's gradient is exactly the final state's upstream gradient.
      Approx.assertClose(o.grads.get(1 + i).slice(1, 0, 1).toFloatArray(),
          up.get(1 + i).slice(1, 0, 1).toFloatArray(), 1e-6, 0, "initial state gradient " + i);
    }
    for (float v : o.output.slice(0, 0, 1).toFloatArray()) {
      assertThat(v == 0).as("output of the empty sequence is 0").isTrue();
    }
    compareWithReference(fx, lengths);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void missingInitialStateMeansZeros(Config c) {
    Fixture fx = RecurrentChecks.fixture(backend(), c.spec());
    Tensor zeros = backend().zeros(fx.h0().dtype(), fx.h0().shape().dims());
    RecurrentState explicit = new RecurrentState(zeros, fx.c0() == null ? null : zeros);
    RecurrentOutput a = backend().recurrent(fx.spec(), fx.input(), fx.lengths(), null,
        fx.weights());
    RecurrentOutput b = backend().recurrent(fx.spec(), fx.input(), fx.lengths(), explicit,
        fx.weights());
    Approx.assertClose(a.output().toFloatArray(), b.output().toFloatArray(), 0, 0, "output");
    Approx.assertClose(a.state().h().toFloatArray(), b.state().h().toFloatArray(), 0, 0,
        "final hidden");
    if (fx.c0() != null) {
      Approx.assertClose(a.state().c().toFloatArray(), b.state().c().toFloatArray(), 0, 0,
          "final cell");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void inferenceWithoutATapeGivesTheSameResult(Config c) {
    Fixture fx = RecurrentChecks.fixture(backend(), c.spec());
    Outcome taped = evaluate(fx, fx.lengths(), false, upstream(fx));
    RecurrentOutput plain = fx.run(fx.differentiable()); // no tape open: nothing is recorded
    Approx.assertClose(plain.output().toFloatArray(), taped.output.toFloatArray(), 0, 0,
        "output");
    Approx.assertClose(plain.state().h().toFloatArray(), taped.states.get(0).toFloatArray(), 0,
        0, "final hidden");
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** Values and leaf gradients of one run; {@code grads} follow {@link Fixture#differentiable}. */
  record Outcome(Tensor output, List<Tensor> states, List<Tensor> grads) {}

  /** Random upstream gradients for the output and each final state, seeded. */
  private List<Tensor> upstream(Fixture fx) {
    CheckData d = CheckData.forName(backend(), "upstream/" + RecurrentChecks.name(fx.spec()));
    int[] x = fx.input().shape().dims();
    List<Tensor> up = new ArrayList<>();
    up.add(d.uniform(-1, 1, x[0], x[1], fx.spec().outputSize()));
    up.add(d.uniform(-1, 1, fx.h0().shape().dims()));
    if (fx.c0() != null) {
      up.add(d.uniform(-1, 1, fx.c0().shape().dims()));
    }
    return up;
  }

  /** Runs fused or reference on fresh leaves and back-propagates {@code sum(result * up)}. */
  private Outcome evaluate(Fixture fx, int[] lengths, boolean reference, List<Tensor> up) {
    List<Tensor> leaves = new ArrayList<>();
    for (Tensor t : fx.differentiable()) {
      leaves.add(backend().of(t.toFloatArray(), t.shape().dims()).requireGrad());
    }
    boolean lstm = fx.spec().cell() == CellType.LSTM;
    RecurrentState init = new RecurrentState(leaves.get(1), lstm ? leaves.get(2) : null);
    List<Tensor> weights = leaves.subList(lstm ? 3 : 2, leaves.size());
    RecurrentOutput out;
    try (GradientTape tape = backend().gradientTape()) {
      out = reference
          ? ReferenceRecurrence.run(fx.spec(), leaves.get(0), lengths, init, weights)
          : backend().recurrent(fx.spec(), leaves.get(0), lengths, init, weights);
      assertThat(out.output().shape().dims()).as("output shape")
          .containsExactly(fx.input().shape().dim(0), fx.input().shape().dim(1),
              fx.spec().outputSize());
      assertThat(out.state().h().shape()).as("final hidden shape").isEqualTo(fx.h0().shape());
      assertThat(out.state().c() != null).as("cell state present iff LSTM").isEqualTo(lstm);
      Tensor loss = out.output().mul(up.get(0)).sum().add(out.state().h().mul(up.get(1)).sum());
      if (lstm) {
        loss = loss.add(out.state().c().mul(up.get(2)).sum());
      }
      tape.backward(loss);
    }
    List<Tensor> states = lstm
        ? List.of(out.state().h().detach(), out.state().c().detach())
        : List.of(out.state().h().detach());
    List<Tensor> grads = new ArrayList<>();
    for (Tensor leaf : leaves) {
      grads.add(leaf.grad() != null ? leaf.grad() : backend().zeros(leaf.dtype(),
          leaf.shape().dims()));
    }
    return new Outcome(out.output().detach(), states, grads);
  }

  private void compareWithReference(Fixture fx, int[] lengths) {
    List<Tensor> up = upstream(fx);
    Outcome fused = evaluate(fx, lengths, false, up);
    Outcome ref = evaluate(fx, lengths, true, up);
    String when = lengths == null ? " (no lengths)" : "";
    Approx.assertMixed(fused.output.toFloatArray(), ref.output.toFloatArray(), FORWARD_TOL,
        "output" + when);
    for (int i = 0; i < ref.states.size(); i++) {
      Approx.assertMixed(fused.states.get(i).toFloatArray(), ref.states.get(i).toFloatArray(),
          FORWARD_TOL, (i == 0 ? "final hidden" : "final cell") + when);
    }
    List<String> names = new ArrayList<>(List.of("input", "h0"));
    if (fx.c0() != null) {
      names.add("c0");
    }
    names.addAll(fx.spec().weightNames());
    for (int i = 0; i < ref.grads.size(); i++) {
      Approx.assertMixed(fused.grads.get(i).toFloatArray(), ref.grads.get(i).toFloatArray(),
          GRAD_TOL, "gradient of " + names.get(i) + when);
    }
  }
}
