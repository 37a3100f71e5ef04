package dev.seq2seq.nativebackend.gemm;

/**
 * The arguments of one {@link Sgemm#multiply} call, bundled so the blocked driver, the packing
 * routines and the skinny paths can share them without sixteen-parameter signatures.
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
    int ldc) {

  /** Element {@code op(A)[i][p]}. */
  float opA(int i, int p) {
    return transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
  }

  /** Element {@code op(B)[p][j]}. */
  float opB(int p, int j) {
    return transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
  }
}
