package dev.seq2seq.task.speech.transcribe;

/**
 * Where to cut a long recording into windows of at most {@code maxSeconds}: at the quietest 20 ms
 * in the last {@code searchSeconds} of each window, so that a cut rarely falls inside a word.
 */
final class Chunker {
  private Chunker() {}

  /**
   * Length of the first chunk of {@code x[from, from + window)}: the middle of its quietest 20 ms
   * within the last {@code searchSeconds} (at most half the window).
   */
  static int cut(float[] x, int from, int window, int rate, double searchSeconds) {
    int search = Math.min(window / 2, (int) Math.round(searchSeconds * rate));
    int frame = Math.max(2, rate / 50);
    int best = window;
    double bestEnergy = Double.MAX_VALUE;
    for (int c = window - search; c + frame <= window; c += frame / 2) {
      double e = 0;
      for (int i = from + c; i < from + c + frame; i++) {
        e += x[i] * x[i];
      }
      if (e < bestEnergy) {
        bestEnergy = e;
        best = c + frame / 2;
      }
    }
    return Math.max(1, best);
  }
}
