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
   * Writes {@code out[oi + r*ldo + j] = alpha * sum_p a[ai + p*MR + r] * b[bi + p*NR + j] + beta *
   * out[...]} for the whole tile; {@code beta == 0} ignores the old contents of {@code out}.
   */
  static void tile(
      int kc, float[] a, int ai, float[] b, int bi, float alpha, float beta, float[] out, int oi,
      int ldo) {
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
    store(c00, c01, alpha, beta, out, oi);
    store(c10, c11, alpha, beta, out, oi + ldo);
    store(c20, c21, alpha, beta, out, oi + 2 * ldo);
    store(c30, c31, alpha, beta, out, oi + 3 * ldo);
    store(c40, c41, alpha, beta, out, oi + 4 * ldo);
    store(c50, c51, alpha, beta, out, oi + 5 * ldo);
    store(c60, c61, alpha, beta, out, oi + 6 * ldo);
    store(c70, c71, alpha, beta, out, oi + 7 * ldo);
  }

  private static void store(
      FloatVector v0, FloatVector v1, float alpha, float beta, float[] out, int o) {
    store(v0, alpha, beta, out, o);
    store(v1, alpha, beta, out, o + LANES);
  }

  static void store(FloatVector acc, float alpha, float beta, float[] out, int o) {
    FloatVector v = acc.mul(alpha);
    if (beta != 0f) {
      v = FloatVector.fromArray(SPECIES, out, o).fma(FloatVector.broadcast(SPECIES, beta), v);
    }
    v.intoArray(out, o);
  }
}
