package dev.seq2seq.nativebackend.gemm;

import static dev.seq2seq.nativebackend.gemm.MicroKernel.MR;
import static dev.seq2seq.nativebackend.gemm.MicroKernel.NR;

/**
 * The GotoBLAS/BLIS loop nest over one rectangle of C: columns in {@code NC} panels, k in
 * {@code KC} slices, rows in {@code MC} blocks, then {@link MicroKernel} tiles. A packed
 * {@code KC x NR} strip of B (32 KiB with AVX-512) stays in L1 while the kernel sweeps the packed
 * {@code MC x KC} block of A held in L2; the {@code KC x NC} panel of B lives in L2/L3.
 */
final class BlockedGemm {
  static final int KC = 256;
  static final int MC = 256;
  static final int NC = 4096;

  private BlockedGemm() {}

  /** Computes rows {@code [i0, i1)} and columns {@code [j0, j1)} of C; requires {@code k > 0}. */
  static void run(GemmCall g, int i0, int i1, int j0, int j1, Workspace ws) {
    float[] tile = ws.tile();
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      float[] pb = ws.packedB(KC * roundUp(nc, NR));
      for (int pc = 0; pc < g.k(); pc += KC) {
        int kc = Math.min(KC, g.k() - pc);
        Packing.packB(g, pc, kc, jc, nc, pb);
        // Later k slices add to the partial sums already in C.
        float beta = pc == 0 ? g.beta() : 1f;
        for (int ic = i0; ic < i1; ic += MC) {
          int mc = Math.min(MC, i1 - ic);
          float[] pa = ws.packedA(kc * roundUp(mc, MR));
          Packing.packA(g, ic, mc, pc, kc, pa);
          for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int bi = jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
              int rows = Math.min(MR, mc - ir);
              int ai = ir * kc;
              int ci = g.cOffset() + (ic + ir) * g.ldc() + jc + jr;
              MicroKernel.tile(kc, pa, ai, pb, bi, tile);
              MicroKernel.writeBack(tile, NR, rows, cols, g.alpha(), beta, g.c(), ci, g.ldc());
            }
          }
        }
      }
    }
  }

  static int roundUp(int x, int multiple) {
    return (x + multiple - 1) / multiple * multiple;
  }
}
