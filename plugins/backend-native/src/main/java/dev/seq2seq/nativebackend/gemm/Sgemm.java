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
 *
 * <p>Implementation: packed, cache-blocked, register-tiled kernels on the Vector API (see {@link
 * BlockedGemm}), with unpacked paths for the few-row products of decoding (see {@link
 * SkinnyGemm}) and for matrix-vector and outer products (see {@link ThinGemm}). A transposed B
 * is usually handled by computing {@code C^T} instead (see {@link GemmCall#swapped}). Work is
 * split over the backend's threads by columns of C, or by rows when C is too narrow; each thread
 * packs into its own reusable buffers.
 */
public final class Sgemm {
  /** Below this many flops a fork-join round trip costs more than it saves. */
  private static final long PARALLEL_MIN_FLOPS = 1L << 20;

  /**
   * Products with at most this many rows skip packing: each element of B is used too few times to
   * repay copying it. Measured on AVX-512 with n=10000, k=512: the unpacked kernels win clearly
   * up to 16 rows, the packed ones from 32.
   */
  public static final int SKINNY_MAX_ROWS = 16;

  /**
   * Products with a pre-packed {@code W^T} ({@link #multiplyPacked}) read its panels up to this
   * many rows: with B already laid out, the blocked path's per-call packing of B (a full pass
   * over the weight) is the only difference, and one recording's input projection (20-60 frames),
   * a decoding step of a 64-sentence batch or a training batch's recurrent step would pay it on
   * every call. Measured with 2 threads on AVX-512 (GFLOP/s, packed panels against packing per
   * call): 64 x 1280 by 2618 135-145 against 102-111; 64 x 512 by 1536 128-135 against 107; 32 x
   * 1280 by 2618 132 against 93. The blocked kernel reading the same panels was no faster.
   */
  public static final int PACKED_MAX_ROWS = 64;

  private final Parallelism parallelism;
  private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

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
    checkShape(m, n, k);
    checkStride("lda", lda, transA ? m : k, m > 0 && k > 0);
    checkStride("ldb", ldb, transB ? k : n, k > 0 && n > 0);
    checkStride("ldc", ldc, n, m > 0);
    if (m == 0 || n == 0) {
      return;
    }
    GemmCall call =
        new GemmCall(
            transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset,
            ldc, false);
    if (k == 0 || alpha == 0f) {
      scaleC(call);
      return;
    }
    int threads = parallelism.threads();
    boolean serial = threads == 1 || 2L * m * n * k < PARALLEL_MIN_FLOPS;
    if (n == 1 || k == 1) {
      thin(call, serial);
      return;
    }
    if (m <= SKINNY_MAX_ROWS) {
      skinny(call, null, serial);
      return;
    }
    blocked(preferSwapped(call) ? call.swapped() : call, serial);
  }

  /**
   * {@code C = A W^T + beta C} for a row-major {@code W [n, k]} (at {@code w[0]}) whose transpose
   * is also given pre-packed ({@link PackedB#ofTransposed}). With at most {@link
   * #PACKED_MAX_ROWS} rows the kernel reads the packed panels; otherwise this is {@link
   * #multiply}. The result is bit for bit what {@code multiply(false, true, ...)} gives.
   */
  public void multiplyPacked(int m, int n, int k, float[] a, int aOffset, int lda, float[] w,
      PackedB packed, float beta, float[] c, int cOffset, int ldc) {
    // n == 1 goes to the matrix-vector kernel at every size (see ThinGemm).
    if (m > PACKED_MAX_ROWS || k == 0 || m == 0 || n <= 1) {
      multiply(false, true, m, n, k, 1f, a, aOffset, lda, w, 0, k, beta, c, cOffset, ldc);
      return;
    }
    if (packed.n() != n || packed.k() != k) {
      throw new IllegalArgumentException("packed B is [" + packed.k() + ", " + packed.n()
          + "], the product needs [" + k + ", " + n + "]");
    }
    checkShape(m, n, k);
    checkStride("lda", lda, k, true);
    checkStride("ldc", ldc, n, true);
    GemmCall call = new GemmCall(false, true, m, n, k, 1f, a, aOffset, lda, w, 0, k, beta, c,
        cOffset, ldc, false);
    skinny(call, packed, parallelism.threads() == 1 || 2L * m * n * k < PARALLEL_MIN_FLOPS);
  }

  /** The skinny path, split over blocks of columns; reads B from {@code packed} when given. */
  private void skinny(GemmCall call, PackedB packed, boolean serial) {
    int n = call.n();
    int units = ceilDiv(n, SkinnyGemm.COLUMN_BLOCK);
    parallelism.forRange(
        units,
        serial ? units : 1,
        (from, to) -> {
          int j0 = from * SkinnyGemm.COLUMN_BLOCK;
          int j1 = Math.min(n, to * SkinnyGemm.COLUMN_BLOCK);
          float[] scratch = workspaces.get().skinnyScratch(SkinnyGemm.scratchSize(call.k()));
          if (packed == null) {
            SkinnyGemm.run(call, j0, j1, scratch);
          } else {
            SkinnyGemm.runPacked(call, packed, j0, j1, scratch);
          }
        });
  }

  /**
   * A product with {@code n == 1} or {@code k == 1} (see {@link ThinGemm}), split over blocks of
   * rows. op(B)'s single column or row is read in place when contiguous, copied otherwise.
   */
  private void thin(GemmCall g, boolean serial) {
    boolean column = g.n() == 1;
    int count = column ? g.k() : g.n();
    // Element t of op(B)'s column (t = p) or row (t = j) is at b[bOffset + t * step].
    int step = column == g.transB() ? 1 : g.ldb();
    float[] vector = g.b();
    int offset = g.bOffset();
    if (step != 1) {
      vector = new float[count];
      for (int t = 0; t < count; t++) {
        vector[t] = g.b()[g.bOffset() + t * step];
      }
      offset = 0;
    }
    float[] v = vector;
    int vOffset = offset;
    int units = ceilDiv(g.m(), MicroKernel.LANES);
    parallelism.forRange(units, serial ? units : 1, (from, to) -> {
      int i0 = from * MicroKernel.LANES;
      int i1 = Math.min(g.m(), to * MicroKernel.LANES);
      if (column) {
        ThinGemm.gemv(g, i0, i1, v, vOffset);
      } else {
        ThinGemm.outer(g, i0, i1, v, vOffset);
      }
    });
  }

  /** Runs the packed path, split over columns of C or, when C is too narrow, over rows. */
  private void blocked(GemmCall g, boolean serial) {
    int m = g.m();
    int n = g.n();
    int threads = parallelism.threads();
    if (serial) {
      compute(g, 0, m, 0, n);
      return;
    }
    int colUnits = ceilDiv(n, MicroKernel.NR);
    int rowUnits = ceilDiv(m, MicroKernel.MR);
    if (colUnits >= rowUnits || colUnits >= 4 * threads) {
      parallelism.forRange(
          colUnits,
          1,
          (from, to) ->
              compute(g, 0, m, from * MicroKernel.NR, Math.min(n, to * MicroKernel.NR)));
    } else {
      parallelism.forRange(
          rowUnits,
          1,
          (from, to) ->
              compute(g, from * MicroKernel.MR, Math.min(m, to * MicroKernel.MR), 0, n));
    }
  }

  /**
   * Whether to run the product as {@code C^T = op(B)^T op(A)^T} (see {@link GemmCall#swapped}).
   * The blocked path packs A cheaply in either layout but B only when it is not transposed, so a
   * transposed B is worth moving to the A side: always when A is transposed too (then neither
   * side needs a transposing copy), otherwise when A is the smaller operand, since the swap then
   * transposes A instead. The price is a scalar transposed write-back, once per k slice.
   */
  private static boolean preferSwapped(GemmCall g) {
    return g.transB() && (g.transA() || g.m() < g.n());
  }

  private void compute(GemmCall g, int i0, int i1, int j0, int j1) {
    BlockedGemm.run(g, i0, i1, j0, j1, workspaces.get());
  }

  /** {@code C = beta * C}, the whole product when it is empty or scaled away. */
  private static void scaleC(GemmCall g) {
    for (int i = 0; i < g.m(); i++) {
      int row = g.cOffset() + i * g.ldc();
      for (int j = row; j < row + g.n(); j++) {
        g.c()[j] = g.beta() == 0f ? 0f : g.beta() * g.c()[j];
      }
    }
  }

  private static void checkShape(int m, int n, int k) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(
          "negative shape m=" + m + ", n=" + n + ", k=" + k);
    }
  }

  private static void checkStride(String name, int ld, int rowLength, boolean used) {
    if (used && ld < rowLength) {
      throw new IllegalArgumentException(
          name + " = " + ld + " is shorter than a stored row of " + rowLength);
    }
  }

  private static int ceilDiv(int x, int d) {
    return (x + d - 1) / d;
  }
}
