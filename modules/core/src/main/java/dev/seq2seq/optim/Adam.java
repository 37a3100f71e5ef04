package dev.seq2seq.optim;

import dev.seq2seq.nn.Parameter;
import java.util.List;

/**
 * Adam with PyTorch's {@code torch.optim.Adam} semantics; weight decay is an L2 term added to the
 * gradient (see {@link AdamFamily} for the update).
 */
public final class Adam extends AdamFamily {

  /** Betas (0.9, 0.999), eps 1e-8, no weight decay: PyTorch's defaults. */
  public Adam(List<Parameter> parameters, double learningRate) {
    this(parameters, learningRate, 0.9, 0.999, 1e-8, 0);
  }

  public Adam(
      List<Parameter> parameters,
      double learningRate,
      double beta1,
      double beta2,
      double eps,
      double weightDecay) {
    super(parameters, learningRate, beta1, beta2, eps, weightDecay, false);
  }
}
