package dev.seq2seq.task.lm.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplerTest {
  private static final float[] LOGITS = {1.0f, 3.0f, 0.5f, 3.0f, -2.0f};

  @Test
  void temperatureScalesTheLogitsBeforeTheSoftmax() {
    for (double t : new double[] {0.5, 1.0, 2.0}) {
      double[] p = new Sampler(t, 0).distribution(LOGITS, -1);
      double z = 0;
      for (float l : LOGITS) {
        z += Math.exp(l / t);
      }
      for (int i = 0; i < LOGITS.length; i++) {
        assertThat(p[i]).isCloseTo(Math.exp(LOGITS[i] / t) / z, within(1e-12));
      }
    }
  }

  @Test
  void topKKeepsTheKLargestRenormalisedWithTiesToTheLowerId() {
    double[] p = new Sampler(1.0, 2).distribution(LOGITS, -1);
    // Ids 1 and 3 tie for the largest logit: equal halves, nothing else.
    assertThat(p).containsExactly(new double[] {0, 0.5, 0, 0.5, 0}, within(1e-12));
    double[] three = new Sampler(1.0, 3).distribution(LOGITS, -1);
    double z = 2 * Math.exp(3.0) + Math.exp(1.0);
    assertThat(three[0]).isCloseTo(Math.exp(1.0) / z, within(1e-12));
    assertThat(three[2]).isZero();
    assertThat(three[4]).isZero();
    // K beyond the vocabulary keeps everything.
    assertThat(new Sampler(1.0, 99).distribution(LOGITS, -1))
        .containsExactly(new Sampler(1.0, 0).distribution(LOGITS, -1), within(1e-15));
  }

  @Test
  void topKOneIsGreedyAtAnyTemperature() {
    SplittableRandom rng = new SplittableRandom(3);
    for (double t : new double[] {0.1, 1.0, 50.0}) {
      Sampler greedy = new Sampler(t, 1);
      for (int i = 0; i < 20; i++) {
        assertThat(greedy.sample(LOGITS, -1, rng)).isEqualTo(1); // the lower of the tied ids
      }
    }
  }

  @Test
  void theBannedTokenIsNeverDrawn() {
    Sampler greedy = new Sampler(1.0, 1);
    assertThat(greedy.sample(LOGITS, 1, new SplittableRandom(1))).isEqualTo(3);
    double[] p = new Sampler(1.0, 0).distribution(LOGITS, 1);
    assertThat(p[1]).isZero();
    assertThat(p[3]).isGreaterThan(0.5);
  }

  @Test
  void drawsFollowTheDistributionAndRepeatForASeed() {
    Sampler sampler = new Sampler(0.7, 4);
    double[] p = sampler.distribution(LOGITS, -1);
    int draws = 200_000;
    int[] counts = new int[LOGITS.length];
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < draws; i++) {
      counts[sampler.sample(LOGITS, -1, rng)]++;
    }
    for (int i = 0; i < LOGITS.length; i++) {
      // Four standard deviations of a binomial proportion.
      double sd = Math.sqrt(p[i] * (1 - p[i]) / draws);
      assertThat((double) counts[i] / draws).isCloseTo(p[i], within(4 * sd + 1e-9));
    }
    assertThat(counts[4]).isZero(); // outside the top 4
    int[] a = new int[50];
    int[] b = new int[50];
    SplittableRandom ra = new SplittableRandom(5);
    SplittableRandom rb = new SplittableRandom(5);
    for (int i = 0; i < 50; i++) {
      a[i] = sampler.sample(LOGITS, -1, ra);
      b[i] = sampler.sample(LOGITS, -1, rb);
    }
    assertThat(a).isEqualTo(b);
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new Sampler(0, 0)).hasMessageContaining("temperature");
    assertThatThrownBy(() -> new Sampler(-1, 0)).hasMessageContaining("temperature");
    assertThatThrownBy(() -> new Sampler(Double.NaN, 0)).hasMessageContaining("temperature");
    assertThatThrownBy(() -> new Sampler(Double.POSITIVE_INFINITY, 0))
        .hasMessageContaining("temperature");
    assertThatThrownBy(() -> new Sampler(1, -1)).hasMessageContaining("top-k");
  }
}
