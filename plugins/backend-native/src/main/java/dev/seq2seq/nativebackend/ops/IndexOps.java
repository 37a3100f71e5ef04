package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.backend.DType;
import dev.seq2seq.nativebackend.NativeTensor;
import dev.seq2seq.nativebackend.autograd.Backprop;
import java.util.Arrays;

/**
 * Indexing: embedding lookup ({@code take}), PyTorch's {@code gather} ({@code takeAlongAxis}) and
 * {@code maskedFill}. The backward passes of the lookups scatter-add, because the same row or
 * element may be picked several times.
 */
public final class IndexOps {

  private IndexOps() {}

  /**
   * {@code out[s, ...] = table[indices[s], ...]}: a table {@code [V, R...]} and indices of shape
   * {@code S} give {@code S ++ R}.
   */
  public static NativeTensor take(NativeTensor table, NativeTensor indices) {
    float[] x = table.floats("take");
    int[] idx = indices.ints("take");
    int[] dims = table.dims();
    if (dims.length == 0) {
      throw new IllegalArgumentException("take: needs a table of rank >= 1, got a scalar");
    }
    int rows = dims[0];
    int row = rows == 0 ? 0 : x.length / rows;
    for (int i : idx) {
      if (i < 0 || i >= rows) {
        throw new IndexOutOfBoundsException(
            "take: index " + i + " out of range for a table of " + rows + " rows " + table.shape());
      }
    }
    int[] out = concatDims(indices.dims(), Arrays.copyOfRange(dims, 1, dims.length));
    float[] y = new float[idx.length * row];
    for (int s = 0; s < idx.length; s++) {
      System.arraycopy(x, idx[s] * row, y, s * row, row);
    }
    return table.owner().result(
        "take", y, out,
        (g, needs) -> {
          // A parameter table (a decoder's embedding, looked up at every step) takes its rows at
          // the end of the pass, into one array for all the lookups.
          if (Backprop.defer(table, new RowScatterSum(row, idx, g[0]))) {
            return new float[][] {null, null};
          }
          float[] dx = new float[x.length];
          for (int s = 0; s < idx.length; s++) {
            VectorKernels.axpy(1f, g[0], s * row, dx, idx[s] * row, row);
          }
          return new float[][] {dx, null};
        },
        table, indices);
  }

  /**
   * {@code out[o, j, i] = x[o, indices[o, j, i], i]} with {@code j} along {@code axis}; the result
   * has the shape of {@code indices}.
   */
  public static NativeTensor takeAlongAxis(NativeTensor t, int axis, NativeTensor indices) {
    float[] x = t.floats("takeAlongAxis");
    int[] idx = indices.ints("takeAlongAxis");
    int a = t.shape().axis(axis);
    int[] xd = t.dims();
    int[] id = indices.dims();
    boolean agree = xd.length == id.length;
    for (int i = 0; agree && i < xd.length; i++) {
      agree = i == a || xd[i] == id[i];
    }
    if (!agree) {
      throw new IllegalArgumentException(
          "takeAlongAxis: indices " + indices.shape() + " must have the rank of " + t.shape()
              + " and match it on every axis but " + axis);
    }
    Lanes in = Lanes.around(xd, a);
    Lanes picked = Lanes.around(id, a);
    // source[k] is the flat position in x that output element k reads.
    int[] source = new int[idx.length];
    for (int o = 0; o < picked.outer(); o++) {
      for (int j = 0; j < picked.dim(); j++) {
        for (int i = 0; i < picked.inner(); i++) {
          int k = (o * picked.dim() + j) * picked.inner() + i;
          int v = idx[k];
          if (v < 0 || v >= in.dim()) {
            throw new IndexOutOfBoundsException(
                "takeAlongAxis: index " + v + " out of range for axis " + axis + " of "
                    + t.shape());
          }
          source[k] = (o * in.dim() + v) * in.inner() + i;
        }
      }
    }
    float[] y = new float[idx.length];
    for (int k = 0; k < y.length; k++) {
      y[k] = x[source[k]];
    }
    return t.owner().result(
        "takeAlongAxis", y, id,
        (g, needs) -> {
          float[] dx = new float[x.length];
          for (int k = 0; k < source.length; k++) {
            dx[source[k]] += g[0][k];
          }
          return new float[][] {dx, null};
        },
        t, indices);
  }

  /** {@code value} where {@code mask} (broadcast to this shape) is non-zero; no gradient there. */
  public static NativeTensor maskedFill(NativeTensor t, NativeTensor mask, float value) {
    float[] x = t.floats("maskedFill");
    int[] dims = t.dims();
    int[] md = mask.dims();
    if (!Arrays.equals(Broadcast.shape("maskedFill", dims, md), dims)) {
      throw new IllegalArgumentException(
          "maskedFill: mask " + mask.shape() + " does not broadcast to " + t.shape());
    }
    boolean[] masked = expand(mask, dims);
    float[] y = new float[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = masked[i] ? value : x[i];
    }
    return t.owner().result(
        "maskedFill", y, dims,
        (g, needs) -> {
          float[] dx = new float[x.length];
          for (int i = 0; i < dx.length; i++) {
            dx[i] = masked[i] ? 0f : g[0][i];
          }
          return new float[][] {dx, null};
        },
        t, mask);
  }

  /** The mask's non-zero flags broadcast to {@code dims}. */
  private static boolean[] expand(NativeTensor mask, int[] dims) {
    boolean[] flags = new boolean[Math.toIntExact(Arithmetic.sizeOf(dims))];
    boolean ints = mask.dtype() == DType.INT32;
    int[] mi = ints ? mask.ints("maskedFill") : null;
    float[] mf = ints ? null : mask.floats("maskedFill");
    Broadcast.rows(dims, Broadcast.strides(mask.dims(), dims), new int[dims.length], null,
        (o, mo, ms, unused, unusedStride, n) -> {
          for (int j = 0; j < n; j++) {
            flags[o + j] = ints ? mi[mo + j * ms] != 0 : mf[mo + j * ms] != 0f;
          }
        });
    return flags;
  }

  private static int[] concatDims(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
