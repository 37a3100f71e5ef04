package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.NativeTensor;
import dev.seq2seq.nativebackend.Parallelism;

/**
 * The in-place updates optimisers and gradient bookkeeping use. They are never recorded; large
 * tensors are split across the worker threads, each chunk running a vector kernel.
 */
public final class InPlaceOps {

  private InPlaceOps() {}

  /** {@code this = source}. */
  public static void assign(NativeTensor target, NativeTensor source) {
    requireSameShape("assign", target, source);
    if (target.dtype() != source.dtype()) {
      throw new IllegalArgumentException(
          "assign: cannot copy " + source.dtype() + " into " + target.dtype());
    }
    Object from = source.dtype().isFloating() ? source.floats("assign") : source.ints("assign");
    Object to = target.dtype().isFloating() ? target.floats("assign") : target.ints("assign");
    System.arraycopy(from, 0, to, 0, target.size());
  }

  /** {@code this += alpha * other}. */
  public static void addInPlace(NativeTensor target, NativeTensor other, float alpha) {
    requireSameShape("addInPlace", target, other);
    float[] y = target.floats("addInPlace");
    float[] x = other.floats("addInPlace");
    chunks(target, (from, to) -> VectorKernels.axpy(alpha, x, from, y, from, to - from));
  }

  /** {@code this *= factor}. */
  public static void mulInPlace(NativeTensor target, float factor) {
    float[] y = target.floats("mulInPlace");
    chunks(target, (from, to) -> VectorKernels.affine(y, from, factor, 0f, y, from, to - from));
  }

  /** {@code this += value * a * b}. */
  public static void addProductInPlace(NativeTensor target, NativeTensor a, NativeTensor b,
      float value) {
    requireSameShape("addProductInPlace", target, a);
    requireSameShape("addProductInPlace", target, b);
    float[] y = target.floats("addProductInPlace");
    float[] x1 = a.floats("addProductInPlace");
    float[] x2 = b.floats("addProductInPlace");
    chunks(target,
        (from, to) -> VectorKernels.addProduct(y, from, x1, from, x2, from, value, to - from));
  }

  /** {@code this += value * a / (sqrt(b) + eps)}. */
  public static void addRatioInPlace(NativeTensor target, NativeTensor a, NativeTensor b,
      float eps, float value) {
    requireSameShape("addRatioInPlace", target, a);
    requireSameShape("addRatioInPlace", target, b);
    float[] y = target.floats("addRatioInPlace");
    float[] x1 = a.floats("addRatioInPlace");
    float[] x2 = b.floats("addRatioInPlace");
    chunks(target,
        (from, to) -> VectorKernels.addRatio(y, from, x1, from, x2, from, eps, value, to - from));
  }

  private static void chunks(NativeTensor target, Parallelism.RangeBody body) {
    int n = target.size();
    if (n > Broadcast.PARALLEL_THRESHOLD) {
      target.owner().parallelism().forRange(n, Broadcast.PARALLEL_THRESHOLD / 2, body);
    } else {
      body.run(0, n);
    }
  }

  private static void requireSameShape(String op, NativeTensor target, NativeTensor other) {
    if (!target.shape().equals(other.shape())) {
      throw new IllegalArgumentException(
          op + ": shapes " + target.shape() + " and " + other.shape() + " differ");
    }
  }
}
