package dev.seq2seq.loss;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Tensor;

/**
 * Connectionist temporal classification loss (Graves et al., 2006).
 *
 * <p>The dynamic programme runs on the host in float64 ({@link CtcKernel}): it is sequential in
 * time and cheap next to the recurrent layers that produce the logits, and one implementation
 * serves every backend. The result joins the graph through {@link Backend#attachGradient}.
 */
public final class Ctc {
  private final int blank;
  private final boolean zeroInfinity;

  /**
   * @param blank index of the blank class
   * @param zeroInfinity whether an impossible alignment gives loss 0 and gradient 0 (else +inf,
   *     with a NaN gradient on its valid frames, as PyTorch)
   */
  public Ctc(int blank, boolean zeroInfinity) {
    if (blank < 0) {
      throw new IllegalArgumentException("blank index must be non-negative, got " + blank);
    }
    this.blank = blank;
    this.zeroInfinity = zeroInfinity;
  }

  public int blank() {
    return blank;
  }

  public boolean zeroInfinity() {
    return zeroInfinity;
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
    if (logits.shape().rank() != 3) {
      throw new IllegalArgumentException("CTC logits must be [B, T, C], got " + logits.shape());
    }
    int batch = logits.shape().dim(0);
    int time = logits.shape().dim(1);
    int classes = logits.shape().dim(2);
    validate(batch, time, classes, inputLengths, targets);

    double[] host = logits.toDoubleArray();
    double[] losses = new double[batch];
    double[] gradient = new double[host.length];
    CtcKernel.batch(
        host, batch, time, classes, inputLengths, targets, blank, zeroInfinity, losses, gradient);

    Backend backend = logits.backend();
    DType dtype = logits.dtype();
    Tensor value = backend.of(losses, dtype, batch);
    Tensor jacobian = backend.of(gradient, dtype, batch, time, classes);
    return backend.attachGradient(logits, value, jacobian);
  }

  private void validate(int batch, int time, int classes, int[] inputLengths, int[][] targets) {
    if (blank >= classes) {
      throw new IllegalArgumentException("blank " + blank + " is not among " + classes + " classes");
    }
    if (inputLengths.length != batch || targets.length != batch) {
      throw new IllegalArgumentException(
          "batch of "
              + batch
              + " needs as many input lengths and targets, got "
              + inputLengths.length
              + " and "
              + targets.length);
    }
    for (int b = 0; b < batch; b++) {
      if (inputLengths[b] < 0 || inputLengths[b] > time) {
        throw new IllegalArgumentException(
            "input length " + inputLengths[b] + " of utterance " + b + " outside 0.." + time);
      }
      for (int label : targets[b]) {
        if (label < 0 || label >= classes || label == blank) {
          throw new IllegalArgumentException(
              "utterance " + b + " has label " + label + " (classes 0.." + (classes - 1)
                  + ", blank " + blank + ")");
        }
      }
    }
  }
}
