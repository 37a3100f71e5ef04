package dev.seq2seq.nativebackend.gemm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-tiled inner kernel: an {@link #MR} x {@link #NR} block of C accumulated in vector
 * registers from packed panels of A ({@code MR} values per k step) and B ({@code NR} values per k
 * step). The tile is 8 rows by 2 vectors, so 16 accumulators plus two B vectors and one broadcast
 * fit the 32 registers of AVX-512 (and spill only mildly on the 16 of AVX2).
 */
final class MicroKernel {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  static final int LANES = SPECIES.length();
  static final int MR = 8;
  static final int NR = 2 * LANES;

  private MicroKernel() {}

  /**
   * Computes the tile {@code sum_p a[ai + p*MR + r] * b[bi + p*NR + j]} into {@code tile} (row
   * stride {@code NR}). The tile goes through memory rather than straight into C because C2 gives
   * up inlining helpers into a method this large, and an out-of-line call would box the
   * accumulators; the extra 2*MR vector stores and loads are noise against {@code kc*MR*2} FMAs.
   */
  static void tile(int kc, float[] a, int ai, float[] b, int bi, float[] tile) {
    FloatVector c00 = FloatVector.zero(SPECIES);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    FloatVector c40 = c00;
    FloatVector c41 = c00;
    FloatVector c50 = c00;
    FloatVector c51 = c00;
    FloatVector c60 = c00;
    FloatVector c61 = c00;
    FloatVector c70 = c00;
    FloatVector c71 = c00;
    for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
      FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + LANES);
      FloatVector av = FloatVector.broadcast(SPECIES, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(SPECIES, a[ai + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(SPECIES, a[ai + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(SPECIES, a[ai + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(SPECIES, a[ai + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(SPECIES, a[ai + 5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
      av = FloatVector.broadcast(SPECIES, a[ai + 6]);
      c60 = av.fma(b0, c60);
      c61 = av.fma(b1, c61);
      av = FloatVector.broadcast(SPECIES, a[ai + 7]);
      c70 = av.fma(b0, c70);
      c71 = av.fma(b1, c71);
    }
    c00.intoArray(tile, 0);
    c01.intoArray(tile, LANES);
    c10.intoArray(tile, NR);
    c11.intoArray(tile, NR + LANES);
    c20.intoArray(tile, 2 * NR);
    c21.intoArray(tile, 2 * NR + LANES);
    c30.intoArray(tile, 3 * NR);
    c31.intoArray(tile, 3 * NR + LANES);
    c40.intoArray(tile, 4 * NR);
    c41.intoArray(tile, 4 * NR + LANES);
    c50.intoArray(tile, 5 * NR);
    c51.intoArray(tile, 5 * NR + LANES);
    c60.intoArray(tile, 6 * NR);
    c61.intoArray(tile, 6 * NR + LANES);
    c70.intoArray(tile, 7 * NR);
    c71.intoArray(tile, 7 * NR + LANES);
  }

  /**
   * {@link #tile} for an A strip stored row by row: element {@code (r, p)} at {@code a[ai + r *
   * KC + p]}, so packing a row-major A is a plain copy instead of a transpose. The row stride is
   * the constant {@code KC} on purpose: with a variable stride C2 keeps eight row bases and their
   * range checks live and the kernel ran about a third slower; constant offsets fold into the
   * addressing of the broadcasts.
   */
  static void tileRows(int kc, float[] a, int ai, float[] b, int bi, float[] tile) {
    final int lda = BlockedGemm.KC;
    FloatVector c00 = FloatVector.zero(SPECIES);
    FloatVector c01 = c00;
    FloatVector c10 = c00;
    FloatVector c11 = c00;
    FloatVector c20 = c00;
    FloatVector c21 = c00;
    FloatVector c30 = c00;
    FloatVector c31 = c00;
    FloatVector c40 = c00;
    FloatVector c41 = c00;
    FloatVector c50 = c00;
    FloatVector c51 = c00;
    FloatVector c60 = c00;
    FloatVector c61 = c00;
    FloatVector c70 = c00;
    FloatVector c71 = c00;
    for (int p = 0; p < kc; p++, bi += NR) {
      FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
      FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + LANES);
      FloatVector av = FloatVector.broadcast(SPECIES, a[ai + p]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(SPECIES, a[ai + p + 1 * lda]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(SPECIES, a[ai + p + 2 * lda]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(SPECIES, a[ai + p + 3 * lda]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(SPECIES, a[ai + p + 4 * lda]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(SPECIES, a[ai + p + 5 * lda]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
      av = FloatVector.broadcast(SPECIES, a[ai + p + 6 * lda]);
      c60 = av.fma(b0, c60);
      c61 = av.fma(b1, c61);
      av = FloatVector.broadcast(SPECIES, a[ai + p + 7 * lda]);
      c70 = av.fma(b0, c70);
      c71 = av.fma(b1, c71);
    }
    c00.intoArray(tile, 0);
    c01.intoArray(tile, LANES);
    c10.intoArray(tile, NR);
    c11.intoArray(tile, NR + LANES);
    c20.intoArray(tile, 2 * NR);
    c21.intoArray(tile, 2 * NR + LANES);
    c30.intoArray(tile, 3 * NR);
    c31.intoArray(tile, 3 * NR + LANES);
    c40.intoArray(tile, 4 * NR);
    c41.intoArray(tile, 4 * NR + LANES);
    c50.intoArray(tile, 5 * NR);
    c51.intoArray(tile, 5 * NR + LANES);
    c60.intoArray(tile, 6 * NR);
    c61.intoArray(tile, 6 * NR + LANES);
    c70.intoArray(tile, 7 * NR);
    c71.intoArray(tile, 7 * NR + LANES);
  }

  /**
   * {@code C[r][j] = alpha * tile[r][j] + beta * C[r][j]} for the top-left {@code rows x cols} of
   * a tile with row stride {@code ldt}; {@code beta == 0} ignores the old contents of C.
   */
  static void writeBack(
      float[] tile, int ldt, int rows, int cols, float alpha, float beta, float[] c, int ci,
      int ldc) {
    FloatVector va = FloatVector.broadcast(SPECIES, alpha);
    FloatVector vb = FloatVector.broadcast(SPECIES, beta);
    int vectorCols = cols - cols % LANES;
    for (int r = 0; r < rows; r++, ci += ldc) {
      int t = r * ldt;
      for (int j = 0; j < vectorCols; j += LANES) {
        FloatVector v = FloatVector.fromArray(SPECIES, tile, t + j).mul(va);
        if (beta != 0f) {
          v = FloatVector.fromArray(SPECIES, c, ci + j).fma(vb, v);
        }
        v.intoArray(c, ci + j);
      }
      for (int j = vectorCols; j < cols; j++) {
        float v = alpha * tile[t + j];
        // Fused like the vector lanes above, so a column's bits do not depend on its lane.
        c[ci + j] = beta == 0f ? v : Math.fma(c[ci + j], beta, v);
      }
    }
  }

  /**
   * {@link #writeBack} for a transposed C: tile element {@code [r][j]} goes to {@code c[ci + j *
   * ldc + r]}. Scalar, but it runs once per tile per k slice against {@code kc * MR * 2} FMAs.
   */
  static void writeBackTransposed(
      float[] tile, int ldt, int rows, int cols, float alpha, float beta, float[] c, int ci,
      int ldc) {
    for (int j = 0; j < cols; j++, ci += ldc) {
      for (int r = 0; r < rows; r++) {
        float v = alpha * tile[r * ldt + j];
        c[ci + r] = beta == 0f ? v : Math.fma(c[ci + r], beta, v); // as in writeBack
      }
    }
  }
}
