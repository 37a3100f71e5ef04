package dev.seq2seq.nativebackend.gemm;

import static dev.seq2seq.nativebackend.gemm.MicroKernel.LANES;
import static dev.seq2seq.nativebackend.gemm.MicroKernel.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Products with a dimension of one, which the tiled kernels would pad to a whole tile: a
 * matrix-vector product ({@code n == 1}, such as additive attention's {@code v · tanh(...)} over
 * every source position, where the blocked path computed 32 columns to keep one) and an outer
 * product ({@code k == 1}, its backward), each split over rows of C.
 *
 * <p>Every {@code n == 1} product comes here, whatever its number of rows (and {@link
 * Sgemm#multiplyPacked} sends them here too), so a row's dot product is summed the same way
 * whether its sentence is decoded alone or in a batch. An outer product has one term per element,
 * so it gets the same bits as the tiled kernels: {@code alpha * (a * b)}, merged with {@code beta}
 * by one FMA as {@link MicroKernel#writeBack} does.
 */
final class ThinGemm {
  private ThinGemm() {}

  /**
   * Rows {@code [i0, i1)} of {@code C[m, 1] = alpha op(A) op(B) + beta C}; {@code x} holds the
   * {@code k} values of op(B)'s only column contiguously from {@code xOffset}.
   */
  static void gemv(GemmCall g, int i0, int i1, float[] x, int xOffset) {
    if (g.transA()) {
      gemvTransposed(g, i0, i1, x, xOffset);
      return;
    }
    float[] c = g.c();
    for (int i = i0; i < i1; i++) {
      float s = dot(g.a(), g.aOffset() + i * g.lda(), x, xOffset, g.k());
      int ci = g.cOffset() + i * g.ldc();
      c[ci] = merge(c[ci], s, g.alpha(), g.beta());
    }
  }

  /**
   * A stored {@code [k, m]}: op(A) row i is column i, so the sums run down columns, {@code LANES}
   * rows of C at once, one FMA chain per element.
   */
  private static void gemvTransposed(GemmCall g, int i0, int i1, float[] x, int xOffset) {
    float[] a = g.a();
    float[] c = g.c();
    int lda = g.lda();
    int i = i0;
    for (; i + LANES <= i1; i += LANES) {
      FloatVector s = FloatVector.zero(SPECIES);
      for (int p = 0, ai = g.aOffset() + i; p < g.k(); p++, ai += lda) {
        FloatVector column = FloatVector.fromArray(SPECIES, a, ai);
        s = FloatVector.broadcast(SPECIES, x[xOffset + p]).fma(column, s);
      }
      for (int l = 0; l < LANES; l++) {
        int ci = g.cOffset() + (i + l) * g.ldc();
        c[ci] = merge(c[ci], s.lane(l), g.alpha(), g.beta());
      }
    }
    for (; i < i1; i++) {
      float s = 0f;
      for (int p = 0, ai = g.aOffset() + i; p < g.k(); p++, ai += lda) {
        s = Math.fma(x[xOffset + p], a[ai], s);
      }
      int ci = g.cOffset() + i * g.ldc();
      c[ci] = merge(c[ci], s, g.alpha(), g.beta());
    }
  }

  /** {@code sum a[ai + p] * x[xi + p]} over four vector accumulators, then the scalar tail. */
  private static float dot(float[] a, int ai, float[] x, int xi, int k) {
    FloatVector s0 = FloatVector.zero(SPECIES);
    FloatVector s1 = s0, s2 = s0, s3 = s0;
    int p = 0;
    for (; p + 4 * LANES <= k; p += 4 * LANES) {
      s0 = FloatVector.fromArray(SPECIES, a, ai + p)
          .fma(FloatVector.fromArray(SPECIES, x, xi + p), s0);
      s1 = FloatVector.fromArray(SPECIES, a, ai + p + LANES)
          .fma(FloatVector.fromArray(SPECIES, x, xi + p + LANES), s1);
      s2 = FloatVector.fromArray(SPECIES, a, ai + p + 2 * LANES)
          .fma(FloatVector.fromArray(SPECIES, x, xi + p + 2 * LANES), s2);
      s3 = FloatVector.fromArray(SPECIES, a, ai + p + 3 * LANES)
          .fma(FloatVector.fromArray(SPECIES, x, xi + p + 3 * LANES), s3);
    }
    for (; p + LANES <= k; p += LANES) {
      s0 = FloatVector.fromArray(SPECIES, a, ai + p)
          .fma(FloatVector.fromArray(SPECIES, x, xi + p), s0);
    }
    float s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    for (; p < k; p++) {
      s = Math.fma(a[ai + p], x[xi + p], s);
    }
    return s;
  }

  /**
   * Rows {@code [i0, i1)} of the outer product {@code C[m, n] = alpha op(A)[m, 1] op(B)[1, n] +
   * beta C}; {@code y} holds op(B)'s only row contiguously from {@code yOffset}.
   */
  static void outer(GemmCall g, int i0, int i1, float[] y, int yOffset) {
    float[] c = g.c();
    int n = g.n();
    int vectorCols = n - n % LANES;
    FloatVector va = FloatVector.broadcast(SPECIES, g.alpha());
    FloatVector vb = FloatVector.broadcast(SPECIES, g.beta());
    boolean keep = g.beta() != 0f;
    for (int i = i0; i < i1; i++) {
      float ai = g.opA(i, 0);
      FloatVector av = FloatVector.broadcast(SPECIES, ai);
      int ci = g.cOffset() + i * g.ldc();
      for (int j = 0; j < vectorCols; j += LANES) {
        FloatVector v = av.mul(FloatVector.fromArray(SPECIES, y, yOffset + j)).mul(va);
        if (keep) {
          v = FloatVector.fromArray(SPECIES, c, ci + j).fma(vb, v);
        }
        v.intoArray(c, ci + j);
      }
      for (int j = vectorCols; j < n; j++) {
        c[ci + j] = merge(c[ci + j], ai * y[yOffset + j], g.alpha(), g.beta());
      }
    }
  }

  /** {@code alpha * s + beta * old} as {@link MicroKernel#writeBack} forms it. */
  private static float merge(float old, float s, float alpha, float beta) {
    float v = alpha * s;
    return beta == 0f ? v : Math.fma(old, beta, v);
  }
}
