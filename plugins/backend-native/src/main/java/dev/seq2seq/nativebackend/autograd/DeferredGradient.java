package dev.seq2seq.nativebackend.autograd;

/**
 * A leaf's gradient contribution that a backward function hands to the pass unevaluated (see
 * {@link Backprop#defer}), to be added when the pass ends. A parameter used at every step of a
 * decoder gets one contribution per step; kept apart, they can be summed in one go (for a weight,
 * one GEMM over all the steps' rows instead of a small GEMM and a full-size add per step).
 */
public interface DeferredGradient {

  /** Adds this contribution to {@code dense}, the leaf's gradient from this pass so far. */
  void addTo(float[] dense);

  /**
   * Folds {@code next}, a later contribution to the same leaf, into this one when the two can be
   * summed together; returns false when {@code next} must stay a separate term.
   */
  default boolean absorb(DeferredGradient next) {
    return false;
  }
}
