package dev.seq2seq.optim;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Parameter;
import java.util.List;

/** Gradient clipping, as PyTorch's {@code clip_grad_norm_}. */
public final class GradientClipping {

  private GradientClipping() {}

  /**
   * Scales all gradients together so that their global L2 norm is at most {@code maxNorm}: when
   * the norm exceeds it, every gradient is multiplied by {@code maxNorm / (norm + 1e-6)} (PyTorch's
   * coefficient). Parameters without a gradient are skipped.
   *
   * <p>The norm is reduced on the backend, and only the final scalar comes to the host. A
   * non-finite norm (an overflow or NaN somewhere) is returned but not applied, so the caller can
   * see it and skip the step rather than scale every gradient to NaN.
   *
   * @return the global norm before clipping
   */
  public static double clipByGlobalNorm(List<Parameter> parameters, double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("max norm must be > 0, got " + maxNorm);
    }
    Tensor sumOfSquares = null;
    for (Parameter p : parameters) {
      Tensor g = p.grad();
      if (g == null) {
        continue;
      }
      Tensor s = g.square().sum();
      sumOfSquares = sumOfSquares == null ? s : sumOfSquares.add(s);
    }
    if (sumOfSquares == null) {
      return 0.0;
    }
    double norm = Math.sqrt(sumOfSquares.item());
    if (!Double.isFinite(norm)) {
      return norm;
    }
    double coefficient = maxNorm / (norm + 1e-6);
    if (coefficient < 1) {
      for (Parameter p : parameters) {
        Tensor g = p.grad();
        if (g != null) {
          g.mulInPlace(coefficient);
        }
      }
    }
    return norm;
  }
}
