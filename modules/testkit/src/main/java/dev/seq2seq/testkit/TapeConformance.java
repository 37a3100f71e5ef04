package dev.seq2seq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The autograd contract of {@link GradientTape}: what is recorded and when, how gradients
 * accumulate and are forgotten, and that {@code detach} cuts the graph.
 */
public abstract class TapeConformance extends BackendFixture {

  private void backward(Supplier<Tensor> loss) {
    try (GradientTape tape = backend().gradientTape()) {
      tape.backward(loss.get());
    }
  }

  @Test
  void leavesRequireGradOnlyWhenAsked() {
    Tensor x = t(f(1, 2), 2);
    assertThat(x.requiresGrad()).isFalse();
    assertThat(x.requireGrad()).isSameAs(x);
    assertThat(x.requiresGrad()).isTrue();
    assertThat(x.grad()).isNull();
  }

  @Test
  void gradientOfASimpleExpression() {
    Tensor x = t(f(1, 2, 3), 3).requireGrad();
    backward(() -> x.mul(x).sum()); // d/dx sum(x^2) = 2x
    assertTensor(x.grad(), shape(3), f(2, 4, 6));
  }

  @Test
  void nothingIsRecordedOutsideATape() {
    Tensor x = t(f(1, 2, 3), 3).requireGrad();
    Tensor y = x.mul(3.0); // outside: y is a constant as far as any later tape knows
    backward(() -> y.mul(x).sum());
    // Only the recorded path reaches x: d/dx (y * x) with y constant = y = 3x, not 6x.
    assertTensor(x.grad(), shape(3), f(3, 6, 9));
  }

  @Test
  void nothingIsRecordedAfterTheTapeIsClosed() {
    Tensor x = t(f(1, 2), 2).requireGrad();
    try (GradientTape tape = backend().gradientTape()) {
      x.mul(5.0);
    }
    Tensor y = x.mul(2.0);
    backward(() -> y.sum().add(x.sum()));
    assertTensor(x.grad(), shape(2), f(1, 1));
  }

  @Test
  void gradientsAccumulateAcrossBackwardPasses() {
    Tensor x = t(f(1, -2), 2).requireGrad();
    backward(() -> x.square().sum());
    backward(() -> x.mul(3.0).sum());
    assertTensor(x.grad(), shape(2), f(2 + 3, -4 + 3));
  }

  @Test
  void zeroGradForgetsTheGradient() {
    Tensor x = t(f(1, -2), 2).requireGrad();
    backward(() -> x.square().sum());
    x.zeroGrad();
    assertThat(x.grad() == null || allZero(x.grad().toFloatArray()))
        .as("gradient after zeroGrad is null or zero").isTrue();
    backward(() -> x.mul(3.0).sum());
    assertTensor(x.grad(), shape(2), f(3, 3));
  }

  @Test
  void detachCutsTheGraph() {
    Tensor x = t(f(1, 2, 3), 3).requireGrad();
    backward(() -> x.detach().mul(x).sum()); // one factor constant: gradient x, not 2x
    assertTensor(x.grad(), shape(3), f(1, 2, 3));
    Tensor d = x.detach();
    assertTensor(d, shape(3), f(1, 2, 3), 0);
    assertThat(d.requiresGrad()).isFalse();
  }

  @Test
  void tensorsThatDoNotRequireGradGetNone() {
    Tensor x = t(f(1, 2), 2).requireGrad();
    Tensor c = t(f(5, 7), 2);
    backward(() -> x.mul(c).sum());
    assertTensor(x.grad(), shape(2), f(5, 7));
    assertThat(c.grad()).isNull();
  }

  @Test
  void backwardWithAnUpstreamGradient() {
    Tensor x = t(f(1, 2, 3), 3).requireGrad();
    try (GradientTape tape = backend().gradientTape()) {
      Tensor y = x.mul(2.0);
      tape.backward(y, t(f(1, 10, 100), 3));
    }
    assertTensor(x.grad(), shape(3), f(2, 20, 200));
  }

  @Test
  void broadcastGradientsAreSummedToTheLeafShape() {
    Tensor bias = t(f(1, 2, 3), 3).requireGrad();
    Tensor col = t(f(1, 2), 2, 1).requireGrad();
    // sum_ij (z_ij + bias_j) * col_i with z = 0
    backward(() -> t(new float[6], 2, 3).add(bias).mul(col).sum());
    assertTensor(bias.grad(), shape(3), f(3, 3, 3));
    assertTensor(col.grad(), shape(2, 1), f(6, 6));
  }

  @Test
  void embeddingGradientAddsRepeatedRows() {
    Tensor table = t(f(1, 2, 3, 4, 5, 6), 3, 2).requireGrad();
    backward(() -> table.take(ints(new int[] {0, 2, 0}, 3)).sum());
    assertTensor(table.grad(), shape(3, 2), f(2, 2, 0, 0, 1, 1));
  }

  @Test
  void maxSendsItsGradientToTheFirstMaximalElement() {
    Tensor x = t(f(1, 3, 3, 2, 0, 2), 2, 3).requireGrad();
    backward(() -> x.max(1, false).sum());
    assertTensor(x.grad(), shape(2, 3), f(0, 1, 0, 1, 0, 0), 0);
  }

  @Test
  void attachGradientUsesTheGivenJacobian() {
    Tensor x = t(f(1, 2, 3, 4), 2, 2).requireGrad();
    try (GradientTape tape = backend().gradientTape()) {
      Tensor v = backend().attachGradient(x, t(f(10, 20), 2), t(f(1, -1, 0.5f, 2), 2, 2));
      assertTensor(v, shape(2), f(10, 20));
      tape.backward(v, t(f(2, 3), 2));
    }
    assertTensor(x.grad(), shape(2, 2), f(2, -2, 1.5f, 6));
  }

  private static boolean allZero(float[] v) {
    for (float x : v) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
