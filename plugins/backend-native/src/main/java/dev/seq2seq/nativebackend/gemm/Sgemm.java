package dev.seq2seq.nativebackend.gemm;

import dev.seq2seq.nativebackend.Parallelism;

/**
 * Single-precision general matrix multiply on row-major arrays:
 * {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(X)} is X or its transpose.
 *
 * <p>Shapes: {@code op(A)} is {@code [m, k]}, {@code op(B)} is {@code [k, n]}, C is {@code [m,
 * n]}. {@code lda}, {@code ldb}, {@code ldc} are the row strides of the arrays as stored (so for
 * a transposed A stored as {@code [k, m]}, {@code lda >= m}). With {@code beta == 0} C is
 * overwritten and its old contents (even NaN) are ignored.
 */
public final class Sgemm {
  private final Parallelism parallelism;

  public Sgemm(Parallelism parallelism) {
    this.parallelism = parallelism;
  }

  public void multiply(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float alpha,
      float[] a,
      int aOffset,
      int lda,
      float[] b,
      int bOffset,
      int ldb,
      float beta,
      float[] c,
      int cOffset,
      int ldc) {
    // Placeholder reference loop: the packed Vector API kernel replaces it.
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = 0;
        for (int p = 0; p < k; p++) {
          float av = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
          float bv = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
          s += av * bv;
        }
        int ci = cOffset + i * ldc + j;
        c[ci] = beta == 0 ? alpha * s : alpha * s + beta * c[ci];
      }
    }
  }
}
