package dev.seq2seq.task.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpeedPerturbationTest {
  private static Audio tone(double hz, int rate, int samples) {
    float[] x = new float[samples];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return new Audio(x, rate);
  }

  /** Frequency from the sign changes in the middle half (edges skipped: filter warm-up). */
  private static double frequency(float[] y, int rate) {
    int lo = y.length / 4;
    int hi = 3 * y.length / 4;
    int crossings = 0;
    for (int i = lo + 1; i < hi; i++) {
      if ((y[i - 1] < 0) != (y[i] < 0)) {
        crossings++;
      }
    }
    return crossings / 2.0 * rate / (hi - lo);
  }

  @Test
  void fasterSpeechIsShorterAndHigherAtTheSameRate() {
    SpeedPerturbation fast = new SpeedPerturbation(8000, 1.25);
    assertThat(fast.actualSpeed()).isEqualTo(1.25); // 8000 -> 6400 Hz, a multiple of 50
    Audio y = fast.apply(tone(500, 8000, 8000));
    assertThat(y.sampleRate()).isEqualTo(8000);
    assertThat(y.length()).isEqualTo(6400);
    assertThat(frequency(y.samples(), 8000)).isCloseTo(625, within(5.0));

    Audio z = new SpeedPerturbation(8000, 0.8).apply(tone(500, 8000, 8000));
    assertThat(z.length()).isEqualTo(10000);
    assertThat(frequency(z.samples(), 8000)).isCloseTo(400, within(5.0));
  }

  @Test
  void speedsAreRoundedToAShortResamplingPeriod() {
    SpeedPerturbation p = new SpeedPerturbation(8000, 1.1); // 7272.7 Hz -> 7250 Hz
    assertThat(p.actualSpeed()).isCloseTo(8000 / 7250.0, within(1e-12));
    Audio same = tone(500, 8000, 100);
    assertThat(new SpeedPerturbation(8000, 1.0).apply(same)).isSameAs(same);
  }

  @Test
  void refusesAudioAtAnotherRate() {
    assertThatThrownBy(() -> new SpeedPerturbation(8000, 1.1).apply(tone(500, 16000, 100)))
        .hasMessageContaining("16000 Hz").hasMessageContaining("8000 Hz");
    assertThatThrownBy(() -> new SpeedPerturbation(8000, 0)).hasMessageContaining("positive");
  }
}
