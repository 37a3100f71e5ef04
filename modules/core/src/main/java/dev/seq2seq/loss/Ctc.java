package dev.seq2seq.loss;

import dev.seq2seq.backend.Tensor;

/**
 * Connectionist temporal classification loss (Graves et al., 2006).
 */
public final class Ctc {
  private final int blank;
  private final boolean zeroInfinity;

  /**
   * @param blank index of the blank class
   * @param zeroInfinity whether an impossible alignment gives loss 0 and gradient 0 (else +inf)
   */
  public Ctc(int blank, boolean zeroInfinity) {
    this.blank = blank;
    this.zeroInfinity = zeroInfinity;
  }

  /**
   * Per-utterance losses {@code -ln p(target | input)}, shape {@code [B]}, differentiable with
   * respect to the logits (log-softmax over classes is applied inside).
   *
   * @param logits {@code [B, T, C]} unnormalised scores
   * @param inputLengths valid frames per utterance, each in {@code 0..T}
   * @param targets label sequences (no blanks), one per utterance; may be empty
   */
  public Tensor loss(Tensor logits, int[] inputLengths, int[][] targets) {
    throw new UnsupportedOperationException("TODO: being written");
  }
}
