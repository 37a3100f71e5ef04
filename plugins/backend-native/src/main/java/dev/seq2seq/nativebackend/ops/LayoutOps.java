package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Shape;
import dev.seq2seq.nativebackend.NativeBackend;
import dev.seq2seq.nativebackend.NativeTensor;
import dev.seq2seq.nativebackend.autograd.BackwardFn;
import dev.seq2seq.nativebackend.autograd.Node;
import java.util.Arrays;
import java.util.List;

/**
 * Operations that move elements without computing on them: type conversion, reshape, transpose,
 * slice and concat. They work on INT32 tensors too (which are never recorded).
 */
public final class LayoutOps {

  private LayoutOps() {}

  /** A copy as another type; FLOAT32 to FLOAT32 is a differentiable identity. */
  public static NativeTensor convert(NativeTensor t, DType dtype) {
    NativeBackend backend = t.owner();
    if (!backend.supports(dtype)) {
      throw new UnsupportedOperationException(
          "to: the native backend holds FLOAT32 and INT32 only, not " + dtype);
    }
    if (dtype == DType.INT32) {
      if (t.dtype() == DType.INT32) {
        return backend.wrapInts(t.ints("to").clone(), t.dims());
      }
      // Truncation toward zero, as a C or PyTorch cast.
      float[] x = t.floats("to");
      int[] out = new int[x.length];
      for (int i = 0; i < x.length; i++) {
        out[i] = (int) x[i];
      }
      return backend.wrapInts(out, t.dims());
    }
    if (t.dtype() == DType.INT32) {
      return backend.wrap(t.toFloatArray(), t.dims());
    }
    return backend.result(
        "to", t.floats("to").clone(), t.dims(), (g, needs) -> new float[][] {g[0]}, t);
  }

  /** The same storage under a new shape; one dimension may be -1. */
  public static NativeTensor reshape(NativeTensor t, int[] requested) {
    int[] dims = resolve(t.shape(), requested);
    Node node = t.owner().record("reshape", 1, (g, needs) -> new float[][] {g[0]}, t);
    return t.view(dims, node);
  }

  private static int[] resolve(Shape from, int[] requested) {
    int[] dims = requested.clone();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == -1 && unknown < 0) {
        unknown = i;
      } else if (dims[i] < 0) {
        throw reshapeError(from, requested);
      } else {
        known *= dims[i];
      }
    }
    if (unknown >= 0) {
      if (known == 0 || from.size() % known != 0) {
        throw reshapeError(from, requested);
      }
      dims[unknown] = (int) (from.size() / known);
    } else if (known != from.size()) {
      throw reshapeError(from, requested);
    }
    return dims;
  }

  private static IllegalArgumentException reshapeError(Shape from, int[] requested) {
    return new IllegalArgumentException(
        "reshape: cannot reshape " + from + " (" + from.size() + " elements) into "
            + Arrays.toString(requested));
  }

  /** Swaps two axes into a new contiguous array. Its backward swaps the same axes back. */
  public static NativeTensor transpose(NativeTensor t, int axis1, int axis2) {
    int a1 = t.shape().axis(axis1);
    int a2 = t.shape().axis(axis2);
    int[] in = t.dims();
    int[] out = in.clone();
    out[a1] = in[a2];
    out[a2] = in[a1];
    NativeBackend backend = t.owner();
    if (t.dtype() == DType.INT32) {
      int[] source = t.ints("transpose");
      int[] result = new int[source.length];
      swapAxes(in, a1, a2, backend, (o, so, ss, n) -> {
        for (int j = 0; j < n; j++) {
          result[o + j] = source[so + j * ss];
        }
      });
      return backend.wrapInts(result, out);
    }
    BackwardFn backward = (g, needs) -> new float[][] {swapAxes(g[0], out, a1, a2, backend)};
    if (in.length == 2 && a1 != a2) {
      // Copied only if read: a matrix product takes the untransposed matrix as it is.
      return NativeTensor.lazyTranspose(t, backend.record("transpose", 1, backward, t));
    }
    float[] x = t.floats("transpose");
    return backend.result("transpose", swapAxes(x, in, a1, a2, backend), out, backward, t);
  }

  /** The transpose of a row-major {@code [rows, cols]} matrix. */
  public static float[] transposeMatrix(float[] x, int[] dims, NativeBackend backend) {
    return swapAxes(x, dims, 0, 1, backend);
  }

  private static float[] swapAxes(float[] x, int[] in, int a1, int a2, NativeBackend backend) {
    float[] result = new float[x.length];
    swapAxes(in, a1, a2, backend, (o, so, ss, n) -> {
      for (int j = 0; j < n; j++) {
        result[o + j] = x[so + j * ss];
      }
    });
    return result;
  }

  /** Copies {@code n} elements read with stride {@code ss} into output offset {@code o}. */
  @FunctionalInterface
  private interface Gather {
    void copy(int o, int so, int ss, int n);
  }

  /** Walks the transposed output, reading the source through its swapped strides. */
  private static void swapAxes(int[] in, int a1, int a2, NativeBackend backend, Gather gather) {
    int[] strides = Broadcast.contiguousStrides(in);
    int[] out = in.clone();
    out[a1] = in[a2];
    out[a2] = in[a1];
    int s = strides[a1];
    strides[a1] = strides[a2];
    strides[a2] = s;
    Broadcast.rows(out, strides, new int[out.length], backend.parallelism(),
        (o, so, ss, unused, unusedStride, n) -> gather.copy(o, so, ss, n));
  }

  /** Elements {@code [from, to)} along an axis, copied. */
  public static NativeTensor slice(NativeTensor t, int axis, int from, int to) {
    int a = t.shape().axis(axis);
    int[] in = t.dims();
    if (from < 0 || to > in[a] || from > to) {
      throw new IllegalArgumentException(
          "slice: range [" + from + ", " + to + ") is out of bounds for axis " + axis
              + " of shape " + t.shape());
    }
    int[] out = in.clone();
    out[a] = to - from;
    Blocks blocks = Blocks.around(in, a);
    int width = (to - from) * blocks.inner;
    int stride = in[a] * blocks.inner;
    int start = from * blocks.inner;
    NativeBackend backend = t.owner();
    if (t.dtype() == DType.INT32) {
      int[] result = new int[blocks.outer * width];
      blocks.copy(t.ints("slice"), start, stride, result, 0, width, width);
      return backend.wrapInts(result, out);
    }
    float[] result = new float[blocks.outer * width];
    blocks.copy(t.floats("slice"), start, stride, result, 0, width, width);
    return backend.result(
        "slice", result, out,
        (g, needs) -> {
          float[] dx = new float[t.size()];
          blocks.copy(g[0], 0, width, dx, start, stride, width);
          return new float[][] {dx};
        },
        t);
  }

  /** Joins tensors that agree on every axis but {@code axis}. */
  public static NativeTensor concat(NativeBackend backend, List<NativeTensor> parts, int axis) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concat: no tensors to concatenate");
    }
    NativeTensor first = parts.get(0);
    int a = first.shape().axis(axis);
    int[] out = first.dims();
    out[a] = 0;
    for (NativeTensor p : parts) {
      int[] d = p.dims();
      boolean agree = d.length == out.length && p.dtype() == first.dtype();
      for (int i = 0; agree && i < d.length; i++) {
        agree = i == a || d[i] == out[i];
      }
      if (!agree) {
        throw new IllegalArgumentException(
            "concat: parts must agree on every axis but " + axis + " and share a type; got "
                + first.dtype() + " " + first.shape() + " and " + p.dtype() + " " + p.shape());
      }
      out[a] += d[a];
    }
    Blocks blocks = Blocks.around(out, a);
    int outWidth = out[a] * blocks.inner;
    boolean ints = first.dtype() == DType.INT32;
    Object result = ints ? new int[blocks.outer * outWidth] : new float[blocks.outer * outWidth];
    int[] offsets = new int[parts.size()];
    int[] widths = new int[parts.size()];
    for (int p = 0, offset = 0; p < parts.size(); p++) {
      NativeTensor part = parts.get(p);
      offsets[p] = offset;
      widths[p] = part.shape().dim(a) * blocks.inner;
      Object source = ints ? part.ints("concat") : part.floats("concat");
      blocks.copy(source, 0, widths[p], result, offset, outWidth, widths[p]);
      offset += widths[p];
    }
    if (ints) {
      return backend.wrapInts((int[]) result, out);
    }
    return backend.result(
        "concat", (float[]) result, out,
        (g, needs) -> {
          float[][] grads = new float[parts.size()][];
          for (int p = 0; p < grads.length; p++) {
            if (needs[p]) {
              grads[p] = new float[blocks.outer * widths[p]];
              blocks.copy(g[0], offsets[p], outWidth, grads[p], 0, widths[p], widths[p]);
            }
          }
          return grads;
        },
        parts.toArray(new NativeTensor[0]));
  }

  /**
   * A tensor seen as {@code [outer, axis, inner]}: slices and concatenations move one contiguous
   * block of {@code width} elements per outer index.
   */
  private record Blocks(int outer, int inner) {
    static Blocks around(int[] dims, int axis) {
      int outer = 1;
      int inner = 1;
      for (int i = 0; i < axis; i++) {
        outer *= dims[i];
      }
      for (int i = axis + 1; i < dims.length; i++) {
        inner *= dims[i];
      }
      return new Blocks(outer, inner);
    }

    /** Per outer index o: {@code width} elements from {@code src[srcStart + o*srcStride]} on. */
    void copy(Object src, int srcStart, int srcStride, Object dst, int dstStart, int dstStride,
        int width) {
      for (int o = 0; o < outer; o++) {
        System.arraycopy(src, srcStart + o * srcStride, dst, dstStart + o * dstStride, width);
      }
    }
  }
}
