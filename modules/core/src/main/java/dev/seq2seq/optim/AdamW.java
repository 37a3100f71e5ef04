package dev.seq2seq.optim;

import dev.seq2seq.nn.Parameter;
import java.util.List;

/**
 * AdamW with PyTorch's {@code torch.optim.AdamW} semantics: decoupled weight decay {@code p -= lr
 * * wd * p} before the Adam step (see {@link AdamFamily}).
 */
public final class AdamW extends AdamFamily {

  /** Betas (0.9, 0.999), eps 1e-8, weight decay 0.01: PyTorch's defaults. */
  public AdamW(List<Parameter> parameters, double learningRate) {
    this(parameters, learningRate, 0.9, 0.999, 1e-8, 0.01);
  }

  public AdamW(
      List<Parameter> parameters,
      double learningRate,
      double beta1,
      double beta2,
      double eps,
      double weightDecay) {
    super(parameters, learningRate, beta1, beta2, eps, weightDecay, true);
  }
}
