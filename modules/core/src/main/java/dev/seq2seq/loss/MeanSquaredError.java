package dev.seq2seq.loss;

import dev.seq2seq.backend.Tensor;
import java.util.Arrays;

/** Mean squared error, as PyTorch's {@code mse_loss} with mean reduction. */
public final class MeanSquaredError {

  private MeanSquaredError() {}

  /** {@code mean((prediction - target)^2)} over all elements, a scalar. */
  public static Tensor loss(Tensor prediction, Tensor target) {
    requireSameShape(prediction, target);
    return prediction.sub(target).square().mean();
  }

  /**
   * The mean over the kept elements only: {@code sum(mask * (p - t)^2) / (kept elements)}.
   *
   * @param prediction {@code [d0, ..., dk, ...]}
   * @param target same shape as the prediction
   * @param mask 1 (keep) or 0 (skip) of the prediction's leading shape {@code [d0, ..., dk]}, for
   *     example {@code [B, T]} for a {@code [B, T, D]} prediction; it applies to every trailing
   *     element. When nothing is kept the loss is 0, with a zero gradient.
   */
  public static Tensor loss(Tensor prediction, Tensor target, Tensor mask) {
    requireSameShape(prediction, target);
    int[] dims = prediction.shape().dims();
    int[] maskDims = mask.shape().dims();
    if (maskDims.length > dims.length
        || !Arrays.equals(maskDims, Arrays.copyOf(dims, maskDims.length))) {
      throw new IllegalArgumentException(
          "mask shape " + mask.shape() + " is not a leading part of " + prediction.shape());
    }
    long trailing = 1;
    int[] expanded = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      expanded[i] = i < maskDims.length ? dims[i] : 1;
      trailing *= i < maskDims.length ? 1 : dims[i];
    }
    double kept = 0;
    for (double m : mask.toDoubleArray()) {
      kept += m;
    }
    Tensor m = mask.to(prediction.dtype()).reshape(expanded);
    Tensor total = prediction.sub(target).square().mul(m).sum();
    return kept == 0 ? total.mul(0.0) : total.mul(1.0 / (kept * trailing));
  }

  private static void requireSameShape(Tensor prediction, Tensor target) {
    if (!prediction.shape().equals(target.shape())) {
      throw new IllegalArgumentException(
          "prediction " + prediction.shape() + " and target " + target.shape() + " differ");
    }
  }
}
