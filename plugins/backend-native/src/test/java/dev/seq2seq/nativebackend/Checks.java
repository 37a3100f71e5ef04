package dev.seq2seq.nativebackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Assertions shared by the native backend's tests. */
final class Checks {

  private Checks() {}

  static void assertValues(Tensor t, int[] shape, float... expected) {
    assertThat(t.shape().dims()).as("shape").containsExactly(shape);
    assertClose(t.toFloatArray(), expected, 1e-5f);
  }

  static void assertClose(float[] actual, float[] expected, float tolerance) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(tolerance));
    }
  }

  /**
   * Compares the gradient autograd gives for {@code sum(f(x) * r)}, with a fixed random {@code r},
   * against central differences. Float32 differences are coarse, so the step and the tolerance
   * are generous; this catches wrong formulas and wrong routing, not rounding.
   */
  static void assertGradientMatchesDifferences(
      NativeBackend backend, float[] x, int[] shape, Function<Tensor, Tensor> f) {
    Tensor probe = f.apply(backend.of(x, shape));
    SplittableRandom rng = new SplittableRandom(7);
    float[] r = new float[probe.shape().sizeInt()];
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    Tensor weights = backend.of(r, probe.shape().dims());
    Function<float[], Double> objective =
        values -> f.apply(backend.of(values, shape)).mul(weights).sum().item();

    Tensor leaf = backend.of(x, shape).requireGrad();
    try (GradientTape tape = backend.gradientTape()) {
      tape.backward(f.apply(leaf).mul(weights).sum());
    }
    float[] analytic = leaf.grad().toFloatArray();
    float step = 1e-2f;
    for (int i = 0; i < x.length; i++) {
      float[] plus = x.clone();
      float[] minus = x.clone();
      plus[i] += step;
      minus[i] -= step;
      double numeric = (objective.apply(plus) - objective.apply(minus)) / (2 * step);
      assertThat((double) analytic[i])
          .as("d/dx[%d]", i)
          .isCloseTo(numeric, within(2e-2 * Math.max(1, Math.abs(numeric))));
    }
  }
}
