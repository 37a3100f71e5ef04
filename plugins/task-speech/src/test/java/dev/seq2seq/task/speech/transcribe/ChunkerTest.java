package dev.seq2seq.task.speech.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.task.speech.TestWavs;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private static final int RATE = 8000;

  @Test
  void cutsLongAudioAtTheQuietestPointBeforeEachLimit() {
    float[] x = TestWavs.tone(300, 70, RATE);
    // Pauses at 27.0-27.3 s and 55.5-55.8 s: the cuts must land inside them.
    java.util.Arrays.fill(x, 27 * RATE, (int) (27.3 * RATE), 0f);
    java.util.Arrays.fill(x, (int) (55.5 * RATE), (int) (55.8 * RATE), 0f);
    int[] starts = Chunker.boundaries(x, RATE, 30, 4);
    assertThat(starts).hasSize(3);
    assertThat(starts[0]).isZero();
    assertThat(starts[1] / (double) RATE).isBetween(27.0, 27.3);
    assertThat(starts[2] / (double) RATE).isBetween(55.5, 55.8);
    for (int i = 0; i < starts.length; i++) {
      int end = i + 1 < starts.length ? starts[i + 1] : x.length;
      assertThat(end - starts[i]).isLessThanOrEqualTo(30 * RATE);
    }
  }

  @Test
  void shortAudioIsOneChunk() {
    assertThat(Chunker.boundaries(new float[RATE * 5], RATE, 30, 2)).containsExactly(0);
    assertThat(Chunker.boundaries(new float[30 * RATE], RATE, 30, 2)).containsExactly(0);
  }
}
