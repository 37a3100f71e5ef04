package dev.seq2seq.task.lm.data;

/**
 * How truncated back-propagation through time reads one long training text: the text is cut into
 * {@code streams} contiguous streams of equal length, read side by side (one stream per batch
 * row) in windows of {@code bptt} steps, so that window {@code i + 1} of a row continues exactly
 * where window {@code i} of the same row stopped and the recurrent state can be carried over.
 *
 * <p>With {@code n} tokens, each stream makes {@code L = (n - 1) / streams} predictions: stream
 * {@code s} reads inputs {@code ids[s*L .. s*L + L - 1]} and predicts {@code ids[s*L + 1 .. s*L +
 * L]}. The last {@code (n - 1) mod streams} predictions are dropped. The last window is shorter
 * when {@code bptt} does not divide {@code L}. The layout is the same every epoch, so any window
 * can be rebuilt from its index alone.
 */
public final class StreamLayout {
  private final int[] ids;
  private final int streams;
  private final int bptt;
  private final int length;

  public StreamLayout(int[] ids, int streams, int bptt) {
    if (streams <= 0 || bptt <= 0) {
      throw new IllegalArgumentException("streams and bptt must be > 0, got " + streams + ", " + bptt);
    }
    if (ids.length - 1 < streams) {
      throw new IllegalArgumentException("the training text has " + ids.length + " tokens, too few"
          + " for " + streams + " streams (train.batch_size); each stream needs at least 2");
    }
    this.ids = ids;
    this.streams = streams;
    this.bptt = bptt;
    this.length = (ids.length - 1) / streams;
  }

  /** Predictions per stream in one epoch. */
  public int streamLength() {
    return length;
  }

  public int streams() {
    return streams;
  }

  /** Windows in one epoch. */
  public int windows() {
    return (length + bptt - 1) / bptt;
  }

  /** Window {@code index} of every epoch. */
  public Window window(int index) {
    if (index < 0 || index >= windows()) {
      throw new IndexOutOfBoundsException("window " + index + " of " + windows());
    }
    int from = index * bptt;
    int steps = Math.min(bptt, length - from);
    int[] inputs = new int[streams * steps];
    int[] targets = new int[streams * steps];
    for (int s = 0; s < streams; s++) {
      System.arraycopy(ids, s * length + from, inputs, s * steps, steps);
      System.arraycopy(ids, s * length + from + 1, targets, s * steps, steps);
    }
    return new Window(streams, steps, inputs, targets, null);
  }
}
