package dev.seq2seq.task.forecasting.metric;

/**
 * The forecasts a learned model must beat, from the history alone.
 *
 * <ul>
 *   <li>Naive: every future value is the last observed one, {@code y[t-1]}.
 *   <li>Seasonal naive with period m: each future value repeats the last observed value at the
 *       same phase of the season, {@code y[t+h - m*ceil((h+1)/m)]} for lead {@code h+1}.
 * </ul>
 */
public final class Baselines {
  private Baselines() {}

  /** The naive forecast of rows {@code t .. t+horizon-1} from {@code y[0 .. t-1]}. */
  public static double[] naive(double[] y, int t, int horizon) {
    if (t < 1 || t > y.length) {
      throw new IllegalArgumentException("the naive forecast at row " + t + " needs a row before it");
    }
    double[] out = new double[horizon];
    java.util.Arrays.fill(out, y[t - 1]);
    return out;
  }

  /** The seasonal-naive forecast of rows {@code t .. t+horizon-1}; needs {@code t >= season}. */
  public static double[] seasonal(double[] y, int t, int horizon, int season) {
    if (season <= 0) {
      throw new IllegalArgumentException("season must be > 0, got " + season);
    }
    if (t < season || t > y.length) {
      throw new IllegalArgumentException("the seasonal-naive forecast at row " + t
          + " needs a full season (" + season + " rows) before it");
    }
    double[] out = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      int lag = season * ((h + season) / season); // m * ceil((h+1)/m)
      out[h] = y[t + h - lag];
    }
    return out;
  }
}
