package dev.seq2seq.loss;

import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Tensor;
import java.util.Arrays;

/**
 * Softmax cross-entropy over the last axis, ignoring padding targets, with label smoothing.
 *
 * <p>Exactly PyTorch's {@code cross_entropy(logits, targets, ignore_index=i, label_smoothing=eps)}
 * with mean reduction: for every kept row {@code n},
 *
 * <pre>{@code
 * loss_n = -(1 - eps) * lp[n, y_n] - (eps / V) * sum_c lp[n, c]      (lp = log_softmax(logits))
 * loss   = sum_{kept n} loss_n / (number of kept rows)
 * }</pre>
 *
 * <p>so its gradient with respect to the logits is {@code (softmax - q) / kept} with {@code q =
 * (1 - eps) * onehot + eps / V} on kept rows and zero on ignored ones. It is written with tensor
 * ops only and is differentiable on every backend.
 *
 * <p>When every target is ignored PyTorch returns NaN (0 / 0). Here the loss is then 0 with a zero
 * gradient, so that a batch made only of padding (which can happen at the end of a sharded or
 * bucketed epoch) contributes nothing instead of poisoning the parameters.
 */
public final class CrossEntropy {
  private final int ignoreIndex;
  private final double labelSmoothing;

  /**
   * @param ignoreIndex target value that contributes nothing (padding), or -1 for none
   * @param labelSmoothing epsilon in {@code [0, 1)}: the target distribution is {@code
   *     (1-eps)*onehot + eps/V}, as PyTorch's {@code label_smoothing}
   */
  public CrossEntropy(int ignoreIndex, double labelSmoothing) {
    if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
      throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + labelSmoothing);
    }
    this.ignoreIndex = ignoreIndex;
    this.labelSmoothing = labelSmoothing;
  }

  public int ignoreIndex() {
    return ignoreIndex;
  }

  public double labelSmoothing() {
    return labelSmoothing;
  }

  /**
   * Mean loss over the non-ignored targets (a scalar).
   *
   * @param logits {@code [N, V]}, or {@code [..., V]} with targets of the leading shape
   * @param targets INT32 {@code [N]} (or the leading shape of the logits)
   */
  public Tensor loss(Tensor logits, Tensor targets) {
    int[] dims = logits.shape().dims();
    if (dims.length < 2) {
      throw new IllegalArgumentException("logits must be [N, V], got " + logits.shape());
    }
    int classes = dims[dims.length - 1];
    int[] lead = Arrays.copyOf(dims, dims.length - 1);
    if (targets.dtype() != DType.INT32 || !Arrays.equals(targets.shape().dims(), lead)) {
      throw new IllegalArgumentException(
          "targets must be INT32 of shape " + Arrays.toString(lead) + ", got " + targets.dtype()
              + targets.shape());
    }
    int rows = Math.toIntExact(targets.shape().size());

    // Targets are small and needed on the host anyway, to count the kept rows.
    int[] ids = targets.toIntArray();
    int[] safe = new int[rows]; // ignored rows pick class 0, then get masked out
    double[] keep = new double[rows];
    int kept = 0;
    for (int n = 0; n < rows; n++) {
      if (ids[n] == ignoreIndex) {
        continue;
      }
      if (ids[n] < 0 || ids[n] >= classes) {
        throw new IllegalArgumentException(
            "target " + ids[n] + " at row " + n + " is outside 0.." + (classes - 1)
                + " and is not the ignore index " + ignoreIndex);
      }
      safe[n] = ids[n];
      keep[n] = 1;
      kept++;
    }

    Tensor logProbs = logits.reshape(rows, classes).logSoftmax(1); // [N, V]
    Tensor index = logits.backend().ofInts(safe, rows, 1);
    Tensor picked = logProbs.takeAlongAxis(1, index).reshape(rows); // [N]
    Tensor perRow = picked.mul(-(1 - labelSmoothing));
    if (labelSmoothing > 0) {
      perRow = perRow.sub(logProbs.sum(1, false).mul(labelSmoothing / classes));
    }
    Tensor mask = logits.backend().of(keep, logits.dtype(), rows);
    Tensor total = perRow.mul(mask).sum();
    return kept == 0 ? total.mul(0.0) : total.mul(1.0 / kept);
  }
}
