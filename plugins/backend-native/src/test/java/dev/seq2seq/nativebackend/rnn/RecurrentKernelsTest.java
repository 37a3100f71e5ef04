package dev.seq2seq.nativebackend.rnn;

import static dev.seq2seq.nativebackend.rnn.RecurrentProblem.toDouble;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.nativebackend.Parallelism;
import dev.seq2seq.nativebackend.gemm.Sgemm;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused kernels against the double-precision {@link ReferenceRnn}. */
class RecurrentKernelsTest {
  private static final int BATCH = 3;
  private static final int TIME = 4;
  private static final int INPUT = 3;
  private static final int HIDDEN = 4;
  /** Includes a full-length, an empty and a partly padded sequence. */
  private static final int[] MIXED_LENGTHS = {4, 0, 2};

  private static final Parallelism PARALLELISM = new Parallelism(2);
  private static final RecurrentKernels KERNELS =
      new RecurrentKernels(new Sgemm(PARALLELISM), PARALLELISM);

  @AfterAll
  static void close() {
    PARALLELISM.close();
  }

  /** Every cell x {uni, bi} x {1, 2 layers} x {full, mixed lengths} x {zero, given state}. */
  static Stream<Arguments> allCases() {
    List<Arguments> cases = new ArrayList<>();
    for (CellType cell : CellType.values()) {
      for (boolean bi : new boolean[] {false, true}) {
        for (int layers = 1; layers <= 2; layers++) {
          for (boolean padded : new boolean[] {false, true}) {
            for (boolean init : new boolean[] {false, true}) {
              cases.add(Arguments.of(cell, bi, layers, padded, init));
            }
          }
        }
      }
    }
    return cases.stream();
  }

  private static RecurrentProblem problem(
      CellType cell, boolean bi, int layers, boolean padded, boolean init) {
    RecurrentSpec spec = new RecurrentSpec(cell, INPUT, HIDDEN, layers, bi);
    long seed = 31L * cell.ordinal() + (bi ? 7 : 0) + layers * 3 + (padded ? 1 : 0) + (init ? 100 : 0);
    return new RecurrentProblem(spec, BATCH, TIME, padded ? MIXED_LENGTHS : null, init, seed);
  }

  private static RecurrentKernels.Forward forward(RecurrentProblem p, boolean keep) {
    return KERNELS.forward(
        p.spec, p.x, p.batch, p.time, p.lengths, p.h0, p.c0, p.weights, keep);
  }

  @ParameterizedTest(name = "{0} bi={1} layers={2} padded={3} init={4}")
  @MethodSource("allCases")
  void forwardMatchesReference(
      CellType cell, boolean bi, int layers, boolean padded, boolean init) {
    RecurrentProblem p = problem(cell, bi, layers, padded, init);
    RecurrentKernels.Forward f = forward(p, true);
    ReferenceRnn.Result r =
        p.reference(toDouble(p.x), toDouble(p.h0), toDouble(p.c0), doubles(p.weights));

    assertClose("output", r.out(), f.output(), 1e-5, 0);
    assertClose("hN", r.hN(), f.hN(), 1e-5, 0);
    if (cell == CellType.LSTM) {
      assertClose("cN", r.cN(), f.cN(), 1e-5, 0);
    } else {
      assertThat(f.cN()).isNull();
    }
    // Padded steps are exactly zero, not merely small.
    int w = p.spec.outputSize();
    for (int b = 0; b < p.batch; b++) {
      for (int i = p.length(b) * w; i < p.time * w; i++) {
        assertThat(f.output()[b * p.time * w + i]).isEqualTo(0f);
      }
    }
  }

  @ParameterizedTest(name = "{0} bi={1} layers={2} padded={3} init={4}")
  @MethodSource("allCases")
  void withoutCacheTheForwardIsIdentical(
      CellType cell, boolean bi, int layers, boolean padded, boolean init) {
    RecurrentProblem p = problem(cell, bi, layers, padded, init);
    RecurrentKernels.Forward kept = forward(p, true);
    RecurrentKernels.Forward lean = forward(p, false);
    assertThat(lean.cache()).isNull();
    assertArrayEquals(kept.output(), lean.output());
    assertArrayEquals(kept.hN(), lean.hN());
    assertArrayEquals(kept.cN(), lean.cN());
    assertThatThrownBy(() -> KERNELS.backward(lean, null, null, null))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Every gradient against central differences of the double reference. */
  @ParameterizedTest(name = "{0} bi={1} layers={2} padded={3} init={4}")
  @MethodSource("gradientCases")
  void gradientsMatchFiniteDifferences(
      CellType cell, boolean bi, int layers, boolean padded, boolean init) {
    RecurrentProblem p = problem(cell, bi, layers, padded, init);
    RecurrentKernels.Forward f = forward(p, true);
    RecurrentKernels.Backward g =
        KERNELS.backward(
            f, p.dOutput(), RecurrentProblem.toFloat(p.rH), RecurrentProblem.toFloat(p.rC));

    double[] x = toDouble(p.x);
    double[] h0 = p.h0 == null ? new double[p.rH.length] : toDouble(p.h0);
    double[] c0 = cell != CellType.LSTM ? null : p.c0 == null ? new double[p.rH.length] : toDouble(p.c0);
    double[][] w = doubles(p.weights);
    FiniteDifferences fd = new FiniteDifferences(() -> p.loss(p.reference(x, h0, c0, w)));

    int in = p.spec.inputSize();
    for (int b = 0; b < p.batch; b++) {
      for (int i = 0; i < p.time * in; i++) {
        int k = b * p.time * in + i;
        if (i < p.length(b) * in) {
          fd.check("dx[" + k + "]", x, k, g.dx()[k]);
        } else {
          assertThat(g.dx()[k]).as("dx at a padded step").isEqualTo(0f);
        }
      }
    }
    fd.checkAll("dh0", h0, g.dh0());
    if (cell == CellType.LSTM) {
      fd.checkAll("dc0", c0, g.dc0());
    } else {
      assertThat(g.dc0()).isNull();
    }
    List<String> names = p.spec.weightNames();
    assertThat(g.dWeights().length).isEqualTo(names.size());
    for (int k = 0; k < names.size(); k++) {
      fd.checkAll(names.get(k), w[k], g.dWeights()[k]);
    }
  }

  static Stream<Arguments> gradientCases() {
    List<Arguments> cases = new ArrayList<>();
    for (CellType cell : CellType.values()) {
      for (boolean bi : new boolean[] {false, true}) {
        for (int layers = 1; layers <= 2; layers++) {
          cases.add(Arguments.of(cell, bi, layers, true, true));
        }
      }
      cases.add(Arguments.of(cell, true, 2, false, false));
    }
    return cases.stream();
  }

  @Test
  void rejectsBadArguments() {
    RecurrentProblem p = problem(CellType.GRU, false, 1, true, false);
    assertThatThrownBy(
            () -> KERNELS.forward(p.spec, p.x, p.batch, p.time, new int[] {1, 5, 0}, null, null,
                p.weights, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lengths");
    assertThatThrownBy(
            () -> KERNELS.forward(p.spec, p.x, p.batch, p.time, null, null, null,
                new float[][] {p.weights[0]}, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight_ih_l0");
    assertThatThrownBy(
            () -> KERNELS.forward(p.spec, new float[3], p.batch, p.time, null, null, null,
                p.weights, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x has 3");
  }

  static double[][] doubles(float[][] a) {
    double[][] d = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      d[i] = toDouble(a[i]);
    }
    return d;
  }

  static void assertClose(String what, double[] expected, float[] actual, double rel, double abs) {
    assertThat(actual).as(what + " length").hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      double tol = Math.max(rel * Math.max(1, Math.abs(expected[i])), abs);
      if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
        fail(what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
      }
    }
  }

  /** Central differences of a double-precision loss, one coordinate at a time. */
  private static final class FiniteDifferences {
    private static final double EPS = 1e-6;
    private final java.util.function.DoubleSupplier loss;

    FiniteDifferences(java.util.function.DoubleSupplier loss) {
      this.loss = loss;
    }

    void checkAll(String what, double[] param, float[] grad) {
      assertThat(grad).as(what + " length").hasSize(param.length);
      for (int k = 0; k < param.length; k++) {
        check(what + "[" + k + "]", param, k, grad[k]);
      }
    }

    void check(String what, double[] param, int k, float grad) {
      double saved = param[k];
      param[k] = saved + EPS;
      double up = loss.getAsDouble();
      param[k] = saved - EPS;
      double down = loss.getAsDouble();
      param[k] = saved;
      double numeric = (up - down) / (2 * EPS);
      if (!(Math.abs(numeric - grad) <= 1e-3 * Math.abs(numeric) + 1e-5)) {
        fail(what + ": finite differences " + numeric + ", kernel " + grad);
      }
    }
  }
}
