package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Parameter;

/** Helpers shared by the loss, CTC and optimiser conformance classes. */
final class OptimFixtures {

  private OptimFixtures() {}

  /** Replaces a parameter's gradient by {@code g}: back-propagates {@code sum(p * g)}. */
  static void setGrad(Backend backend, Parameter p, float[] g) {
    p.value().zeroGrad();
    Tensor constant = backend.of(g, p.value().shape().dims());
    try (GradientTape tape = backend.gradientTape()) {
      tape.backward(p.value().mul(constant).sum());
    }
  }

  /**
   * Element-wise closeness for float32 results against float64 references: {@code |a - e| <=
   * absolute + relative * |e|}.
   */
  static void assertClose(
      double[] actual, double[] expected, double absolute, double relative, String what) {
    assertThat(actual).as(what + " length").hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i])
          .as("%s[%d]", what, i)
          .isCloseTo(expected[i], within(absolute + relative * Math.abs(expected[i])));
    }
  }

  static double[] flatten(double[][] rows) {
    int n = 0;
    for (double[] r : rows) {
      n += r.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] r : rows) {
      System.arraycopy(r, 0, out, at, r.length);
      at += r.length;
    }
    return out;
  }

  static float[] toFloats(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
