package dev.seq2seq.task.speech.transcribe;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long recording into windows of at most {@code maxSeconds}, cutting each at the quietest
 * 20 ms in its last {@code searchSeconds} so that a cut rarely falls inside a word. Only one
 * window's features and activations exist at a time, however long the recording.
 */
final class Chunker {
  private Chunker() {}

  /** Start offsets of the chunks (the last chunk ends at the end of the samples). */
  static int[] boundaries(float[] samples, int rate, double maxSeconds, double searchSeconds) {
    int max = Math.max(1, (int) Math.round(maxSeconds * rate));
    int search = Math.min(max / 2, (int) Math.round(searchSeconds * rate));
    int frame = Math.max(1, rate / 50);
    List<Integer> starts = new ArrayList<>();
    int start = 0;
    starts.add(0);
    while (samples.length - start > max) {
      int end = start + max;
      int best = end;
      double bestEnergy = Double.MAX_VALUE;
      for (int cut = end - search; cut + frame <= end; cut += frame / 2 == 0 ? 1 : frame / 2) {
        double e = 0;
        for (int i = cut; i < cut + frame; i++) {
          e += samples[i] * samples[i];
        }
        if (e < bestEnergy) {
          bestEnergy = e;
          best = cut + frame / 2;
        }
      }
      start = best;
      starts.add(start);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
