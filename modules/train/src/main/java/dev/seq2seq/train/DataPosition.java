package dev.seq2seq.train;

/**
 * Where training is in its data: the epoch (from 0) and the batch within it (from 0). Saved in
 * every checkpoint, so that a resumed run continues with the very next batch.
 */
public record DataPosition(long epoch, long index) {
  public DataPosition {
    if (epoch < 0 || index < 0) {
      throw new IllegalArgumentException("bad data position " + epoch + "/" + index);
    }
  }

  public static DataPosition start() {
    return new DataPosition(0, 0);
  }

  public DataPosition next() {
    return new DataPosition(epoch, index + 1);
  }

  public DataPosition nextEpoch() {
    return new DataPosition(epoch + 1, 0);
  }
}
