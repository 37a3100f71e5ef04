package dev.seq2seq.task.speech.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.task.speech.TestWavs;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private static final int RATE = 8000;

  @Test
  void cutsAtTheQuietestPointNearTheEndOfTheWindow() {
    float[] x = TestWavs.tone(300, 70, RATE);
    // Pauses at 27.0-27.3 s and 55.5-55.8 s: windows of 30 s must be cut inside them.
    java.util.Arrays.fill(x, 27 * RATE, (int) (27.3 * RATE), 0f);
    java.util.Arrays.fill(x, (int) (55.5 * RATE), (int) (55.8 * RATE), 0f);
    int first = Chunker.cut(x, 0, 30 * RATE, RATE, 4);
    assertThat(first / (double) RATE).isBetween(27.0, 27.3);
    int second = first + Chunker.cut(x, first, 30 * RATE, RATE, 4);
    assertThat(second / (double) RATE).isBetween(55.5, 55.8);
  }

  @Test
  void withoutAPauseTheCutStaysWithinTheSearchedTail() {
    float[] x = TestWavs.tone(300, 40, RATE);
    int cut = Chunker.cut(x, 0, 30 * RATE, RATE, 2);
    assertThat(cut).isBetween(28 * RATE, 30 * RATE);
    // The search never covers more than half the window.
    assertThat(Chunker.cut(x, 0, 2 * RATE, RATE, 5)).isBetween(RATE, 2 * RATE);
  }
}
