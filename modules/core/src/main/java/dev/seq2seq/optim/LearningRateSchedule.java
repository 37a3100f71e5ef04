package dev.seq2seq.optim;

/**
 * The learning rate as a function of the optimisation step (counted from 0), and for schedules
 * that react to validation results, of the metrics observed so far.
 *
 * <pre>{@code
 * LearningRateSchedule schedule =
 *     LearningRateSchedule.linearWarmup(LearningRateSchedule.exponential(1e-3, 0.9999), 1000);
 * optimizer.setLearningRate(schedule.rate(step));
 * }</pre>
 */
public interface LearningRateSchedule {

  /** The learning rate to use for step {@code step} (0-based). */
  double rate(long step);

  /** Reports a validation metric (once per evaluation); ignored by step-driven schedules. */
  default void observe(double metric) {}

  /** The same rate at every step. */
  static LearningRateSchedule constant(double rate) {
    requireRate(rate);
    return step -> rate;
  }

  /** {@code rate * gamma^floor(step / stepSize)}, as PyTorch's {@code StepLR}. */
  static LearningRateSchedule stepDecay(double rate, long stepSize, double gamma) {
    requireRate(rate);
    if (stepSize <= 0 || !(gamma > 0)) {
      throw new IllegalArgumentException("step size and gamma must be > 0");
    }
    return step -> rate * Math.pow(gamma, Math.floorDiv(checkStep(step), stepSize));
  }

  /** {@code rate * gamma^step}, as PyTorch's {@code ExponentialLR}. */
  static LearningRateSchedule exponential(double rate, double gamma) {
    requireRate(rate);
    if (!(gamma > 0)) {
      throw new IllegalArgumentException("gamma must be > 0, got " + gamma);
    }
    return step -> rate * Math.pow(gamma, checkStep(step));
  }

  /**
   * Scales another schedule by {@code step / warmupSteps} during the first {@code warmupSteps}
   * steps (so step 0 has rate 0), then follows it unchanged. The inner schedule sees the same step
   * numbers, and metrics are passed on to it.
   */
  static LearningRateSchedule linearWarmup(LearningRateSchedule inner, long warmupSteps) {
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warm-up steps must be >= 0, got " + warmupSteps);
    }
    return new LearningRateSchedule() {
      @Override
      public double rate(long step) {
        double base = inner.rate(checkStep(step));
        return step < warmupSteps ? base * step / warmupSteps : base;
      }

      @Override
      public void observe(double metric) {
        inner.observe(metric);
      }
    };
  }

  private static void requireRate(double rate) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + rate);
    }
  }

  private static long checkStep(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, got " + step);
    }
    return step;
  }
}
