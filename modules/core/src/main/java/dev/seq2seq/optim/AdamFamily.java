package dev.seq2seq.optim;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Parameter;
import java.util.List;
import java.util.Set;

/**
 * Adam's update (Kingma and Ba, 2015) with PyTorch's bias correction, shared by {@link Adam} (L2
 * weight decay added to the gradient) and {@link AdamW} (decoupled decay, Loshchilov and Hutter):
 *
 * <pre>{@code
 * t = t + 1
 * g = g + wd * p                     (Adam)    |   p = p - lr * wd * p   (AdamW)
 * m = b1 * m + (1 - b1) * g
 * v = b2 * v + (1 - b2) * g * g
 * p = p - (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * }</pre>
 *
 * <p>State: {@code <param>.step}, {@code <param>.exp_avg}, {@code <param>.exp_avg_sq}, as PyTorch
 * names them. Every step runs on the backend with the in-place tensor methods.
 */
abstract class AdamFamily extends AbstractOptimizer {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean decoupled;

  AdamFamily(
      List<Parameter> parameters,
      double learningRate,
      double beta1,
      double beta2,
      double eps,
      double weightDecay,
      boolean decoupled) {
    super(parameters, learningRate, Set.of("step", "exp_avg", "exp_avg_sq"));
    require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got " + beta1);
    require(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got " + beta2);
    require(eps >= 0, "eps must be >= 0, got " + eps);
    require(weightDecay >= 0, "weight decay must be >= 0, got " + weightDecay);
    this.beta1 = beta1;
    state.reserve(parameters(), "exp_avg");
    state.reserve(parameters(), "exp_avg_sq");
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.decoupled = decoupled;
  }

  public final double weightDecay() {
    return weightDecay;
  }

  @Override
  protected final void update(Parameter p, Tensor grad) {
    Tensor value = p.value();
    double lr = learningRate();
    long t = state.step(p) + 1;
    state.setStep(p, t);
    Tensor m = state.getOrZeros(p, "exp_avg");
    Tensor v = state.getOrZeros(p, "exp_avg_sq");

    Tensor g = grad;
    if (weightDecay != 0) {
      if (decoupled) {
        value.mulInPlace(1 - lr * weightDecay);
      } else {
        g = grad.add(value.mul(weightDecay)); // a temporary, off any tape
      }
    }
    m.mulInPlace(beta1);
    m.addInPlace(g, 1 - beta1);
    v.mulInPlace(beta2);
    v.addProductInPlace(g, g, 1 - beta2);

    // m / (sqrt(v) / c2 + eps) = c2 * m / (sqrt(v) + eps * c2), with c2 = sqrt(1 - b2^t), which
    // is the form addRatioInPlace computes.
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = Math.sqrt(1 - Math.pow(beta2, t));
    value.addRatioInPlace(m, v, eps * c2, -lr * c2 / c1);
  }
}
