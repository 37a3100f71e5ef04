package dev.seq2seq.task.forecasting.data;

/**
 * Sliding windows over a scaled series. A window is named by its origin {@code t}, the first row
 * it forecasts: the network reads rows {@code t-L .. t-1} (every column) and is asked for rows
 * {@code t .. t+H-1} of the target column.
 *
 * @param rows scaled values {@code [row][column]}
 * @param target the target's column
 * @param inputLength L
 * @param horizon H
 */
public record Windows(double[][] rows, int target, int inputLength, int horizon) {

  /**
   * Every origin whose inputs and targets lie in rows {@code 0 .. to-1} and whose targets start
   * at or after {@code from}: the windows of one part of the series (inputs may reach back into
   * the part before, which is known at that time).
   */
  public int[] origins(int from, int to) {
    int first = Math.max(from, inputLength);
    int last = to - horizon; // inclusive
    if (last < first) {
      return new int[0];
    }
    int[] out = new int[last - first + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = first + i;
    }
    return out;
  }

  public int features() {
    return rows[0].length;
  }

  /** Inputs of the windows at {@code origins}, {@code [B, L, F]} flattened row-major. */
  public float[] inputs(int[] origins) {
    int f = features();
    float[] out = new float[origins.length * inputLength * f];
    int i = 0;
    for (int t : origins) {
      for (int r = t - inputLength; r < t; r++) {
        for (int c = 0; c < f; c++) {
          out[i++] = (float) rows[r][c];
        }
      }
    }
    return out;
  }

  /** Scaled targets of the windows at {@code origins}, {@code [B, H]} flattened row-major. */
  public float[] targets(int[] origins) {
    float[] out = new float[origins.length * horizon];
    int i = 0;
    for (int t : origins) {
      for (int h = 0; h < horizon; h++) {
        out[i++] = (float) rows[t + h][target];
      }
    }
    return out;
  }
}
