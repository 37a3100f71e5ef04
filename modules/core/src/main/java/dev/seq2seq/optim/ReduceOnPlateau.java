package dev.seq2seq.optim;

/**
 * Lowers the learning rate when a validation metric stops improving, with PyTorch's {@code
 * ReduceLROnPlateau} semantics. Call {@link #observe} once per evaluation; {@link #rate} returns
 * the current rate whatever the step.
 *
 * <p>A metric is better than the best so far when, in relative threshold mode, it is below {@code
 * best * (1 - threshold)} (mode MIN) or above {@code best * (1 + threshold)} (mode MAX); in
 * absolute mode, below {@code best - threshold} or above {@code best + threshold}. After more than
 * {@code patience} observations without improvement the rate becomes {@code max(rate * factor,
 * minRate)} (changes smaller than 1e-8 are skipped), and the next {@code cooldown} observations
 * do not count as bad. NaN is never better.
 *
 * <p>Mutable and not thread-safe, like the training loop that drives it.
 */
public final class ReduceOnPlateau implements LearningRateSchedule {
  /** Whether lower or higher metrics are better. */
  public enum Mode {
    MIN,
    MAX
  }

  /** Whether the threshold is relative to the best value or absolute. */
  public enum ThresholdMode {
    REL,
    ABS
  }

  private static final double MIN_CHANGE = 1e-8;

  private final Mode mode;
  private final double factor;
  private final int patience;
  private final double threshold;
  private final ThresholdMode thresholdMode;
  private final int cooldown;
  private final double minRate;

  private double rate;
  private double best;
  private int badObservations;
  private int cooldownLeft;

  /** PyTorch's defaults: factor 0.1, patience 10, relative threshold 1e-4, no cooldown. */
  public ReduceOnPlateau(double rate, Mode mode) {
    this(rate, mode, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0);
  }

  public ReduceOnPlateau(
      double rate,
      Mode mode,
      double factor,
      int patience,
      double threshold,
      ThresholdMode thresholdMode,
      int cooldown,
      double minRate) {
    if (!(factor > 0 && factor < 1)) {
      throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
    }
    if (patience < 0 || cooldown < 0 || !(threshold >= 0) || !(minRate >= 0) || !(rate >= 0)) {
      throw new IllegalArgumentException("patience, cooldown, threshold and rates must be >= 0");
    }
    this.mode = mode;
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.thresholdMode = thresholdMode;
    this.cooldown = cooldown;
    this.minRate = minRate;
    this.rate = rate;
    this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  @Override
  public double rate(long step) {
    return rate;
  }

  /** The best metric observed so far (infinite before the first). */
  public double best() {
    return best;
  }

  @Override
  public void observe(double metric) {
    if (isBetter(metric)) {
      best = metric;
      badObservations = 0;
    } else {
      badObservations++;
    }
    if (cooldownLeft > 0) {
      cooldownLeft--;
      badObservations = 0;
    }
    if (badObservations > patience) {
      double reduced = Math.max(rate * factor, minRate);
      if (rate - reduced > MIN_CHANGE) {
        rate = reduced;
      }
      cooldownLeft = cooldown;
      badObservations = 0;
    }
  }

  private boolean isBetter(double metric) {
    if (mode == Mode.MIN) {
      double bound = thresholdMode == ThresholdMode.REL ? best * (1 - threshold) : best - threshold;
      return metric < bound;
    }
    double bound = thresholdMode == ThresholdMode.REL ? best * (1 + threshold) : best + threshold;
    return metric > bound;
  }
}
