package dev.seq2seq.nativebackend.gemm;

import static dev.seq2seq.nativebackend.gemm.MicroKernel.LANES;
import static dev.seq2seq.nativebackend.gemm.MicroKernel.MR;
import static dev.seq2seq.nativebackend.gemm.MicroKernel.NR;
import static dev.seq2seq.nativebackend.gemm.MicroKernel.SPECIES;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Copies blocks of {@code op(A)} and {@code op(B)} into the layouts {@link MicroKernel} streams
 * through: consecutive strips of {@code MR} rows (A) or {@code NR} columns (B). B strips and
 * transposed-A strips are stored k-step by k-step; a row-major A keeps its rows (see {@link
 * #packARows}), so neither side of a plain product needs a transposing copy. Strips at the edge
 * are zero-padded to full width, which lets the kernel always compute a whole tile.
 */
final class Packing {
  private Packing() {}

  /**
   * Packs {@code op(A)[i0 .. i0+mc)[p0 .. p0+kc)} into {@code dst}, k step by k step, for {@link
   * MicroKernel#tile}; used for a transposed A, whose k steps are already {@code MR} adjacent
   * floats.
   */
  static void packA(GemmCall g, int i0, int mc, int p0, int kc, float[] dst) {
    int d = 0;
    for (int ir = 0; ir < mc; ir += MR) {
      int rows = Math.min(MR, mc - ir);
      if (rows < MR) {
        Arrays.fill(dst, d, d + kc * MR, 0f);
      }
      float[] a = g.a();
      int lda = g.lda();
      if (g.transA()) {
        // op(A) row i is column i of the stored A, so each k step reads MR adjacent floats.
        int src = g.aOffset() + p0 * lda + i0 + ir;
        for (int p = 0; p < kc; p++, src += lda, d += MR) {
          System.arraycopy(a, src, dst, d, rows);
        }
      } else {
        for (int r = 0; r < rows; r++) {
          int src = g.aOffset() + (i0 + ir + r) * lda + p0;
          for (int p = 0; p < kc; p++) {
            dst[d + p * MR + r] = a[src + p];
          }
        }
        d += kc * MR;
      }
    }
  }

  /**
   * Packs a row-major A's rows {@code [i0, i0+mc)}, columns {@code [p0, p0+kc)} for {@link
   * MicroKernel#tileRows}: strips of {@code MR} rows, each row's {@code kc} values contiguous at
   * a fixed stride of {@code KC}, so the copy is row by row rather than a transpose.
   */
  static void packARows(GemmCall g, int i0, int mc, int p0, int kc, float[] dst) {
    float[] a = g.a();
    int lda = g.lda();
    int d = 0;
    for (int ir = 0; ir < mc; ir += MR) {
      int rows = Math.min(MR, mc - ir);
      int src = g.aOffset() + (i0 + ir) * lda + p0;
      for (int r = 0; r < rows; r++, src += lda) {
        System.arraycopy(a, src, dst, d + r * BlockedGemm.KC, kc);
      }
      // A short last strip is not zero-padded: a row of C depends only on the same row of A, and
      // writeBack stores only the strip's real rows, so whatever the spare rows hold is never
      // seen. (Filling them cost 4% of mt-small training, where m is often just over a strip.)
      d += MR * BlockedGemm.KC;
    }
  }

  /** Packs {@code op(B)[p0 .. p0+kc)[j0 .. j0+nc)} into {@code dst}. */
  static void packB(GemmCall g, int p0, int kc, int j0, int nc, float[] dst, int[] rowIndex) {
    int d = 0;
    float[] b = g.b();
    int ldb = g.ldb();
    for (int jr = 0; jr < nc; jr += NR) {
      int cols = Math.min(NR, nc - jr);
      if (g.transB() && cols == NR) {
        // Column p of NR stored rows: two gathers of LANES rows each, one contiguous store.
        int src = g.bOffset() + (j0 + jr) * ldb + p0;
        int src1 = src + LANES * ldb;
        for (int p = 0; p < kc; p++, d += NR) {
          FloatVector.fromArray(SPECIES, b, src + p, rowIndex, 0).intoArray(dst, d);
          FloatVector.fromArray(SPECIES, b, src1 + p, rowIndex, 0).intoArray(dst, d + LANES);
        }
      } else if (g.transB()) {
        if (cols < NR) {
          Arrays.fill(dst, d, d + kc * NR, 0f);
        }
        for (int j = 0; j < cols; j++) {
          int src = g.bOffset() + (j0 + jr + j) * ldb + p0;
          for (int p = 0; p < kc; p++) {
            dst[d + p * NR + j] = b[src + p];
          }
        }
        d += kc * NR;
      } else if (cols == NR) {
        int src = g.bOffset() + p0 * ldb + j0 + jr;
        for (int p = 0; p < kc; p++, src += ldb, d += NR) {
          FloatVector.fromArray(SPECIES, b, src).intoArray(dst, d);
          FloatVector.fromArray(SPECIES, b, src + LANES).intoArray(dst, d + LANES);
        }
      } else {
        int src = g.bOffset() + p0 * ldb + j0 + jr;
        for (int p = 0; p < kc; p++, src += ldb, d += NR) {
          System.arraycopy(b, src, dst, d, cols);
          Arrays.fill(dst, d + cols, d + NR, 0f);
        }
      }
    }
  }
}
