package dev.seq2seq.task.lm.data;

/**
 * A block of parallel token streams: {@code inputs[s * steps + t]} is stream {@code s} at step
 * {@code t}, and {@code targets} the token that follows each input. Past a stream's length (only
 * in evaluation blocks) both hold 0 and must be ignored.
 *
 * @param lengths valid steps per stream, or null when every stream fills {@code steps}
 */
public record Window(int streams, int steps, int[] inputs, int[] targets, int[] lengths) {

  /** Number of predictions in the block, padding excluded. */
  public long tokens() {
    if (lengths == null) {
      return (long) streams * steps;
    }
    long n = 0;
    for (int l : lengths) {
      n += l;
    }
    return n;
  }
}
