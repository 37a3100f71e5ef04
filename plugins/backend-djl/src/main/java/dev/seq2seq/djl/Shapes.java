package dev.seq2seq.djl;

import dev.seq2seq.backend.Shape;

/**
 * Shape checks done before calling PyTorch, so that errors are {@link IllegalArgumentException}s
 * naming both shapes (PyTorch's own messages name neither in the SPI's form).
 */
final class Shapes {
  private Shapes() {}

  static ai.djl.ndarray.types.Shape djl(int... dims) {
    long[] l = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      l[i] = dims[i];
    }
    return new ai.djl.ndarray.types.Shape(l);
  }

  static Shape spi(ai.djl.ndarray.types.Shape s) {
    int[] dims = new int[s.dimension()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = Math.toIntExact(s.get(i));
    }
    return Shape.of(dims);
  }

  /** NumPy broadcasting: trailing axes must agree or be 1. */
  static void checkBroadcast(String op, Shape a, Shape b) {
    int[] x = a.dims();
    int[] y = b.dims();
    for (int i = 1; i <= Math.min(x.length, y.length); i++) {
      int p = x[x.length - i];
      int q = y[y.length - i];
      if (p != q && p != 1 && q != 1) {
        throw new IllegalArgumentException(
            op + ": shapes " + a + " and " + b + " do not broadcast");
      }
    }
  }

  /** The broadcast shape of two shapes that {@link #checkBroadcast} accepted. */
  static ai.djl.ndarray.types.Shape broadcast(ai.djl.ndarray.types.Shape a,
      ai.djl.ndarray.types.Shape b) {
    int rank = Math.max(a.dimension(), b.dimension());
    long[] out = new long[rank];
    for (int i = 1; i <= rank; i++) {
      long p = i <= a.dimension() ? a.get(a.dimension() - i) : 1;
      long q = i <= b.dimension() ? b.get(b.dimension() - i) : 1;
      out[rank - i] = p == 1 ? q : p;
    }
    return new ai.djl.ndarray.types.Shape(out);
  }

  /** The three matmul forms of the SPI. */
  static void checkMatmul(Shape a, Shape b) {
    boolean ok;
    if (b.rank() == 2) {
      ok = a.rank() >= 2 && a.dim(-1) == b.dim(0);
    } else if (a.rank() == 3 && b.rank() == 3) {
      ok = a.dim(0) == b.dim(0) && a.dim(2) == b.dim(1);
    } else {
      ok = false;
    }
    if (!ok) {
      throw new IllegalArgumentException("matmul: shapes " + a + " and " + b + " do not match");
    }
  }

  static void checkConcat(Shape first, Shape other, int axis) {
    boolean ok = first.rank() == other.rank();
    for (int i = 0; ok && i < first.rank(); i++) {
      ok = i == axis || first.dim(i) == other.dim(i);
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "concat along axis " + axis + ": shapes " + first + " and " + other + " differ");
    }
  }

  /** Resolves one -1 and checks that the element count is kept. */
  static int[] reshape(Shape from, int[] to) {
    int[] dims = to.clone();
    int free = -1;
    long known = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == -1 && free < 0) {
        free = i;
      } else if (dims[i] < 0) {
        throw new IllegalArgumentException("cannot reshape " + from + " to " + java.util.Arrays.toString(to));
      } else {
        known *= dims[i];
      }
    }
    if (free >= 0 && known > 0 && from.size() % known == 0) {
      dims[free] = Math.toIntExact(from.size() / known);
    }
    if ((free >= 0 && dims[free] < 0) || Shape.of(dims).size() != from.size()) {
      throw new IllegalArgumentException("cannot reshape " + from + " to "
          + java.util.Arrays.toString(to));
    }
    return dims;
  }
}
