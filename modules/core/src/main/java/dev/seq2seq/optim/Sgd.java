package dev.seq2seq.optim;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Parameter;
import java.util.List;
import java.util.Set;

/**
 * Stochastic gradient descent with PyTorch's {@code torch.optim.SGD} semantics:
 *
 * <pre>{@code
 * d = g + weightDecay * p
 * buf = d                                    (first step)
 * buf = momentum * buf + (1 - dampening) * d (later steps)
 * d = nesterov ? d + momentum * buf : buf    (when momentum != 0)
 * p = p - lr * d
 * }</pre>
 *
 * <p>State: {@code <param>.momentum_buffer} when momentum is used.
 */
public final class Sgd extends AbstractOptimizer {
  private final double momentum;
  private final double dampening;
  private final boolean nesterov;
  private final double weightDecay;

  /** Plain SGD without momentum or weight decay. */
  public Sgd(List<Parameter> parameters, double learningRate) {
    this(parameters, learningRate, 0, 0, false, 0);
  }

  public Sgd(
      List<Parameter> parameters,
      double learningRate,
      double momentum,
      double dampening,
      boolean nesterov,
      double weightDecay) {
    super(parameters, learningRate, Set.of("momentum_buffer"));
    require(momentum >= 0, "momentum must be >= 0, got " + momentum);
    require(weightDecay >= 0, "weight decay must be >= 0, got " + weightDecay);
    require(!nesterov || (momentum > 0 && dampening == 0), "Nesterov needs momentum and no dampening");
    this.momentum = momentum;
    this.dampening = dampening;
    this.nesterov = nesterov;
    this.weightDecay = weightDecay;
    if (momentum != 0) {
      state.reserve(parameters(), "momentum_buffer");
    }
  }

  @Override
  protected void update(Parameter p, Tensor grad) {
    Tensor value = p.value();
    double lr = learningRate();
    if (momentum == 0) {
      // p - lr * (g + wd * p) = (1 - lr * wd) * p - lr * g
      if (weightDecay != 0) {
        value.mulInPlace(1 - lr * weightDecay);
      }
      value.addInPlace(grad, -lr);
      return;
    }
    Tensor buf = state.get(p, "momentum_buffer");
    if (buf == null) {
      buf = state.getOrZeros(p, "momentum_buffer");
      buf.assign(grad);
      if (weightDecay != 0) {
        buf.addInPlace(value, weightDecay);
      }
    } else {
      buf.mulInPlace(momentum);
      buf.addInPlace(grad, 1 - dampening);
      if (weightDecay != 0) {
        buf.addInPlace(value, (1 - dampening) * weightDecay);
      }
    }
    if (nesterov) {
      // p - lr * (g + wd * p + momentum * buf), with the decay term taken from the old p
      if (weightDecay != 0) {
        value.mulInPlace(1 - lr * weightDecay);
      }
      value.addInPlace(grad, -lr);
      value.addInPlace(buf, -lr * momentum);
    } else {
      value.addInPlace(buf, -lr);
    }
  }
}
