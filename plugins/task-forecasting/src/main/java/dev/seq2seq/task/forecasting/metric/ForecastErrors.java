package dev.seq2seq.task.forecasting.metric;

/**
 * Forecast errors gathered per lead (1 .. H steps ahead) over many windows, in the units they are
 * given in. {@code rmse(k)} and {@code mae(k)} pool the first {@code k} leads of every window: k =
 * 1 is the one-step-ahead error, k = H the error over the whole horizon.
 */
public final class ForecastErrors {
  private final double[] squares;
  private final double[] absolutes;
  private long windows;

  public ForecastErrors(int horizon) {
    if (horizon <= 0) {
      throw new IllegalArgumentException("horizon must be > 0, got " + horizon);
    }
    this.squares = new double[horizon];
    this.absolutes = new double[horizon];
  }

  /** Adds one window: a forecast and the actual values, both of length H. */
  public void add(double[] forecast, double[] actual) {
    if (forecast.length != squares.length || actual.length != squares.length) {
      throw new IllegalArgumentException("expected " + squares.length + " values, got a forecast of "
          + forecast.length + " and " + actual.length + " actual values");
    }
    for (int h = 0; h < squares.length; h++) {
      double e = forecast[h] - actual[h];
      squares[h] += e * e;
      absolutes[h] += Math.abs(e);
    }
    windows++;
  }

  public long windows() {
    return windows;
  }

  public int horizon() {
    return squares.length;
  }

  /** Root mean squared error over leads 1..k of every window. */
  public double rmse(int k) {
    return Math.sqrt(pooled(squares, k));
  }

  /** Mean absolute error over leads 1..k of every window. */
  public double mae(int k) {
    return pooled(absolutes, k);
  }

  private double pooled(double[] perLead, int k) {
    if (k < 1 || k > perLead.length) {
      throw new IllegalArgumentException("lead " + k + " is outside 1.." + perLead.length);
    }
    if (windows == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int h = 0; h < k; h++) {
      sum += perLead[h];
    }
    return sum / ((double) windows * k);
  }
}
