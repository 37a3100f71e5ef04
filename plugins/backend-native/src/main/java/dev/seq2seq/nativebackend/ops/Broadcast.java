package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.Parallelism;
import java.util.Arrays;

/**
 * NumPy broadcasting: shapes are aligned on their last axis, and an axis of size 1 (or a missing
 * leading axis) stretches to the other operand's size.
 *
 * <p>A broadcast operand is read through strides that are 0 on its stretched axes. Loops then run
 * over the output in "rows": the output's axes are first coalesced (adjacent axes merge when every
 * operand steps through them as one), so that {@code [B, T, H] + [H]} becomes {@code B*T} rows of
 * {@code H}: a stride-1 left operand and a bias row re-read from the same offset, which the vector
 * kernels handle directly.
 */
public final class Broadcast {
  /** Loops shorter than this run on the calling thread: forking costs more than it saves. */
  static final int PARALLEL_THRESHOLD = 1 << 15;

  private Broadcast() {}

  /** A contiguous run of {@code n} output elements and where the two operands start. */
  @FunctionalInterface
  interface Row {
    void run(int outOffset, int aOffset, int aStride, int bOffset, int bStride, int n);
  }

  /** The broadcast result shape, or a clear error naming the op. */
  public static int[] shape(String op, int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            op + ": shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                + " do not broadcast");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /** Strides for reading a tensor of shape {@code in} as if it had the shape {@code out}. */
  static int[] strides(int[] in, int[] out) {
    int[] strides = new int[out.length];
    int stride = 1;
    for (int i = in.length - 1, j = out.length - 1; j >= 0; i--, j--) {
      int d = i >= 0 ? in[i] : 1;
      strides[j] = d == 1 ? 0 : stride;
      stride *= d;
    }
    return strides;
  }

  /** Row-major strides of a contiguous tensor. */
  static int[] contiguousStrides(int[] shape) {
    return strides(shape, shape);
  }

  /**
   * Visits the output (contiguous, shape {@code out}) row by row. With a non-null {@code
   * parallelism} and a large output, rows are split between worker threads, so {@code body} must
   * only write to its own output row.
   */
  static void rows(int[] out, int[] aStrides, int[] bStrides, Parallelism parallelism, Row body) {
    // Coalesce: drop size-1 axes, merge an axis into the next when both operands step evenly.
    int[] dims = new int[out.length];
    int[] as = new int[out.length];
    int[] bs = new int[out.length];
    int rank = 0;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 1) {
        continue;
      }
      if (rank > 0
          && as[rank - 1] == aStrides[i] * out[i]
          && bs[rank - 1] == bStrides[i] * out[i]) {
        dims[rank - 1] *= out[i];
        as[rank - 1] = aStrides[i];
        bs[rank - 1] = bStrides[i];
        continue;
      }
      dims[rank] = out[i];
      as[rank] = aStrides[i];
      bs[rank] = bStrides[i];
      rank++;
    }
    long total = 1;
    for (int d : out) {
      total *= d;
    }
    if (total == 0) {
      return;
    }
    if (rank == 0) {
      body.run(0, 0, 0, 0, 0, 1);
      return;
    }
    final int inner = dims[rank - 1];
    final int outerRank = rank - 1;
    final int rowCount = (int) (total / inner);
    Parallelism.RangeBody range =
        (from, to) -> {
          for (int r = from; r < to; r++) {
            int aOffset = 0;
            int bOffset = 0;
            for (int axis = outerRank - 1, rest = r; axis >= 0; axis--) {
              int index = rest % dims[axis];
              rest /= dims[axis];
              aOffset += index * as[axis];
              bOffset += index * bs[axis];
            }
            body.run(r * inner, aOffset, as[outerRank], bOffset, bs[outerRank], inner);
          }
        };
    if (parallelism != null && total > PARALLEL_THRESHOLD) {
      int grain = Math.max(1, PARALLEL_THRESHOLD / 2 / inner);
      parallelism.forRange(rowCount, grain, range);
    } else {
      range.run(0, rowCount);
    }
  }

  /**
   * Sums a gradient of the broadcast shape {@code out} back to the operand shape {@code in}: the
   * backward pass of broadcasting. Returns {@code gradient} itself when nothing was broadcast.
   */
  public static float[] reduceTo(float[] gradient, int[] out, int[] in) {
    if (Arrays.equals(out, in)) {
      return gradient;
    }
    int size = 1;
    for (int d : in) {
      size *= d;
    }
    float[] reduced = new float[size];
    // Sequential: several output rows add into the same reduced element.
    rows(
        out,
        contiguousStrides(out),
        strides(in, out),
        null,
        (o, go, gs, ro, rs, n) -> {
          if (rs == 0) {
            float s = 0;
            for (int j = 0; j < n; j++) {
              s += gradient[go + j];
            }
            reduced[ro] += s;
          } else if (rs == 1) {
            // A bias row, or attention's query summed over source positions: element by element,
            // so the same sums as the strided loop, but in vector lanes.
            VectorKernels.add(reduced, ro, gradient, go, reduced, ro, n);
          } else {
            for (int j = 0; j < n; j++) {
              reduced[ro + j * rs] += gradient[go + j];
            }
          }
        });
    return reduced;
  }
}
