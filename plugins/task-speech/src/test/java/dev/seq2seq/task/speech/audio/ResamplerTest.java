package dev.seq2seq.task.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResamplerTest {
  private static float[] sine(double hz, int rate, double seconds, double amplitude) {
    float[] x = new float[(int) (rate * seconds)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return x;
  }

  /** Amplitude and phase of {@code hz} in the middle of {@code y} by projection (edges skipped). */
  private static double[] fit(float[] y, double hz, int rate) {
    int lo = y.length / 4;
    int hi = 3 * y.length / 4;
    double s = 0;
    double c = 0;
    for (int i = lo; i < hi; i++) {
      s += y[i] * Math.sin(2 * Math.PI * hz * i / rate);
      c += y[i] * Math.cos(2 * Math.PI * hz * i / rate);
    }
    return new double[] {2 * Math.hypot(s, c) / (hi - lo), Math.atan2(c, s)};
  }

  private static double rms(float[] y) {
    double ss = 0;
    int lo = y.length / 4;
    int hi = 3 * y.length / 4;
    for (int i = lo; i < hi; i++) {
      ss += y[i] * (double) y[i];
    }
    return Math.sqrt(ss / (hi - lo));
  }

  @Test
  void keepsFrequencyAndAmplitudeOfASine() {
    float[] y = new Resampler(44100, 16000).apply(sine(1000, 44100, 1.0, 0.5));
    assertThat(y.length).isEqualTo(16000);
    double[] fit = fit(y, 1000, 16000);
    assertThat(fit[0]).isCloseTo(0.5, within(0.005));
    assertThat(fit[1]).as("phase: no delay").isCloseTo(0, within(0.01));
    // Everything left after removing the fitted 1 kHz sine is under -60 dB of the signal.
    float[] residual = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      residual[i] = (float) (y[i] - fit[0] * Math.sin(2 * Math.PI * 1000 * i / 16000 + fit[1]));
    }
    assertThat(20 * Math.log10(rms(residual) / rms(y))).isLessThan(-60);
  }

  @Test
  void attenuatesTonesAboveTheNewNyquistBySixtyDecibels() {
    Resampler r = new Resampler(44100, 16000);
    for (double hz : new double[] {8600, 10000, 15000, 20000}) {
      float[] x = sine(hz, 44100, 1.0, 0.5);
      double db = 20 * Math.log10(rms(r.apply(x)) / rms(x));
      assertThat(db).as("%s Hz", hz).isLessThan(-60);
    }
  }

  @Test
  void upsamplesWithoutChangingTheTone() {
    float[] y = new Resampler(8000, 16000).apply(sine(440, 8000, 0.5, 0.8));
    assertThat(y.length).isEqualTo(8000);
    assertThat(fit(y, 440, 16000)[0]).isCloseTo(0.8, within(0.008));
  }

  @Test
  void isTheIdentityWhenRatesMatch() {
    float[] x = sine(300, 16000, 0.1, 0.3);
    assertThat(new Resampler(16000, 16000).apply(x)).containsExactly(x);
    Audio a = new Resampler(16000, 8000).apply(new Audio(x, 16000));
    assertThat(a.sampleRate()).isEqualTo(8000);
    assertThat(a.length()).isEqualTo(800);
  }

  @Test
  void keepsAConstantConstant() {
    float[] x = new float[4410];
    java.util.Arrays.fill(x, 0.25f);
    float[] y = new Resampler(44100, 16000).apply(x);
    for (int i = 200; i < y.length - 200; i++) {
      assertThat((double) y[i]).isCloseTo(0.25, within(1e-5));
    }
  }
}
