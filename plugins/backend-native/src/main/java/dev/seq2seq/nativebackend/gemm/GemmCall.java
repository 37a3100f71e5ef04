package dev.seq2seq.nativebackend.gemm;

/**
 * The arguments of one {@link Sgemm#multiply} call, bundled so the blocked driver, the packing
 * routines and the skinny paths can share them without sixteen-parameter signatures.
 *
 * <p>{@code transC} marks a call rewritten by {@link #swapped}: C is then stored transposed, so
 * element {@code [i][j]} of this call's product lives at {@code c[cOffset + j * ldc + i]}.
 */
record GemmCall(
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
    int ldc,
    boolean transC) {

  /**
   * The same product as {@code C^T = op(B)^T * op(A)^T}: the operands trade places, {@code m}
   * and {@code n} swap, and C is written transposed. The blocked kernels broadcast from A and
   * load vectors from B, and a k-contiguous operand packs cheaply only on the broadcast side, so
   * swapping moves a transposed B (or both transposes) to where it costs nothing.
   */
  GemmCall swapped() {
    return new GemmCall(
        !transB, !transA, n, m, k, alpha, b, bOffset, ldb, a, aOffset, lda, beta, c, cOffset,
        ldc, !transC);
  }

  /** Element {@code op(A)[i][p]}. */
  float opA(int i, int p) {
    return transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
  }

  /** Element {@code op(B)[p][j]}. */
  float opB(int p, int j) {
    return transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
  }
}
