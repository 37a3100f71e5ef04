package dev.seq2seq.testkit;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendInfo;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Shape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * A deliberately small host backend with just the operations that losses, CTC and optimisers use,
 * so that their conformance classes can run inside the kit's own build (the real backends live in
 * plugins, which depend on the kit). Values are doubles rounded to float for FLOAT32; autograd
 * records every op created while a tape is open and replays them in reverse.
 */
final class LossOptimHostBackend implements Backend {
  private final ThreadLocal<List<HostTensor>> tape = new ThreadLocal<>();

  @Override
  public String name() {
    return "loss-optim-host";
  }

  @Override
  public BackendInfo info() {
    return new BackendInfo(name(), "test", "cpu", 1, Map.of());
  }

  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  @Override
  public Tensor of(float[] data, int... shape) {
    double[] d = new double[data.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = data[i];
    }
    return leaf(d, DType.FLOAT32, shape);
  }

  @Override
  public Tensor of(double[] data, DType dtype, int... shape) {
    return leaf(data.clone(), dtype, shape);
  }

  @Override
  public Tensor ofInts(int[] data, int... shape) {
    double[] d = new double[data.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = data[i];
    }
    return leaf(d, DType.INT32, shape);
  }

  @Override
  public Tensor zeros(DType dtype, int... shape) {
    return leaf(new double[Shape.of(shape).sizeInt()], dtype, shape);
  }

  private HostTensor leaf(double[] data, DType dtype, int[] shape) {
    if (Shape.of(shape).size() != data.length) {
      throw new IllegalArgumentException("data does not fit shape");
    }
    return new HostTensor(data, dtype, Shape.of(shape), null, null);
  }

  /**
   * A dedicated op rather than the SPI's default formula, which computes {@code value + (s -
   * detach(s))} and so turns an infinite loss with a NaN Jacobian (CTC's impossible alignment)
   * into NaN.
   */
  @Override
  public Tensor attachGradient(Tensor input, Tensor value, Tensor jacobian) {
    HostTensor in = (HostTensor) input;
    double[] jac = jacobian.toDoubleArray();
    int n = input.shape().dim(0);
    int per = jac.length / n;
    return in.result(
        value.toDoubleArray(),
        value.shape(),
        g -> {
          double[] share = new double[jac.length];
          for (int i = 0; i < jac.length; i++) {
            share[i] = g[i / per] * jac[i];
          }
          in.receive(share);
        });
  }

  @Override
  public Tensor concat(List<Tensor> parts, int axis) {
    throw new UnsupportedOperationException();
  }

  @Override
  public GradientTape gradientTape() {
    tape.set(new ArrayList<>());
    return new GradientTape() {
      @Override
      public void backward(Tensor loss) {
        backward(loss, of(new double[] {1}, loss.dtype(), loss.shape().dims()));
      }

      @Override
      public void backward(Tensor output, Tensor gradOutput) {
        List<HostTensor> ops = tape.get();
        HostTensor out = (HostTensor) output;
        out.flowing = gradOutput.toDoubleArray();
        for (int i = ops.size() - 1; i >= 0; i--) {
          HostTensor t = ops.get(i);
          if (t.flowing != null && t.backwardFn != null) {
            t.backwardFn.accept(t.flowing);
          }
        }
        for (HostTensor t : ops) {
          t.flowing = null;
        }
      }

      @Override
      public void close() {
        tape.remove();
      }
    };
  }

  @Override
  public TensorScope scope() {
    return new TensorScope() {
      @Override
      public Tensor keep(Tensor tensor) {
        return tensor;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public RecurrentOutput recurrent(
      RecurrentSpec spec, Tensor input, int[] lengths, RecurrentState initial, List<Tensor> w) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}

  /** Gradient routing for one op: receives d out and sends shares to its inputs. */
  interface BackwardFn {
    void accept(double[] gradOut);
  }

  final class HostTensor implements Tensor {
    final double[] data;
    final DType dtype;
    final Shape shape;
    BackwardFn backwardFn;
    double[] flowing; // gradient arriving during a backward pass
    private boolean requiresGrad;
    private HostTensor grad;

    HostTensor(double[] data, DType dtype, Shape shape, BackwardFn fn, Object unused) {
      if (dtype == DType.FLOAT32) {
        for (int i = 0; i < data.length; i++) {
          data[i] = (float) data[i];
        }
      }
      this.data = data;
      this.dtype = dtype;
      this.shape = shape;
      this.backwardFn = fn;
    }

    /** A result of an op; recorded when a tape is open. */
    HostTensor result(double[] values, Shape s, BackwardFn fn) {
      HostTensor t = new HostTensor(values, dtype, s, null, null);
      List<HostTensor> ops = tape.get();
      if (ops != null) {
        t.backwardFn = fn;
        ops.add(t);
      }
      return t;
    }

    /** Adds a gradient share to this tensor: accumulates on leaves, flows on for op results. */
    void receive(double[] g) {
      if (requiresGrad) {
        if (grad == null) {
          grad = new HostTensor(new double[data.length], dtype, shape, null, null);
        }
        for (int i = 0; i < g.length; i++) {
          grad.data[i] += g[i];
        }
        if (dtype == DType.FLOAT32) {
          for (int i = 0; i < g.length; i++) {
            grad.data[i] = (float) grad.data[i];
          }
        }
      }
      if (backwardFn != null) {
        if (flowing == null) {
          flowing = new double[data.length];
        }
        for (int i = 0; i < g.length; i++) {
          flowing[i] += g[i];
        }
      }
    }

    @Override
    public Backend backend() {
      return LossOptimHostBackend.this;
    }

    @Override
    public Shape shape() {
      return shape;
    }

    @Override
    public DType dtype() {
      return dtype;
    }

    @Override
    public float[] toFloatArray() {
      float[] f = new float[data.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) data[i];
      }
      return f;
    }

    @Override
    public double[] toDoubleArray() {
      return data.clone();
    }

    @Override
    public int[] toIntArray() {
      int[] out = new int[data.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (int) data[i];
      }
      return out;
    }

    @Override
    public Tensor to(DType target) {
      return new HostTensor(data.clone(), target, shape, null, null);
    }

    @Override
    public Tensor requireGrad() {
      requiresGrad = true;
      return this;
    }

    @Override
    public boolean requiresGrad() {
      return requiresGrad;
    }

    @Override
    public Tensor grad() {
      return grad;
    }

    @Override
    public void zeroGrad() {
      grad = null;
    }

    @Override
    public Tensor detach() {
      return new HostTensor(data.clone(), dtype, shape, null, null);
    }

    // ---- broadcasting binary ops -------------------------------------------------------------

    private Tensor binary(Tensor other, DoubleBinaryOperator f, Partial da, Partial db) {
      HostTensor o = (HostTensor) other;
      int[] a = shape.dims();
      int[] b = o.shape.dims();
      int rank = Math.max(a.length, b.length);
      int[] out = new int[rank];
      for (int i = 0; i < rank; i++) {
        int x = i - (rank - a.length) >= 0 ? a[i - (rank - a.length)] : 1;
        int y = i - (rank - b.length) >= 0 ? b[i - (rank - b.length)] : 1;
        if (x != y && x != 1 && y != 1) {
          throw new IllegalArgumentException("cannot broadcast " + shape + " with " + o.shape);
        }
        out[i] = Math.max(x, y);
      }
      Shape s = Shape.of(out);
      int n = s.sizeInt();
      int[] ia = new int[n];
      int[] ib = new int[n];
      for (int k = 0; k < n; k++) {
        ia[k] = offset(k, out, a);
        ib[k] = offset(k, out, b);
      }
      double[] values = new double[n];
      for (int k = 0; k < n; k++) {
        values[k] = f.applyAsDouble(data[ia[k]], o.data[ib[k]]);
      }
      return result(
          values,
          s,
          g -> {
            double[] ga = new double[data.length];
            double[] gb = new double[o.data.length];
            for (int k = 0; k < n; k++) {
              ga[ia[k]] += g[k] * da.at(data[ia[k]], o.data[ib[k]]);
              gb[ib[k]] += g[k] * db.at(data[ia[k]], o.data[ib[k]]);
            }
            receive(ga);
            o.receive(gb);
          });
    }

    @Override
    public Tensor add(Tensor other) {
      return binary(other, Double::sum, (x, y) -> 1, (x, y) -> 1);
    }

    @Override
    public Tensor sub(Tensor other) {
      return binary(other, (x, y) -> x - y, (x, y) -> 1, (x, y) -> -1);
    }

    @Override
    public Tensor mul(Tensor other) {
      return binary(other, (x, y) -> x * y, (x, y) -> y, (x, y) -> x);
    }

    @Override
    public Tensor div(Tensor other) {
      return binary(other, (x, y) -> x / y, (x, y) -> 1 / y, (x, y) -> -x / (y * y));
    }

    // ---- unary ---------------------------------------------------------------------------------

    private Tensor unary(java.util.function.DoubleUnaryOperator f, Partial d) {
      double[] values = new double[data.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = f.applyAsDouble(data[i]);
      }
      return result(
          values,
          shape,
          g -> {
            double[] share = new double[data.length];
            for (int i = 0; i < share.length; i++) {
              share[i] = g[i] * d.at(data[i], values[i]);
            }
            receive(share);
          });
    }

    @Override
    public Tensor add(double scalar) {
      return unary(x -> x + scalar, (x, y) -> 1);
    }

    @Override
    public Tensor mul(double scalar) {
      return unary(x -> x * scalar, (x, y) -> scalar);
    }

    @Override
    public Tensor neg() {
      return mul(-1.0);
    }

    @Override
    public Tensor exp() {
      return unary(Math::exp, (x, y) -> y);
    }

    @Override
    public Tensor log() {
      return unary(Math::log, (x, y) -> 1 / x);
    }

    @Override
    public Tensor sqrt() {
      return unary(Math::sqrt, (x, y) -> 0.5 / y);
    }

    @Override
    public Tensor square() {
      return unary(x -> x * x, (x, y) -> 2 * x);
    }

    @Override
    public Tensor sigmoid() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Tensor tanh() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Tensor relu() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Tensor matmul(Tensor other) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Tensor transpose(int axis1, int axis2) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Tensor reshape(int... newShape) {
      int[] dims = newShape.clone();
      int known = 1;
      int free = -1;
      for (int i = 0; i < dims.length; i++) {
        if (dims[i] == -1) {
          free = i;
        } else {
          known *= dims[i];
        }
      }
      if (free >= 0) {
        dims[free] = data.length / known;
      }
      return result(data.clone(), Shape.of(dims), this::receive);
    }

    @Override
    public Tensor slice(int axis, int from, int to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Tensor softmax(int axis) {
      return logSoftmax(axis).exp();
    }

    /** Over the last axis only, which is all the losses need. */
    @Override
    public Tensor logSoftmax(int axis) {
      if (shape.axis(axis) != shape.rank() - 1) {
        throw new UnsupportedOperationException("last axis only");
      }
      int c = shape.dim(-1);
      int rows = data.length / c;
      double[] values = new double[data.length];
      for (int r = 0; r < rows; r++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) {
          max = Math.max(max, data[r * c + j]);
        }
        double sum = 0;
        for (int j = 0; j < c; j++) {
          sum += Math.exp(data[r * c + j] - max);
        }
        for (int j = 0; j < c; j++) {
          values[r * c + j] = data[r * c + j] - max - Math.log(sum);
        }
      }
      return result(
          values,
          shape,
          g -> {
            double[] share = new double[data.length];
            for (int r = 0; r < rows; r++) {
              double total = 0;
              for (int j = 0; j < c; j++) {
                total += g[r * c + j];
              }
              for (int j = 0; j < c; j++) {
                share[r * c + j] = g[r * c + j] - Math.exp(values[r * c + j]) * total;
              }
            }
            receive(share);
          });
    }

    @Override
    public Tensor take(Tensor indices) {
      throw new UnsupportedOperationException();
    }

    /** Rank 2, axis 1 only. */
    @Override
    public Tensor takeAlongAxis(int axis, Tensor indices) {
      if (shape.rank() != 2 || shape.axis(axis) != 1) {
        throw new UnsupportedOperationException("rank 2, axis 1 only");
      }
      int[] idx = indices.toIntArray();
      int rows = shape.dim(0);
      int c = shape.dim(1);
      int k = indices.shape().dim(1);
      double[] values = new double[rows * k];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < k; j++) {
          values[r * k + j] = data[r * c + idx[r * k + j]];
        }
      }
      return result(
          values,
          indices.shape(),
          g -> {
            double[] share = new double[data.length];
            for (int r = 0; r < rows; r++) {
              for (int j = 0; j < k; j++) {
                share[r * c + idx[r * k + j]] += g[r * k + j];
              }
            }
            receive(share);
          });
    }

    @Override
    public Tensor maskedFill(Tensor mask, double value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Tensor sum() {
      double s = 0;
      for (double v : data) {
        s += v;
      }
      return result(
          new double[] {s},
          Shape.of(),
          g -> {
            double[] share = new double[data.length];
            java.util.Arrays.fill(share, g[0]);
            receive(share);
          });
    }

    @Override
    public Tensor sum(int axis, boolean keepDims) {
      int a = shape.axis(axis);
      int[] dims = shape.dims();
      int outerSize = 1;
      for (int i = 0; i < a; i++) {
        outerSize *= dims[i];
      }
      final int outer = outerSize;
      int len = dims[a];
      int inner = data.length / Math.max(1, outer * len);
      double[] values = new double[outer * inner];
      for (int o = 0; o < outer; o++) {
        for (int l = 0; l < len; l++) {
          for (int i = 0; i < inner; i++) {
            values[o * inner + i] += data[(o * len + l) * inner + i];
          }
        }
      }
      int[] out;
      if (keepDims) {
        out = dims.clone();
        out[a] = 1;
      } else {
        out = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
          if (i != a) {
            out[j++] = dims[i];
          }
        }
      }
      return result(
          values,
          Shape.of(out),
          g -> {
            double[] share = new double[data.length];
            for (int o = 0; o < outer; o++) {
              for (int l = 0; l < len; l++) {
                for (int i = 0; i < inner; i++) {
                  share[(o * len + l) * inner + i] = g[o * inner + i];
                }
              }
            }
            receive(share);
          });
    }

    @Override
    public Tensor max(int axis, boolean keepDims) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Tensor argmax(int axis) {
      throw new UnsupportedOperationException();
    }

    // ---- in place ------------------------------------------------------------------------------

    @Override
    public void assign(Tensor source) {
      requireSame(source);
      double[] s = source.toDoubleArray();
      for (int i = 0; i < data.length; i++) {
        store(i, s[i]);
      }
    }

    @Override
    public void addInPlace(Tensor other, double alpha) {
      requireSame(other);
      double[] o = other.toDoubleArray();
      for (int i = 0; i < data.length; i++) {
        store(i, data[i] + alpha * o[i]);
      }
    }

    @Override
    public void mulInPlace(double factor) {
      for (int i = 0; i < data.length; i++) {
        store(i, data[i] * factor);
      }
    }

    @Override
    public void addProductInPlace(Tensor a, Tensor b, double value) {
      requireSame(a);
      requireSame(b);
      double[] x = a.toDoubleArray();
      double[] y = b.toDoubleArray();
      for (int i = 0; i < data.length; i++) {
        store(i, data[i] + value * x[i] * y[i]);
      }
    }

    @Override
    public void addRatioInPlace(Tensor a, Tensor b, double eps, double value) {
      requireSame(a);
      requireSame(b);
      double[] x = a.toDoubleArray();
      double[] y = b.toDoubleArray();
      for (int i = 0; i < data.length; i++) {
        store(i, data[i] + value * x[i] / (Math.sqrt(y[i]) + eps));
      }
    }

    private void store(int i, double v) {
      data[i] = dtype == DType.FLOAT32 ? (float) v : v;
    }

    private void requireSame(Tensor other) {
      if (!other.shape().equals(shape)) {
        throw new IllegalArgumentException("shape " + other.shape() + " is not " + shape);
      }
    }

    @Override
    public String toString() {
      return dtype + shape.toString();
    }
  }

  /** A partial derivative of an element-wise op, given its inputs (or input and output). */
  interface Partial {
    double at(double x, double y);
  }

  /** Row-major offset into a broadcast operand of shape {@code in} for output element {@code k}. */
  private static int offset(int k, int[] out, int[] in) {
    int off = 0;
    int stride = 1;
    int rest = k;
    for (int i = out.length - 1; i >= 0; i--) {
      int coord = rest % out[i];
      rest /= out[i];
      int j = i - (out.length - in.length);
      if (j >= 0) {
        off += (in[j] == 1 ? 0 : coord) * stride;
        stride *= in[j];
      }
    }
    return off;
  }
}
