package dev.seq2seq.testkit;

import static dev.seq2seq.testkit.OptimFixtures.assertClose;
import static dev.seq2seq.testkit.OptimFixtures.flatten;
import static dev.seq2seq.testkit.OptimFixtures.toFloats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.loss.CrossEntropy;
import dev.seq2seq.loss.MeanSquaredError;
import org.junit.jupiter.api.Test;

/**
 * Cross-entropy and mean squared error through a backend: forward values computed by hand and
 * gradients from their closed forms, {@code (softmax - q) / kept} and {@code 2 (p - t) / n}.
 * Subclass it with a backend.
 */
public abstract class LossConformance {

  protected abstract Backend backend();

  // Rows chosen so that the softmax is exact: [1, 2, 5] / 8 and [3, 1, 1] / 5; the third row is
  // padding (target 1 = the ignore index).
  private static final double[][] LOGITS = {
    {0, Math.log(2), Math.log(5)}, {Math.log(3), 0, 0}, {7, -3, 0.5}
  };
  private static final double[][] SOFTMAX = {{1 / 8.0, 2 / 8.0, 5 / 8.0}, {3 / 5.0, 1 / 5.0, 1 / 5.0}};
  private static final int[] TARGETS = {2, 0, 1};
  private static final int IGNORE = 1;

  @Test
  void crossEntropyIgnoresPaddingAndAveragesOverKeptRows() {
    double expected = (-Math.log(5 / 8.0) - Math.log(3 / 5.0)) / 2;
    checkCrossEntropy(0.0, expected);
  }

  /** PyTorch's label smoothing: loss_n = -(1 - eps) lp[y] - (eps / V) sum_c lp[c]. */
  @Test
  void crossEntropyWithLabelSmoothing() {
    double eps = 0.3;
    double row0 =
        -(1 - eps) * Math.log(5 / 8.0)
            - eps / 3 * (Math.log(1 / 8.0) + Math.log(2 / 8.0) + Math.log(5 / 8.0));
    double row1 =
        -(1 - eps) * Math.log(3 / 5.0) - eps / 3 * (Math.log(3 / 5.0) + 2 * Math.log(1 / 5.0));
    checkCrossEntropy(eps, (row0 + row1) / 2);
  }

  private void checkCrossEntropy(double eps, double expectedLoss) {
    Backend b = backend();
    Tensor logits = b.of(toFloats(flatten(LOGITS)), 3, 3).requireGrad();
    Tensor targets = b.ofInts(TARGETS, 3);
    double loss;
    try (GradientTape tape = b.gradientTape()) {
      Tensor l = new CrossEntropy(IGNORE, eps).loss(logits, targets);
      assertThat(l.shape().size()).isEqualTo(1);
      loss = l.item();
      tape.backward(l);
    }
    assertThat(loss).isCloseTo(expectedLoss, within(1e-5));
    double[] expectedGrad = new double[9];
    for (int n = 0; n < 2; n++) {
      for (int c = 0; c < 3; c++) {
        double q = (c == TARGETS[n] ? 1 - eps : 0) + eps / 3;
        expectedGrad[n * 3 + c] = (SOFTMAX[n][c] - q) / 2;
      }
    }
    assertClose(logits.grad().toDoubleArray(), expectedGrad, 1e-6, 1e-4, "d loss / d logits");
  }

  @Test
  void crossEntropyAcceptsLeadingAxes() {
    Backend b = backend();
    double[] host = flatten(new double[][] {LOGITS[0], LOGITS[1], LOGITS[2], LOGITS[0]});
    Tensor logits = b.of(toFloats(host), 2, 2, 3);
    Tensor targets = b.ofInts(new int[] {2, 0, 1, 1}, 2, 2);
    double loss = new CrossEntropy(IGNORE, 0).loss(logits, targets).item();
    assertThat(loss)
        .isCloseTo(
            (-Math.log(5 / 8.0) - Math.log(3 / 5.0)) / 2,
            within(1e-5));
  }

  /** All targets ignored: documented as loss 0 with a zero gradient (PyTorch gives NaN). */
  @Test
  void crossEntropyWithEveryTargetIgnoredIsZero() {
    Backend b = backend();
    Tensor logits = b.of(toFloats(flatten(LOGITS)), 3, 3).requireGrad();
    double loss;
    try (GradientTape tape = b.gradientTape()) {
      Tensor l = new CrossEntropy(IGNORE, 0.1).loss(logits, b.ofInts(new int[] {1, 1, 1}, 3));
      loss = l.item();
      tape.backward(l);
    }
    assertThat(loss).isZero();
    assertThat(logits.grad().toDoubleArray()).containsOnly(0.0);
  }

  @Test
  void crossEntropyRejectsTargetsOutOfRange() {
    Backend b = backend();
    Tensor logits = b.of(toFloats(flatten(LOGITS)), 3, 3);
    assertThatThrownBy(
            () -> new CrossEntropy(-1, 0).loss(logits, b.ofInts(new int[] {0, 3, 1}, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target 3");
  }

  @Test
  void meanSquaredErrorValueAndGradient() {
    Backend b = backend();
    Tensor prediction = b.of(new float[] {1, 2, 3, 4}, 2, 2).requireGrad();
    Tensor target = b.of(new float[] {0, 2, 5, 1}, 2, 2);
    double loss;
    try (GradientTape tape = b.gradientTape()) {
      Tensor l = MeanSquaredError.loss(prediction, target);
      loss = l.item();
      tape.backward(l);
    }
    // differences 1, 0, -2, 3: squares sum to 14 over 4 elements
    assertThat(loss).isCloseTo(3.5, within(1e-6));
    assertClose(
        prediction.grad().toDoubleArray(), new double[] {0.5, 0, -1, 1.5}, 1e-6, 0, "gradient");
  }

  @Test
  void maskedMeanSquaredErrorAveragesOverKeptElements() {
    Backend b = backend();
    // [B=2, T=2, D=2]; the mask drops step (0, 1)
    Tensor prediction = b.of(new float[] {1, 1, 9, 9, 2, 0, 0, 3}, 2, 2, 2).requireGrad();
    Tensor target = b.of(new float[] {0, 1, 0, 0, 0, 0, 1, 1}, 2, 2, 2);
    Tensor mask = b.of(new float[] {1, 0, 1, 1}, 2, 2);
    double loss;
    try (GradientTape tape = b.gradientTape()) {
      Tensor l = MeanSquaredError.loss(prediction, target, mask);
      loss = l.item();
      tape.backward(l);
    }
    // kept differences 1, 0 | 2, 0 | -1, 2: squares sum to 10 over 6 elements
    assertThat(loss).isCloseTo(10 / 6.0, within(1e-6));
    assertClose(
        prediction.grad().toDoubleArray(),
        new double[] {2 / 6.0, 0, 0, 0, 4 / 6.0, 0, -2 / 6.0, 4 / 6.0},
        1e-6,
        0,
        "gradient");
  }
}
