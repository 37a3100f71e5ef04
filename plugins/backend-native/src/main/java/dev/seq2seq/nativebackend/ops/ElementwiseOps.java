package dev.seq2seq.nativebackend.ops;

import dev.seq2seq.nativebackend.NativeBackend;
import dev.seq2seq.nativebackend.NativeTensor;

/**
 * Binary arithmetic with broadcasting, and the scalar affine map behind {@code add(double)}, {@code
 * mul(double)} and {@code neg()}. Each backward reduces the output gradient back to the shape of
 * the operand it is for, which is the whole of broadcasting's backward pass.
 */
public final class ElementwiseOps {

  private ElementwiseOps() {}

  /** {@code a + b}; d/da = g, d/db = g. */
  public static NativeTensor add(NativeTensor a, NativeTensor b) {
    Operands o = Operands.of("add", a, b);
    float[] out = Arithmetic.ADD.apply(o.x, o.xs, o.y, o.ys, o.out, o.backend.parallelism());
    return o.backend.result(
        "add", out, o.out,
        (g, needs) -> new float[][] {
          needs[0] ? Broadcast.reduceTo(g[0], o.out, o.xs) : null,
          needs[1] ? Broadcast.reduceTo(g[0], o.out, o.ys) : null
        },
        a, b);
  }

  /** {@code a - b}; d/da = g, d/db = -g. */
  public static NativeTensor sub(NativeTensor a, NativeTensor b) {
    Operands o = Operands.of("sub", a, b);
    float[] out = Arithmetic.SUB.apply(o.x, o.xs, o.y, o.ys, o.out, o.backend.parallelism());
    return o.backend.result(
        "sub", out, o.out,
        (g, needs) -> new float[][] {
          needs[0] ? Broadcast.reduceTo(g[0], o.out, o.xs) : null,
          needs[1] ? Broadcast.reduceTo(scaled(g[0], -1f), o.out, o.ys) : null
        },
        a, b);
  }

  /** {@code a * b}; d/da = g * b, d/db = g * a. */
  public static NativeTensor mul(NativeTensor a, NativeTensor b) {
    Operands o = Operands.of("mul", a, b);
    float[] out = Arithmetic.MUL.apply(o.x, o.xs, o.y, o.ys, o.out, o.backend.parallelism());
    return o.backend.result(
        "mul", out, o.out,
        (g, needs) -> new float[][] {
          needs[0] ? Broadcast.reduceTo(o.times(g[0], o.y, o.ys), o.out, o.xs) : null,
          needs[1] ? Broadcast.reduceTo(o.times(g[0], o.x, o.xs), o.out, o.ys) : null
        },
        a, b);
  }

  /** {@code a / b}; d/da = g / b, d/db = -g * a / b^2 = -(g / b) * out. */
  public static NativeTensor div(NativeTensor a, NativeTensor b) {
    Operands o = Operands.of("div", a, b);
    float[] out = Arithmetic.DIV.apply(o.x, o.xs, o.y, o.ys, o.out, o.backend.parallelism());
    return o.backend.result(
        "div", out, o.out,
        (g, needs) -> {
          float[] gOverB =
              Arithmetic.DIV.apply(g[0], o.out, o.y, o.ys, o.out, o.backend.parallelism());
          float[] da = needs[0] ? Broadcast.reduceTo(gOverB, o.out, o.xs) : null;
          float[] db = null;
          if (needs[1]) {
            float[] t = new float[out.length];
            VectorKernels.mul(gOverB, 0, out, 0, t, 0, t.length);
            db = Broadcast.reduceTo(scaled(t, -1f), o.out, o.ys);
          }
          return new float[][] {da, db};
        },
        a, b);
  }

  /** {@code a * s + t}; d/da = g * s. */
  public static NativeTensor affine(String op, NativeTensor a, float s, float t) {
    float[] x = a.floats(op);
    float[] out = new float[x.length];
    VectorKernels.affine(x, 0, s, t, out, 0, x.length);
    return a.owner().result(op, out, a.dims(), (g, needs) -> new float[][] {scaled(g[0], s)}, a);
  }

  static float[] scaled(float[] values, float factor) {
    float[] out = new float[values.length];
    VectorKernels.affine(values, 0, factor, 0f, out, 0, values.length);
    return out;
  }

  /** The arrays and shapes of a binary operation, and their broadcast shape. */
  private static final class Operands {
    final NativeBackend backend;
    final float[] x;
    final int[] xs;
    final float[] y;
    final int[] ys;
    final int[] out;

    private Operands(NativeBackend backend, float[] x, int[] xs, float[] y, int[] ys, int[] out) {
      this.backend = backend;
      this.x = x;
      this.xs = xs;
      this.y = y;
      this.ys = ys;
      this.out = out;
    }

    static Operands of(String op, NativeTensor a, NativeTensor b) {
      int[] as = a.dims();
      int[] bs = b.dims();
      return new Operands(
          a.owner(), a.floats(op), as, b.floats(op), bs, Broadcast.shape(op, as, bs));
    }

    /** {@code g * v}, with {@code g} of the output shape and {@code v} broadcast to it. */
    float[] times(float[] g, float[] v, int[] vShape) {
      return Arithmetic.MUL.apply(g, out, v, vShape, out, backend.parallelism());
    }
  }
}
