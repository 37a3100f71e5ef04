package dev.seq2seq.task.forecasting.data;

import java.util.Arrays;

/**
 * Per-column affine scaling {@code (x - centre) / scale}, fitted on the training rows only (so
 * nothing about validation or test values leaks into training) and saved with the model, so that
 * a forecast scales new input exactly as training did.
 *
 * @param centre per column: the mean (standard), the minimum (min-max) or 0 (none)
 * @param scale per column: the standard deviation, the range, or 1; a constant column gets 1
 */
public record Scaler(Scaling kind, double[] centre, double[] scale) {

  public Scaler {
    centre = centre.clone();
    scale = scale.clone();
    if (centre.length != scale.length) {
      throw new IllegalArgumentException(centre.length + " centres but " + scale.length + " scales");
    }
    for (double s : scale) {
      if (!(s > 0) || !Double.isFinite(s)) {
        throw new IllegalArgumentException("scales must be finite and > 0, got " + Arrays.toString(scale));
      }
    }
  }

  /** Fits on {@code rows} (each a row of every column); there must be at least one. */
  public static Scaler fit(Scaling kind, double[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows to fit the scaling on");
    }
    int columns = rows[0].length;
    double[] centre = new double[columns];
    double[] scale = new double[columns];
    for (int c = 0; c < columns; c++) {
      double sum = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] row : rows) {
        sum += row[c];
        min = Math.min(min, row[c]);
        max = Math.max(max, row[c]);
      }
      double mean = sum / rows.length;
      double squares = 0;
      for (double[] row : rows) {
        squares += (row[c] - mean) * (row[c] - mean);
      }
      double std = Math.sqrt(squares / rows.length);
      switch (kind) {
        case STANDARD -> {
          centre[c] = mean;
          scale[c] = std > 0 ? std : 1;
        }
        case MINMAX -> {
          centre[c] = min;
          scale[c] = max > min ? max - min : 1;
        }
        case NONE -> scale[c] = 1;
      }
    }
    return new Scaler(kind, centre, scale);
  }

  public int columns() {
    return centre.length;
  }

  public double apply(double value, int column) {
    return (value - centre[column]) / scale[column];
  }

  public double invert(double scaled, int column) {
    return scaled * scale[column] + centre[column];
  }

  /** Every row scaled, as a new array. */
  public double[][] apply(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != columns()) {
        throw new IllegalArgumentException(
            "row " + r + " has " + rows[r].length + " columns, the scaler " + columns());
      }
      out[r] = new double[columns()];
      for (int c = 0; c < columns(); c++) {
        out[r][c] = apply(rows[r][c], c);
      }
    }
    return out;
  }

  @Override
  public double[] centre() {
    return centre.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scaler s && kind == s.kind && Arrays.equals(centre, s.centre)
        && Arrays.equals(scale, s.scale);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * kind.hashCode() + Arrays.hashCode(centre)) + Arrays.hashCode(scale);
  }

  @Override
  public String toString() {
    return "Scaler[" + kind + ", centre " + Arrays.toString(centre) + ", scale " + Arrays.toString(scale) + "]";
  }
}
