package dev.seq2seq.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CtcKernelTest {

  static Stream<Arguments> torchCases() {
    return TorchCtcVectors.load().stream().map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("torchCases")
  void matchesPyTorchLossAndGradient(String name, TorchCtcVectors.Case c) {
    double[] grad = new double[c.logits().length];
    double loss =
        CtcKernel.utterance(c.logits(), 0, c.time(), c.classes(), c.time(), c.target(), 0, false, grad);
    if (Double.isInfinite(c.loss())) {
      assertThat(loss).isEqualTo(Double.POSITIVE_INFINITY);
      // PyTorch's kernel evaluates exp(-inf + inf) for an impossible alignment: NaN everywhere.
      assertThat(java.util.Arrays.stream(grad).allMatch(Double::isNaN)).isTrue();
      return;
    }
    assertThat(loss).isCloseTo(c.loss(), within(1e-9));
    for (int i = 0; i < grad.length; i++) {
      assertThat(grad[i]).as("gradient element %d", i).isCloseTo(c.gradient()[i], within(1e-7));
    }
  }

  @Test
  void zeroInfinityZeroesImpossibleAlignment() {
    TorchCtcVectors.Case c = TorchCtcVectors.named("impossible_too_short");
    double[] grad = new double[c.logits().length];
    double loss =
        CtcKernel.utterance(c.logits(), 0, c.time(), c.classes(), c.time(), c.target(), 0, true, grad);
    assertThat(loss).isZero();
    assertThat(grad).containsOnly(0.0);
  }

  @Test
  void zeroInfinityLeavesPossibleAlignmentsAlone() {
    TorchCtcVectors.Case c = TorchCtcVectors.named("minimal_length_with_repeat");
    double[] grad = new double[c.logits().length];
    double loss =
        CtcKernel.utterance(c.logits(), 0, c.time(), c.classes(), c.time(), c.target(), 0, true, grad);
    assertThat(loss).isCloseTo(c.loss(), within(1e-9));
  }

  /**
   * The published warp-ctc tutorial cases: blank 0, five classes, loss = -ln p. The published
   * numbers were computed in float32 (the first is ln 5 = 1.6094379124341 to float precision), so
   * they are matched to 1e-6, about two float32 ulps at these magnitudes.
   */
  @Test
  void warpCtcPublishedCases() {
    assertThat(single(new double[] {0, 0, 0, 0, 0}, 1, new int[] {1}))
        .isCloseTo(1.6094379425049, within(1e-6));
    assertThat(
            single(
                new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 3, new int[] {3, 3}))
        .isCloseTo(7.355742931366, within(1e-6));
    assertThat(
            single(
                new double[] {-5, -4, -3, -2, -1, -10, -9, -8, -7, -6, -15, -14, -13, -12, -11},
                3,
                new int[] {2, 3}))
        .isCloseTo(4.938850402832, within(1e-6));
  }

  @Test
  void emptyTargetIsMinusSumOfBlankLogProbabilities() {
    double[] logits = {0.5, -1.0, 2.0, 0.0, 0.0, 0.0};
    double expected =
        -(0.5 - Math.log(Math.exp(0.5) + Math.exp(-1) + Math.exp(2))) - Math.log(1.0 / 3);
    assertThat(single(logits, 2, new int[0])).isCloseTo(expected, within(1e-12));
  }

  @Test
  void batchWithPaddingMatchesUnpaddedUtterancesAndZeroesPaddedFrames() {
    List<TorchCtcVectors.Case> picked =
        List.of(
            TorchCtcVectors.named("short_no_repeat"),
            TorchCtcVectors.named("empty_target"),
            TorchCtcVectors.named("single_label"));
    int classes = 4;
    int time = 7;
    // Pad every case to [7, 4] with random scores, which must not influence anything.
    SplittableRandom rng = new SplittableRandom(3);
    double[] logits = new double[picked.size() * time * classes];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = rng.nextDouble() * 10 - 5;
    }
    int[] lengths = new int[picked.size()];
    int[][] targets = new int[picked.size()][];
    for (int b = 0; b < picked.size(); b++) {
      TorchCtcVectors.Case c = picked.get(b);
      lengths[b] = c.time();
      targets[b] = c.target();
      for (int t = 0; t < c.time(); t++) {
        for (int k = 0; k < c.classes(); k++) {
          logits[(b * time + t) * classes + k] = c.logits()[t * c.classes() + k];
        }
        // single_label has two classes: give the unused ones a vanishing probability instead.
        for (int k = c.classes(); k < classes; k++) {
          logits[(b * time + t) * classes + k] = -1e4;
        }
      }
    }
    double[] losses = new double[picked.size()];
    double[] grad = new double[logits.length];
    CtcKernel.batch(logits, picked.size(), time, classes, lengths, targets, 0, false, losses, grad);
    for (int b = 0; b < picked.size(); b++) {
      TorchCtcVectors.Case c = picked.get(b);
      assertThat(losses[b]).as(c.name()).isCloseTo(c.loss(), within(1e-9));
      for (int t = 0; t < time; t++) {
        for (int k = 0; k < classes; k++) {
          double g = grad[(b * time + t) * classes + k];
          double expected =
              t < c.time() && k < c.classes() ? c.gradient()[t * c.classes() + k] : 0.0;
          assertThat(g).as("%s t=%d k=%d", c.name(), t, k).isCloseTo(expected, within(1e-7));
        }
      }
    }
  }

  @Test
  void zeroInputLength() {
    double[] grad = new double[6];
    assertThat(CtcKernel.utterance(new double[6], 0, 2, 3, 0, new int[0], 0, false, grad)).isZero();
    assertThat(CtcKernel.utterance(new double[6], 0, 2, 3, 0, new int[] {1}, 0, false, grad))
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(grad).containsOnly(0.0);
  }

  /** Central differences of the loss agree with the analytic gradient. */
  @Test
  void gradientMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(11);
    int time = 9;
    int classes = 5;
    int[] target = {2, 2, 4, 1};
    double[] logits = new double[time * classes];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = rng.nextDouble() * 4 - 2;
    }
    double[] grad = new double[logits.length];
    CtcKernel.utterance(logits, 0, time, classes, time, target, 0, false, grad);
    double h = 1e-5;
    double[] scratch = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      double saved = logits[i];
      logits[i] = saved + h;
      double up = CtcKernel.utterance(logits, 0, time, classes, time, target, 0, false, scratch);
      logits[i] = saved - h;
      double down = CtcKernel.utterance(logits, 0, time, classes, time, target, 0, false, scratch);
      logits[i] = saved;
      assertThat(grad[i]).as("element %d", i).isCloseTo((up - down) / (2 * h), within(1e-7));
    }
  }

  @Test
  void logAddIsExactAtMinusInfinity() {
    double inf = Double.NEGATIVE_INFINITY;
    assertThat(CtcKernel.logAdd(inf, inf)).isEqualTo(inf);
    assertThat(CtcKernel.logAdd(inf, -3.0)).isEqualTo(-3.0);
    assertThat(CtcKernel.logAdd(Math.log(2), Math.log(3))).isCloseTo(Math.log(5), within(1e-15));
  }

  private static double single(double[] logits, int time, int[] target) {
    int classes = logits.length / time;
    return CtcKernel.utterance(
        logits, 0, time, classes, time, target, 0, false, new double[logits.length]);
  }
}
