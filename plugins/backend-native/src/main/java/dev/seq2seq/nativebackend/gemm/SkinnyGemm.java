package dev.seq2seq.nativebackend.gemm;

import static dev.seq2seq.nativebackend.gemm.MicroKernel.LANES;
import static dev.seq2seq.nativebackend.gemm.MicroKernel.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Unpacked kernels for products with few rows, such as decoding steps against a vocabulary
 * projection. With so few rows each element of B is used only a handful of times, so packing B
 * (a full extra pass over it, strided when B is transposed) costs more than the multiply; these
 * kernels stream B once from the caller's array, {@link #ROWS} rows of A at a time.
 *
 * <p>A group with fewer than {@code ROWS} real rows repeats its last row: the kernel is bound by
 * reading B, so the redundant FMAs are free, and one kernel shape serves every row count.
 */
final class SkinnyGemm {
  static final int ROWS = 4;
  /** Columns of C one pass of {@link #timesB} keeps in registers: a 4 x 4-vector tile. */
  static final int COLUMN_BLOCK = 4 * LANES;

  /** Floats of B per column slab: 512 KiB, a quarter of this machine's 2 MiB L2. */
  private static final int SLAB_FLOATS = 128 * 1024;

  private SkinnyGemm() {}

  /** Per-thread scratch: a {@code ROWS x COLUMN_BLOCK} tile and {@code ROWS} gathered rows of A. */
  static int scratchSize(int k) {
    return ROWS * COLUMN_BLOCK + ROWS * k;
  }

  /** Computes columns {@code [j0, j1)} of every row of C; requires {@code k > 0}. */
  static void run(GemmCall g, int j0, int j1, float[] scratch) {
    // Visit B in column slabs small enough to stay in L2 while every group of rows passes
    // over them, so B comes from memory once rather than once per group.
    int slab = Math.max(1, SLAB_FLOATS / g.k() / COLUMN_BLOCK) * COLUMN_BLOCK;
    for (int js = j0; js < j1; js += slab) {
      int je = Math.min(j1, js + slab);
      for (int i = 0; i < g.m(); i += ROWS) {
        int rows = Math.min(ROWS, g.m() - i);
        if (g.transB()) {
          dotB(g, i, rows, js, je, scratch);
        } else {
          timesB(g, i, rows, js, je, scratch);
        }
      }
    }
  }

  /**
   * Rows {@code [i, i+rows)} of C from B stored {@code [k, n]}: each k step broadcasts one element
   * of each A row against a row segment of B, four vectors wide.
   */
  private static void timesB(GemmCall g, int i, int rows, int j0, int j1, float[] tile) {
    float[] a = g.a();
    float[] b = g.b();
    int ldb = g.ldb();
    int k = g.k();
    int aStep = g.transA() ? g.lda() : 1;
    int a0 = rowStart(g, i, 0, rows);
    int a1 = rowStart(g, i, 1, rows);
    int a2 = rowStart(g, i, 2, rows);
    int a3 = rowStart(g, i, 3, rows);
    int ci = g.cOffset() + i * g.ldc();
    for (int j = j0; j < j1; j += COLUMN_BLOCK) {
      int cols = Math.min(COLUMN_BLOCK, j1 - j);
      if (cols < COLUMN_BLOCK) {
        narrowTimesB(g, i, rows, j, cols, tile);
        break;
      }
      FloatVector s00 = FloatVector.zero(SPECIES);
      FloatVector s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
      FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00, s32 = s00;
      FloatVector s33 = s00;
      for (int p = 0, off = 0, bi = g.bOffset() + j; p < k; p++, off += aStep, bi += ldb) {
        FloatVector b0 = FloatVector.fromArray(SPECIES, b, bi);
        FloatVector b1 = FloatVector.fromArray(SPECIES, b, bi + LANES);
        FloatVector b2 = FloatVector.fromArray(SPECIES, b, bi + 2 * LANES);
        FloatVector b3 = FloatVector.fromArray(SPECIES, b, bi + 3 * LANES);
        FloatVector av = FloatVector.broadcast(SPECIES, a[a0 + off]);
        s00 = av.fma(b0, s00);
        s01 = av.fma(b1, s01);
        s02 = av.fma(b2, s02);
        s03 = av.fma(b3, s03);
        av = FloatVector.broadcast(SPECIES, a[a1 + off]);
        s10 = av.fma(b0, s10);
        s11 = av.fma(b1, s11);
        s12 = av.fma(b2, s12);
        s13 = av.fma(b3, s13);
        av = FloatVector.broadcast(SPECIES, a[a2 + off]);
        s20 = av.fma(b0, s20);
        s21 = av.fma(b1, s21);
        s22 = av.fma(b2, s22);
        s23 = av.fma(b3, s23);
        av = FloatVector.broadcast(SPECIES, a[a3 + off]);
        s30 = av.fma(b0, s30);
        s31 = av.fma(b1, s31);
        s32 = av.fma(b2, s32);
        s33 = av.fma(b3, s33);
      }
      // Through memory, as in MicroKernel: an out-of-line store helper would box the sums.
      s00.intoArray(tile, 0);
      s01.intoArray(tile, LANES);
      s02.intoArray(tile, 2 * LANES);
      s03.intoArray(tile, 3 * LANES);
      s10.intoArray(tile, COLUMN_BLOCK);
      s11.intoArray(tile, COLUMN_BLOCK + LANES);
      s12.intoArray(tile, COLUMN_BLOCK + 2 * LANES);
      s13.intoArray(tile, COLUMN_BLOCK + 3 * LANES);
      s20.intoArray(tile, 2 * COLUMN_BLOCK);
      s21.intoArray(tile, 2 * COLUMN_BLOCK + LANES);
      s22.intoArray(tile, 2 * COLUMN_BLOCK + 2 * LANES);
      s23.intoArray(tile, 2 * COLUMN_BLOCK + 3 * LANES);
      s30.intoArray(tile, 3 * COLUMN_BLOCK);
      s31.intoArray(tile, 3 * COLUMN_BLOCK + LANES);
      s32.intoArray(tile, 3 * COLUMN_BLOCK + 2 * LANES);
      s33.intoArray(tile, 3 * COLUMN_BLOCK + 3 * LANES);
      MicroKernel.writeBack(
          tile, COLUMN_BLOCK, rows, cols, g.alpha(), g.beta(), g.c(), ci + j, g.ldc());
    }
  }

  /** The last, narrower-than-a-block columns of {@link #timesB}: rare, so plain scalar code. */
  private static void narrowTimesB(GemmCall g, int i, int rows, int j, int cols, float[] tile) {
    for (int r = 0; r < rows; r++) {
      for (int jj = 0; jj < cols; jj++) {
        float s = 0f;
        for (int p = 0; p < g.k(); p++) {
          s += g.opA(i + r, p) * g.opB(p, j + jj);
        }
        tile[r * COLUMN_BLOCK + jj] = s;
      }
    }
    MicroKernel.writeBack(
        tile, COLUMN_BLOCK, rows, cols, g.alpha(), g.beta(), g.c(),
        g.cOffset() + i * g.ldc() + j, g.ldc());
  }

  /**
   * Rows {@code [i, i+rows)} of C from B stored {@code [n, k]}: every output is a dot product of
   * two contiguous rows, taken for four rows of A and four rows of B at once.
   */
  private static void dotB(GemmCall g, int i, int rows, int j0, int j1, float[] scratch) {
    float[] a = g.a();
    int ar = g.lda();
    int a0 = rowStart(g, i, 0, rows);
    if (g.transA()) {
      // Stored A holds op(A) rows as columns; gather them so the dot products read contiguously.
      a = scratch;
      ar = g.k();
      a0 = ROWS * COLUMN_BLOCK;
      for (int r = 0; r < ROWS; r++) {
        for (int p = 0; p < g.k(); p++) {
          a[a0 + r * ar + p] = g.opA(i + Math.min(r, rows - 1), p);
        }
      }
    }
    int a1 = a0 + (rows > 1 ? ar : 0);
    int a2 = a0 + (rows > 2 ? 2 * ar : (rows - 1) * ar);
    int a3 = a0 + (rows > 3 ? 3 * ar : (rows - 1) * ar);
    float[] b = g.b();
    int k = g.k();
    int kVec = k - k % LANES;
    for (int j = j0; j < j1; j++) {
      int bj = g.bOffset() + j * g.ldb();
      FloatVector s0 = FloatVector.zero(SPECIES);
      FloatVector s1 = s0, s2 = s0, s3 = s0;
      for (int p = 0; p < kVec; p += LANES) {
        FloatVector bv = FloatVector.fromArray(SPECIES, b, bj + p);
        s0 = FloatVector.fromArray(SPECIES, a, a0 + p).fma(bv, s0);
        s1 = FloatVector.fromArray(SPECIES, a, a1 + p).fma(bv, s1);
        s2 = FloatVector.fromArray(SPECIES, a, a2 + p).fma(bv, s2);
        s3 = FloatVector.fromArray(SPECIES, a, a3 + p).fma(bv, s3);
      }
      float d0 = s0.reduceLanes(VectorOperators.ADD);
      float d1 = s1.reduceLanes(VectorOperators.ADD);
      float d2 = s2.reduceLanes(VectorOperators.ADD);
      float d3 = s3.reduceLanes(VectorOperators.ADD);
      for (int p = kVec; p < k; p++) {
        float bv = b[bj + p];
        d0 += a[a0 + p] * bv;
        d1 += a[a1 + p] * bv;
        d2 += a[a2 + p] * bv;
        d3 += a[a3 + p] * bv;
      }
      int ci = g.cOffset() + i * g.ldc() + j;
      store(g, ci, d0);
      if (rows > 1) {
        store(g, ci + g.ldc(), d1);
      }
      if (rows > 2) {
        store(g, ci + 2 * g.ldc(), d2);
      }
      if (rows > 3) {
        store(g, ci + 3 * g.ldc(), d3);
      }
    }
  }

  /** Index in stored A of {@code op(A)[i + r][0]}; past {@code rows} it repeats the last row. */
  private static int rowStart(GemmCall g, int i, int r, int rows) {
    int row = i + Math.min(r, rows - 1);
    return g.transA() ? g.aOffset() + row : g.aOffset() + row * g.lda();
  }

  private static void store(GemmCall g, int o, float sum) {
    float v = g.alpha() * sum;
    g.c()[o] = g.beta() == 0f ? v : v + g.beta() * g.c()[o];
  }
}
