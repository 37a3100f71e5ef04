package dev.seq2seq.task.speech.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeaturesTest {
  private static float[] tone(double hz, int rate, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return x;
  }

  @Test
  void aPureTonePeaksInTheMelBandThatContainsIt() {
    int rate = 16000;
    LogMelConfig cfg = new LogMelConfig(40, 25, 10, 512, 0, 0, "htk", 1e-6, false, 1);
    for (double hz : new double[] {300, 1000, 2500, 6000}) {
      double[][] raw = cfg.build(rate).raw(tone(hz, rate, rate / 2));
      double[] mid = raw[raw.length / 2];
      int best = 0;
      for (int m = 1; m < mid.length; m++) {
        if (mid[m] > mid[best]) {
          best = m;
        }
      }
      // The filter centred nearest the tone, on the HTK scale's evenly spaced mel points.
      double step = MelScale.HTK.toMel(rate / 2.0) / 41;
      int expected = (int) Math.round(MelScale.HTK.toMel(hz) / step) - 1;
      assertThat(Math.abs(best - expected)).as("%s Hz: band %d, expected %d", hz, best, expected).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void melScalesRoundTrip() {
    for (MelScale s : MelScale.values()) {
      for (double hz : new double[] {0, 200, 999, 1000, 4000, 7999}) {
        assertThat(s.toHz(s.toMel(hz))).isCloseTo(hz, within(1e-6));
      }
    }
    assertThat(MelScale.HTK.toMel(1000)).isCloseTo(1000, within(0.1));
    assertThat(MelScale.SLANEY.toMel(1000)).isCloseTo(15, within(1e-9));
  }

  @Test
  void normalisationAndStacking() {
    double[][] x = {{1, 10}, {2, 20}, {3, 30}, {4, 40}, {5, 50}};
    float[][] n = FrameOps.normalize(x);
    double sd = Math.sqrt(2.5); // unbiased std of 1..5
    assertThat((double) n[0][0]).isCloseTo(-2 / (sd + 1e-5), within(1e-6));
    assertThat((double) n[4][1]).isCloseTo(20 / (10 * sd + 1e-5), within(1e-6));
    float[][] s = FrameOps.stack(n, 2);
    assertThat(s.length).isEqualTo(2);
    assertThat(s[1]).containsExactly(n[2][0], n[2][1], n[3][0], n[3][1]);
  }

  @Test
  void mfccIsTheOrthonormalDctOfLogMel() {
    double[][] d = FrameOps.dct(40, 40);
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 40; j++) {
        double dot = 0;
        for (int k = 0; k < 40; k++) {
          dot += d[i][k] * d[j][k];
        }
        assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-9));
      }
    }
    float[] x = tone(700, 8000, 4000);
    MfccConfig mfcc = new MfccConfig(13, 40, 25, 10, 0, 0, 0, "htk", 1e-6, false, 1);
    LogMelConfig mel = new LogMelConfig(40, 25, 10, 0, 0, 0, "htk", 1e-6, false, 1);
    double[] c = mfcc.build(8000).raw(x)[10];
    double[] m = mel.build(8000).raw(x)[10];
    double c0 = 0;
    for (double v : m) {
      c0 += v;
    }
    assertThat(c).hasSize(13);
    assertThat(c[0]).isCloseTo(c0 / Math.sqrt(40), within(1e-9));
  }

  @Test
  void specAugmentMasksReproduciblyWithinItsLimits() {
    float[][] x = new float[100][40];
    for (float[] row : x) {
      java.util.Arrays.fill(row, 1f);
    }
    SpecAugmentConfig aug = new SpecAugmentConfig(2, 10, 0.2, 2, 8);
    float[][] a = aug.apply(x, new SplittableRandom(7));
    float[][] b = aug.apply(x, new SplittableRandom(7));
    assertThat(a).isDeepEqualTo(b);
    assertThat(x[0][0]).isEqualTo(1f); // input untouched
    int zeroRows = 0;
    int zeroCols = 0;
    for (float[] row : a) {
      zeroRows += allZero(row) ? 1 : 0;
    }
    for (int d = 0; d < 40; d++) {
      boolean all = true;
      for (float[] row : a) {
        all &= row[d] == 0;
      }
      zeroCols += all ? 1 : 0;
    }
    assertThat(zeroRows).isBetween(1, 20);
    assertThat(zeroCols).isBetween(1, 16);
    assertThat(SpecAugmentConfig.none().apply(x, new SplittableRandom(1))).isDeepEqualTo(x);
  }

  private static boolean allZero(float[] row) {
    for (float v : row) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void filterbankSumsOnlyEachFiltersOwnBinsAndGetsTheDenseSumToTheBit() {
    SplittableRandom random = new SplittableRandom(3);
    for (int rate : new int[] {8000, 16000}) {
      MelFilterbank bank = new MelFilterbank(40, 129, rate, 0, rate / 2.0, MelScale.HTK);
      double[][] w = bank.weights();
      double[] power = new double[129];
      for (int k = 0; k < power.length; k++) {
        power[k] = random.nextDouble() * 100;
      }
      double[] out = bank.apply(power);
      for (int m = 0; m < w.length; m++) {
        double dense = 0;
        for (int k = 0; k < power.length; k++) {
          dense += w[m][k] * power[k];
        }
        assertThat(out[m]).as("filter %d at %d Hz", m, rate).isEqualTo(dense);
      }
    }
  }
}
