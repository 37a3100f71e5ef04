package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.NativeTensor;
import java.util.Arrays;

/** Sums, maxima and arg-maxima. Sums accumulate in double so long reductions stay accurate. */
public final class ReduceOps {

  private ReduceOps() {}

  /** Sum of all elements as a scalar (rank 0); each element's gradient is {@code g}. */
  public static NativeTensor sum(NativeTensor t) {
    float[] x = t.floats("sum");
    double total = 0;
    for (float v : x) {
      total += v;
    }
    return t.owner().result(
        "sum", new float[] {(float) total}, new int[0],
        (g, needs) -> {
          float[] dx = new float[x.length];
          Arrays.fill(dx, g[0][0]);
          return new float[][] {dx};
        },
        t);
  }

  /** Sum along an axis; the gradient is the output gradient repeated along that axis. */
  public static NativeTensor sum(NativeTensor t, int axis, boolean keepDims) {
    float[] x = t.floats("sum");
    int a = t.shape().axis(axis);
    Lanes lanes = Lanes.around(t.dims(), a);
    int d = lanes.dim();
    int inner = lanes.inner();
    double[] acc = new double[lanes.count()];
    // [outer, d, inner] -> [outer, inner], walking memory in order.
    for (int o = 0; o < lanes.outer(); o++) {
      for (int j = 0; j < d; j++) {
        int src = (o * d + j) * inner;
        for (int i = 0; i < inner; i++) {
          acc[o * inner + i] += x[src + i];
        }
      }
    }
    float[] out = new float[acc.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) acc[i];
    }
    return t.owner().result(
        "sum", out, Lanes.reducedShape(t.dims(), a, keepDims),
        (g, needs) -> {
          float[] dx = new float[x.length];
          for (int o = 0; o < lanes.outer(); o++) {
            for (int j = 0; j < d; j++) {
              System.arraycopy(g[0], o * inner, dx, (o * d + j) * inner, inner);
            }
          }
          return new float[][] {dx};
        },
        t);
  }

  /** Maximum along an axis; the gradient goes to the first maximal element of each lane. */
  public static NativeTensor max(NativeTensor t, int axis, boolean keepDims) {
    float[] x = t.floats("max");
    int a = t.shape().axis(axis);
    if (t.shape().dim(a) == 0) {
      throw new IllegalArgumentException("max: axis " + axis + " of " + t.shape() + " is empty");
    }
    Lanes lanes = Lanes.around(t.dims(), a);
    int[] where = argmax(x, lanes);
    float[] out = new float[where.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[where[i]];
    }
    return t.owner().result(
        "max", out, Lanes.reducedShape(t.dims(), a, keepDims),
        (g, needs) -> {
          float[] dx = new float[x.length];
          for (int i = 0; i < where.length; i++) {
            dx[where[i]] += g[0][i];
          }
          return new float[][] {dx};
        },
        t);
  }

  /** Position along the axis of each lane's first maximum, as INT32 (never recorded). */
  public static NativeTensor argmax(NativeTensor t, int axis) {
    float[] x = t.floats("argmax");
    int a = t.shape().axis(axis);
    if (t.shape().dim(a) == 0) {
      throw new IllegalArgumentException(
          "argmax: axis " + axis + " of " + t.shape() + " is empty");
    }
    Lanes lanes = Lanes.around(t.dims(), a);
    int[] where = argmax(x, lanes);
    int[] out = new int[where.length];
    for (int lane = 0; lane < out.length; lane++) {
      out[lane] = (where[lane] - lanes.start(lane)) / lanes.inner();
    }
    return t.owner().wrapInts(out, Lanes.reducedShape(t.dims(), a, false));
  }

  /** Flat index of the first maximum of every lane (a later NaN never replaces it). */
  private static int[] argmax(float[] x, Lanes lanes) {
    int[] where = new int[lanes.count()];
    for (int lane = 0; lane < where.length; lane++) {
      int base = lanes.start(lane);
      int best = base;
      for (int j = 1; j < lanes.dim(); j++) {
        int i = base + j * lanes.inner();
        if (x[i] > x[best]) {
          best = i;
        }
      }
      where[lane] = best;
    }
    return where;
  }
}
