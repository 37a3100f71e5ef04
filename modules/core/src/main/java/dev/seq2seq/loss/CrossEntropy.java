package dev.seq2seq.loss;

import dev.seq2seq.backend.Tensor;

/** Softmax cross-entropy over the last axis, ignoring padding targets, with label smoothing. */
public final class CrossEntropy {
  private final int ignoreIndex;
  private final double labelSmoothing;

  /**
   * @param ignoreIndex target value that contributes nothing (padding), or -1 for none
   * @param labelSmoothing epsilon in {@code [0, 1)}: the target distribution is {@code
   *     (1-eps)*onehot + eps/V}, as PyTorch's {@code label_smoothing}
   */
  public CrossEntropy(int ignoreIndex, double labelSmoothing) {
    this.ignoreIndex = ignoreIndex;
    this.labelSmoothing = labelSmoothing;
  }

  /**
   * Mean loss over the non-ignored targets (a scalar).
   *
   * @param logits {@code [N, V]}
   * @param targets INT32 {@code [N]}
   */
  public Tensor loss(Tensor logits, Tensor targets) {
    throw new UnsupportedOperationException("TODO: being written");
  }
}
