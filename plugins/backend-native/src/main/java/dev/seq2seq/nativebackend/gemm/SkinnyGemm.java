package dev.seq2seq.nativebackend.gemm;

import static dev.seq2seq.nativebackend.gemm.BlockedGemm.KC;
import static dev.seq2seq.nativebackend.gemm.MicroKernel.LANES;
import static dev.seq2seq.nativebackend.gemm.MicroKernel.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * Unpacked kernels for products with few rows, such as decoding steps against a vocabulary
 * projection. With so few rows each element of B is used only a handful of times, so packing B
 * (a full extra pass over it) costs more than the multiply; these kernels stream B once from the
 * caller's array, {@link #ROWS} rows of A at a time.
 *
 * <p>A group of two or three real rows repeats its last row, so one kernel shape serves them. A
 * lone row (batch-1 transcription, a greedy decoding step) has its own kernel: padded to four
 * rows, 12 of every 16 FMAs would be redundant and the kernel would be bound by them rather than
 * by reading B (measured: the four-row kernel was half of batch-1 transcription time).
 *
 * <p>Each element of C is reduced exactly as {@link BlockedGemm} reduces it: one FMA chain per
 * {@code KC} slice of k, starting from zero, each slice's sum merged into C in slice order by
 * {@link MicroKernel#writeBack}. A row therefore gets the same bits whether it is computed here
 * (a sentence decoded alone) or on the packed path (in a batch of 64), whatever the thread split.
 */
final class SkinnyGemm {
  static final int ROWS = 4;
  /** Columns of C one pass of {@link #kernel} keeps in registers: a 4 x 4-vector tile. */
  static final int COLUMN_BLOCK = 4 * LANES;

  /** Floats of B per column slab: 512 KiB, a quarter of this machine's 2 MiB L2. */
  private static final int SLAB_FLOATS = 128 * 1024;

  private SkinnyGemm() {}

  /**
   * Per-thread scratch: a {@code ROWS x COLUMN_BLOCK} tile and, for a transposed B, one {@code
   * KC x COLUMN_BLOCK} block of op(B).
   */
  static int scratchSize(int k) {
    return ROWS * COLUMN_BLOCK + KC * COLUMN_BLOCK;
  }

  /** Computes columns {@code [j0, j1)} of every row of C; requires {@code k > 0}. */
  static void run(GemmCall g, int j0, int j1, float[] scratch) {
    if (g.transB()) {
      runTransposedB(g, j0, j1, scratch);
      return;
    }
    // Visit B in column slabs small enough to stay in L2 while every group of rows passes
    // over them, so B comes from memory once rather than once per group.
    int slab = Math.max(1, SLAB_FLOATS / g.k() / COLUMN_BLOCK) * COLUMN_BLOCK;
    for (int js = j0; js < j1; js += slab) {
      int je = Math.min(j1, js + slab);
      for (int i = 0; i < g.m(); i += ROWS) {
        int rows = Math.min(ROWS, g.m() - i);
        for (int j = js; j < je; j += COLUMN_BLOCK) {
          int cols = Math.min(COLUMN_BLOCK, je - j);
          for (int pc = 0; pc < g.k(); pc += KC) {
            int kc = Math.min(KC, g.k() - pc);
            if (cols < COLUMN_BLOCK) {
              narrow(g, i, rows, j, cols, pc, kc, scratch);
            } else {
              tile(g, i, rows, pc, kc, g.b(), g.bOffset() + pc * g.ldb() + j, g.ldb(), scratch);
              merge(g, i, rows, j, cols, pc, scratch);
            }
          }
        }
      }
    }
  }

  /**
   * B stored {@code [n, k]}: each {@code KC x COLUMN_BLOCK} block of op(B) is transposed into
   * scratch with gathers (one element from each of {@code LANES} rows of B per load), then every
   * group of rows runs the plain kernel over it. A dot-product kernel would read B contiguously
   * but sum in another order than the packed path; gathering straight into the kernel's
   * registers touches 64 rows of B at once, whose lines collide in L1 when k is a power of two.
   */
  private static void runTransposedB(GemmCall g, int j0, int j1, float[] scratch) {
    int bt = ROWS * COLUMN_BLOCK;
    float[] b = g.b();
    int ldb = g.ldb();
    int[] column = new int[LANES]; // the offsets of one column of op(B) rows in B
    for (int l = 0; l < LANES; l++) {
      column[l] = l * ldb;
    }
    overBlocks(g, j0, j1, scratch, new BlockSource(scratch) {
      @Override
      int load(int j, int pc, int kc) {
        for (int v = 0; v < COLUMN_BLOCK; v += LANES) {
          int from = g.bOffset() + (j + v) * ldb + pc;
          for (int p = 0, to = bt + v; p < kc; p++, to += COLUMN_BLOCK) {
            FloatVector.fromArray(SPECIES, b, from + p, column, 0).intoArray(scratch, to);
          }
        }
        return bt;
      }
    });
  }

  /**
   * Columns {@code [j0, j1)} of {@code C = A W^T} with {@code W^T} pre-packed: the same kernel
   * and the same FMA chain per element as {@link #runTransposedB}, without the per-call gather.
   * {@code g} is the call with {@code transB} and {@code W} as B (the narrow tail reads it).
   */
  static void runPacked(GemmCall g, PackedB packed, int j0, int j1, float[] scratch) {
    overBlocks(g, j0, j1, scratch, new BlockSource(packed.panels()) {
      @Override
      int load(int j, int pc, int kc) {
        return packed.offset(j, pc);
      }

      @Override
      boolean padsTail() {
        return true;
      }
    });
  }

  /** Where a {@code KC x COLUMN_BLOCK} block of op(B) is read from, rows COLUMN_BLOCK apart. */
  private abstract static class BlockSource {
    final float[] array;

    BlockSource(float[] array) {
      this.array = array;
    }

    /** Makes block (columns from {@code j}, k slice {@code pc}) readable; returns its offset. */
    abstract int load(int j, int pc, int kc);

    /** Whether a last, partial block is readable too (zero-padded to a whole block). */
    boolean padsTail() {
      return false;
    }
  }

  /** The column blocks and k slices of a transposed-B product, whole blocks from {@code source}. */
  private static void overBlocks(GemmCall g, int j0, int j1, float[] scratch, BlockSource source) {
    for (int j = j0; j < j1; j += COLUMN_BLOCK) {
      int cols = Math.min(COLUMN_BLOCK, j1 - j);
      for (int pc = 0; pc < g.k(); pc += KC) {
        int kc = Math.min(KC, g.k() - pc);
        if (cols < COLUMN_BLOCK && !source.padsTail()) {
          for (int i = 0; i < g.m(); i += ROWS) {
            narrow(g, i, Math.min(ROWS, g.m() - i), j, cols, pc, kc, scratch);
          }
          continue;
        }
        int bi = source.load(j, pc, kc);
        for (int i = 0; i < g.m(); i += ROWS) {
          int rows = Math.min(ROWS, g.m() - i);
          tile(g, i, rows, pc, kc, source.array, bi, COLUMN_BLOCK, scratch);
          merge(g, i, rows, j, cols, pc, scratch);
        }
      }
    }
  }

  /**
   * One group's tile: a lone row (one recording, a greedy decoding step, the last hypothesis of
   * a beam) gets its own kernel, whose FMAs are a quarter of the four-row kernel's; the sums are
   * the same chains either way.
   */
  private static void tile(
      GemmCall g, int i, int rows, int pc, int kc, float[] b, int bi, int ldb, float[] tile) {
    if (rows == 1) {
      oneRow(g, i, pc, kc, b, bi, ldb, tile);
    } else {
      kernel(g, i, rows, pc, kc, b, bi, ldb, tile);
    }
  }

  /** {@link #kernel} for a single row of A: row 0 of the tile. */
  private static void oneRow(
      GemmCall g, int i, int pc, int kc, float[] b, int bi, int ldb, float[] tile) {
    float[] a = g.a();
    int aStep = g.transA() ? g.lda() : 1;
    int a0 = rowStart(g, i, 0, 1) + pc * aStep;
    FloatVector s0 = FloatVector.zero(SPECIES);
    FloatVector s1 = s0, s2 = s0, s3 = s0;
    for (int p = 0, off = 0; p < kc; p++, off += aStep, bi += ldb) {
      FloatVector av = FloatVector.broadcast(SPECIES, a[a0 + off]);
      s0 = av.fma(FloatVector.fromArray(SPECIES, b, bi), s0);
      s1 = av.fma(FloatVector.fromArray(SPECIES, b, bi + LANES), s1);
      s2 = av.fma(FloatVector.fromArray(SPECIES, b, bi + 2 * LANES), s2);
      s3 = av.fma(FloatVector.fromArray(SPECIES, b, bi + 3 * LANES), s3);
    }
    s0.intoArray(tile, 0);
    s1.intoArray(tile, LANES);
    s2.intoArray(tile, 2 * LANES);
    s3.intoArray(tile, 3 * LANES);
  }

  /**
   * The {@code ROWS x COLUMN_BLOCK} tile of k slice {@code [pc, pc+kc)} for rows {@code [i,
   * i+rows)}, into {@code tile[0..)}: each k step broadcasts one element of each A row against a
   * row segment of op(B) (from {@code b[bi]}, rows {@code ldb} apart), four vectors wide.
   */
  private static void kernel(
      GemmCall g, int i, int rows, int pc, int kc, float[] b, int bi, int ldb, float[] tile) {
    float[] a = g.a();
    int aStep = g.transA() ? g.lda() : 1;
    int start = pc * aStep;
    int a0 = rowStart(g, i, 0, rows) + start;
    int a1 = rowStart(g, i, 1, rows) + start;
    int a2 = rowStart(g, i, 2, rows) + start;
    int a3 = rowStart(g, i, 3, rows) + start;
    FloatVector s00 = FloatVector.zero(SPECIES);
    FloatVector s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
    FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00, s32 = s00;
    FloatVector s33 = s00;
    for (int p = 0, off = 0; p < kc; p++, off += aStep, bi += ldb) {
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
  }

  /**
   * The last, narrower-than-a-block columns (all of them when n < {@link #COLUMN_BLOCK}, as in
   * attention over a short source): the same FMA chain per element as {@link #kernel}, one
   * vector of columns at a time. Lanes past {@code cols} compute on whatever B holds there (a
   * gather repeats the last real column) and are never written back.
   */
  private static void narrow(
      GemmCall g, int i, int rows, int j, int cols, int pc, int kc, float[] tile) {
    float[] a = g.a();
    float[] b = g.b();
    int ldb = g.ldb();
    int aStep = g.transA() ? g.lda() : 1;
    int[] gather = g.transB() ? new int[LANES] : null;
    for (int jj = 0; jj < cols; jj += LANES) {
      int live = Math.min(LANES, cols - jj);
      if (gather != null) {
        for (int l = 0; l < LANES; l++) {
          gather[l] = Math.min(l, live - 1) * ldb;
        }
      }
      for (int r = 0; r < rows; r++) {
        int ai = rowStart(g, i, r, rows) + pc * aStep;
        FloatVector s = FloatVector.zero(SPECIES);
        if (gather != null) {
          // op(B)[p][j + jj + l] = b[bOffset + (j + jj + l) * ldb + p]
          int bi = g.bOffset() + (j + jj) * ldb + pc;
          for (int p = 0; p < kc; p++, ai += aStep) {
            s = FloatVector.broadcast(SPECIES, a[ai])
                .fma(FloatVector.fromArray(SPECIES, b, bi + p, gather, 0), s);
          }
        } else {
          int bi = g.bOffset() + pc * ldb + j + jj;
          boolean whole = bi + (kc - 1) * ldb + LANES <= b.length;
          var mask = SPECIES.indexInRange(0, live);
          for (int p = 0; p < kc; p++, ai += aStep, bi += ldb) {
            FloatVector bv = whole
                ? FloatVector.fromArray(SPECIES, b, bi)
                : FloatVector.fromArray(SPECIES, b, bi, mask);
            s = FloatVector.broadcast(SPECIES, a[ai]).fma(bv, s);
          }
        }
        s.intoArray(tile, r * COLUMN_BLOCK + jj);
      }
    }
    merge(g, i, rows, j, cols, pc, tile);
  }

  /** Merges a slice's tile into C: the caller's beta for the first slice, then accumulation. */
  private static void merge(GemmCall g, int i, int rows, int j, int cols, int pc, float[] tile) {
    MicroKernel.writeBack(tile, COLUMN_BLOCK, rows, cols, g.alpha(), pc == 0 ? g.beta() : 1f,
        g.c(), g.cOffset() + i * g.ldc() + j, g.ldc());
  }

  /** Index in stored A of {@code op(A)[i + r][0]}; past {@code rows} it repeats the last row. */
  private static int rowStart(GemmCall g, int i, int r, int rows) {
    int row = i + Math.min(r, rows - 1);
    return g.transA() ? g.aOffset() + row : g.aOffset() + row * g.lda();
  }
}
