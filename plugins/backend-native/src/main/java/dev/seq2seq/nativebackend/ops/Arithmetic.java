package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.Parallelism;
import java.util.Arrays;

/**
 * Broadcasting arithmetic on raw arrays, shared by the forward passes and by the backward passes
 * (which multiply and divide gradients by broadcast operands).
 */
enum Arithmetic {
  ADD,
  SUB,
  MUL,
  DIV;

  /**
   * {@code out = a (op) b} with NumPy broadcasting.
   *
   * <p>Shapes: {@code a} is {@code aShape}, {@code b} is {@code bShape}, the result is {@code
   * outShape} (their broadcast).
   */
  float[] apply(
      float[] a, int[] aShape, float[] b, int[] bShape, int[] outShape, Parallelism parallelism) {
    float[] out = new float[Math.toIntExact(sizeOf(outShape))];
    if (Arrays.equals(aShape, bShape)) {
      // The common case: one contiguous vector loop, split across threads when large.
      if (out.length > Broadcast.PARALLEL_THRESHOLD) {
        parallelism.forRange(
            out.length, Broadcast.PARALLEL_THRESHOLD / 2,
            (from, to) -> contiguous(a, from, b, from, out, from, to - from));
      } else {
        contiguous(a, 0, b, 0, out, 0, out.length);
      }
      return out;
    }
    Broadcast.rows(
        outShape,
        Broadcast.strides(aShape, outShape),
        Broadcast.strides(bShape, outShape),
        parallelism,
        (o, ao, as, bo, bs, n) -> {
          if (as == 1 && bs == 1) {
            contiguous(a, ao, b, bo, out, o, n);
          } else {
            strided(a, ao, as, b, bo, bs, out, o, n);
          }
        });
    return out;
  }

  private void contiguous(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
    switch (this) {
      case ADD -> VectorKernels.add(a, ao, b, bo, out, oo, n);
      case SUB -> VectorKernels.sub(a, ao, b, bo, out, oo, n);
      case MUL -> VectorKernels.mul(a, ao, b, bo, out, oo, n);
      case DIV -> VectorKernels.div(a, ao, b, bo, out, oo, n);
    }
  }

  /** A row where one operand is re-read (stride 0): a row plus a broadcast scalar or column. */
  private void strided(
      float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int n) {
    switch (this) {
      case ADD -> {
        for (int j = 0; j < n; j++) {
          out[oo + j] = a[ao + j * as] + b[bo + j * bs];
        }
      }
      case SUB -> {
        for (int j = 0; j < n; j++) {
          out[oo + j] = a[ao + j * as] - b[bo + j * bs];
        }
      }
      case MUL -> {
        for (int j = 0; j < n; j++) {
          out[oo + j] = a[ao + j * as] * b[bo + j * bs];
        }
      }
      case DIV -> {
        for (int j = 0; j < n; j++) {
          out[oo + j] = a[ao + j * as] / b[bo + j * bs];
        }
      }
    }
  }

  static long sizeOf(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
