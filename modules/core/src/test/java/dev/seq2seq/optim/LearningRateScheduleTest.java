package dev.seq2seq.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.optim.ReduceOnPlateau.Mode;
import dev.seq2seq.optim.ReduceOnPlateau.ThresholdMode;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  @Test
  void constant() {
    LearningRateSchedule s = LearningRateSchedule.constant(0.3);
    assertThat(s.rate(0)).isEqualTo(0.3);
    assertThat(s.rate(1_000_000)).isEqualTo(0.3);
  }

  @Test
  void stepDecayHalvesEveryThreeSteps() {
    assertRates(
        LearningRateSchedule.stepDecay(0.1, 3, 0.5),
        0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025);
  }

  @Test
  void exponential() {
    assertRates(LearningRateSchedule.exponential(2.0, 0.5), 2.0, 1.0, 0.5, 0.25);
  }

  @Test
  void linearWarmupRampsFromZeroThenFollowsTheInnerSchedule() {
    assertRates(
        LearningRateSchedule.linearWarmup(LearningRateSchedule.constant(0.4), 4),
        0.0, 0.1, 0.2, 0.3, 0.4, 0.4);
    // The inner schedule sees the real step: at step 1 step decay gives 0.1, times 1/2.
    assertRates(
        LearningRateSchedule.linearWarmup(LearningRateSchedule.stepDecay(0.1, 3, 0.5), 2),
        0.0, 0.05, 0.1, 0.05);
    assertRates(
        LearningRateSchedule.linearWarmup(LearningRateSchedule.constant(0.4), 0), 0.4, 0.4);
  }

  @Test
  void warmupPassesMetricsToAPlateauSchedule() {
    ReduceOnPlateau plateau =
        new ReduceOnPlateau(1.0, Mode.MIN, 0.5, 0, 0, ThresholdMode.ABS, 0, 0);
    LearningRateSchedule s = LearningRateSchedule.linearWarmup(plateau, 2);
    s.observe(1.0);
    s.observe(1.0); // no improvement, patience 0: halve
    assertThat(s.rate(1)).isEqualTo(0.25);
    assertThat(s.rate(5)).isEqualTo(0.5);
  }

  /** Patience 2, relative threshold 10 %, cooldown 1, floor 0.2, traced by hand. */
  @Test
  void reduceOnPlateauMinRelativeWithCooldownAndFloor() {
    ReduceOnPlateau s = new ReduceOnPlateau(1.0, Mode.MIN, 0.5, 2, 0.1, ThresholdMode.REL, 1, 0.2);
    double[] metrics = {10, 9.5, 9.2, 9.1, 9.9, 9.9, 9.9, 9.9, 8.0, 8, 8, 8, 8, 8, 8, 8};
    double[] expected = {
      1, 1, 1, 0.5, // 9.5, 9.2, 9.1 are not below 10 * 0.9: the third bad one exceeds patience
      0.5, 0.5, 0.5, 0.25, // the first observation after a cut is cooldown
      0.25, 0.25, 0.25, 0.2, // 8.0 is a new best (below 9); then three bad: 0.125 floored to 0.2
      0.2, 0.2, 0.2, 0.2 // at the floor nothing changes any more
    };
    for (int i = 0; i < metrics.length; i++) {
      s.observe(metrics[i]);
      assertThat(s.rate(i)).as("after observation %d", i + 1).isEqualTo(expected[i]);
    }
    assertThat(s.best()).isEqualTo(8.0);
  }

  @Test
  void reduceOnPlateauMaxAbsoluteTreatsNanAsBad() {
    ReduceOnPlateau s = new ReduceOnPlateau(0.1, Mode.MAX, 0.1, 0, 0.5, ThresholdMode.ABS, 0, 0);
    s.observe(1.0);
    assertThat(s.rate(0)).isEqualTo(0.1);
    s.observe(1.4); // not above 1.0 + 0.5
    assertThat(s.rate(0)).isCloseTo(0.01, within(1e-15));
    s.observe(1.6); // above 1.5: improvement
    assertThat(s.rate(0)).isCloseTo(0.01, within(1e-15));
    s.observe(Double.NaN);
    assertThat(s.rate(0)).isCloseTo(0.001, within(1e-15));
  }

  @Test
  void reduceOnPlateauDefaultsWaitTenBadObservations() {
    ReduceOnPlateau s = new ReduceOnPlateau(1e-3, Mode.MIN);
    for (int i = 0; i < 11; i++) {
      s.observe(5.0); // the first sets the best, then ten bad ones: not more than patience
    }
    assertThat(s.rate(0)).isEqualTo(1e-3);
    s.observe(5.0);
    assertThat(s.rate(0)).isCloseTo(1e-4, within(1e-18));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> LearningRateSchedule.stepDecay(0.1, 0, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LearningRateSchedule.constant(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReduceOnPlateau(0.1, Mode.MIN, 1.5, 1, 0, ThresholdMode.REL, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRates(LearningRateSchedule s, double... expected) {
    for (int step = 0; step < expected.length; step++) {
      assertThat(s.rate(step)).as("step %d", step).isCloseTo(expected[step], within(1e-15));
    }
  }
}
