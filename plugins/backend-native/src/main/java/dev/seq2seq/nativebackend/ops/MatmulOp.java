package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.NativeTensor;
import dev.seq2seq.nativebackend.Parallelism;
import dev.seq2seq.nativebackend.autograd.Backprop;
import dev.seq2seq.nativebackend.gemm.Sgemm;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Matrix products through {@link Sgemm}. Every form reduces to {@code batch} independent products
 * {@code C[m,n] = A[m,k] B[k,n]}; the backward passes ask the GEMM for transposed operands
 * ({@code dA = G B^T}, {@code dB = A^T G}) instead of materialising transposes.
 */
public final class MatmulOp {

  /** Work below which a chunk of a batch is not worth handing to another thread. */
  private static final long BATCH_GRAIN_FLOPS = 1L << 18;

  private MatmulOp() {}

  /** The sizes of one product and how many there are. */
  private record Dims(int batch, int m, int k, int n, int[] out) {}

  public static NativeTensor matmul(NativeTensor a, NativeTensor b) {
    NativeTensor w = b.transposeSource();
    if (w != null && b.dims().length == 2) {
      return timesTransposed(a, b, w);
    }
    float[] x = a.floats("matmul");
    float[] y = b.floats("matmul");
    Dims d = dims(a.dims(), b.dims());
    Sgemm gemm = a.owner().gemm();
    int mk = d.m * d.k;
    int kn = d.k * d.n;
    int mn = d.m * d.n;
    // The [...,k]·[k,n] form shares one B between all rows: batch is 1 and m spans every row.
    int bStep = d.batch == 1 ? 0 : kn;

    Parallelism parallelism = a.owner().parallelism();
    // C[i] = A[i] B[i]: [m,k]·[k,n] -> [m,n]
    float[] out = new float[d.batch * mn];
    overBatch(parallelism, d, i ->
        gemm.multiply(false, false, d.m, d.n, d.k, 1f, x, i * mk, d.k, y, i * bStep, d.n, 0f, out,
            i * mn, d.n));
    return a.owner().result(
        "matmul", out, d.out,
        (g, needs) -> {
          float[] dx = null;
          float[] dy = null;
          if (needs[0]) {
            // dA[i] = G[i] B[i]^T: [m,n]·[n,k] -> [m,k]
            float[] dxs = new float[x.length];
            overBatch(parallelism, d, i ->
                gemm.multiply(false, true, d.m, d.k, d.n, 1f, g[0], i * mn, d.n, y, i * bStep,
                    d.n, 0f, dxs, i * mk, d.k));
            dx = dxs;
          }
          if (needs[1]) {
            // dB[i] = A[i]^T G[i]: [k,m]·[m,n] -> [k,n]
            float[] dys = new float[y.length];
            overBatch(parallelism, d, i ->
                gemm.multiply(true, false, d.k, d.n, d.m, 1f, x, i * mk, d.k, g[0], i * mn, d.n,
                    0f, dys, i * kn, d.n));
            dy = dys;
          }
          return new float[][] {dx, dy};
        },
        a, b);
  }

  /**
   * {@code [..., k] · b} where {@code b} is the lazy transpose of {@code w [n, k]}: the GEMM reads
   * {@code w} as a transposed operand, so the transpose is never copied ({@code x W^T}, a linear
   * layer). The node's input is {@code w} itself, whose gradient {@code G^T A} the GEMM writes in
   * {@code w}'s layout: routing it through the transpose node instead would copy every weight
   * gradient once more with a strided (cache-hostile) walk, which cost 15% of mt-small training.
   */
  private static NativeTensor timesTransposed(NativeTensor a, NativeTensor b, NativeTensor w) {
    float[] x = a.floats("matmul");
    float[] y = w.floats("matmul"); // [n, k]
    Dims d = dims(a.dims(), b.dims());
    Sgemm gemm = a.owner().gemm();
    // C = A W^T: [m,k]·[k,n] -> [m,n]
    float[] out = new float[d.m * d.n];
    if (d.m <= Sgemm.PACKED_MAX_ROWS) {
      // Up to a decoding step of a whole batch: read W^T from panels packed once per weight
      // version instead of packing W on every call (measured at PACKED_MAX_ROWS).
      gemm.multiplyPacked(d.m, d.n, d.k, x, 0, d.k, y, w.packedTranspose(), 0f, out, 0, d.n);
    } else {
      gemm.multiply(false, true, d.m, d.n, d.k, 1f, x, 0, d.k, y, 0, d.k, 0f, out, 0, d.n);
    }
    return a.owner().result(
        "matmul", out, d.out,
        (g, needs) -> {
          float[] dx = null;
          float[] dy = null;
          if (needs[0]) {
            // dA = G W: [m,n]·[n,k] -> [m,k]
            dx = new float[x.length];
            gemm.multiply(false, false, d.m, d.k, d.n, 1f, g[0], 0, d.n, y, 0, d.k, 0f, dx, 0,
                d.k);
          }
          // A layer applied step by step (attention's query in a decoder) has its weight's
          // gradient deferred, so that every step's rows go into one product when the pass ends.
          boolean deferred = needs[1] && d.m <= OuterProductSum.MAX_ROWS
              && Backprop.defer(w, new OuterProductSum(gemm, d.n, d.k, g[0], 0, x, 0, d.m));
          if (needs[1] && !deferred) {
            // dW = G^T A: [n,m]·[m,k] -> [n,k]
            dy = new float[d.n * d.k];
            gemm.multiply(true, false, d.n, d.k, d.m, 1f, g[0], 0, d.n, x, 0, d.k, 0f, dy, 0,
                d.k);
          }
          return new float[][] {dx, dy};
        },
        a, w);
  }

  /**
   * Runs {@code product} for every index of the batch. A batch of small products (attention's
   * {@code [B, 1, T]·[B, T, H]}, one per sentence) is split over the threads, each product then
   * running whole on one of them; a product too large for that splits itself instead.
   */
  private static void overBatch(Parallelism parallelism, Dims d, IntConsumer product) {
    long flops = 2L * d.m * d.n * d.k;
    if (d.batch == 1 || flops >= BATCH_GRAIN_FLOPS) {
      for (int i = 0; i < d.batch; i++) {
        product.accept(i);
      }
      return;
    }
    int grain = (int) Math.max(1, BATCH_GRAIN_FLOPS / Math.max(1, flops));
    parallelism.forRange(d.batch, grain, (from, to) -> {
      for (int i = from; i < to; i++) {
        product.accept(i);
      }
    });
  }

  private static Dims dims(int[] as, int[] bs) {
    if (as.length == 3 && bs.length == 3) {
      if (as[0] != bs[0]) {
        throw error("batch sizes differ", as, bs);
      }
      if (as[2] != bs[1]) {
        throw error("do not agree on k", as, bs);
      }
      return new Dims(as[0], as[1], as[2], bs[2], new int[] {as[0], as[1], bs[2]});
    }
    if (as.length >= 1 && bs.length == 2) {
      int k = as[as.length - 1];
      if (k != bs[0]) {
        throw error("do not agree on k", as, bs);
      }
      int m = 1;
      for (int i = 0; i < as.length - 1; i++) {
        m *= as[i];
      }
      int[] out = Arrays.copyOf(as, as.length);
      out[out.length - 1] = bs[1];
      return new Dims(1, m, k, bs[1], out);
    }
    throw error(
        "are not a supported form ([m,k]·[k,n], [b,m,k]·[b,k,n] or [...,k]·[k,n])", as, bs);
  }

  private static IllegalArgumentException error(String what, int[] as, int[] bs) {
    return new IllegalArgumentException(
        "matmul: shapes " + Arrays.toString(as) + " and " + Arrays.toString(bs) + " " + what);
  }
}
