package dev.seq2seq.nativebackend;

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
import dev.seq2seq.nativebackend.autograd.BackwardFn;
import dev.seq2seq.nativebackend.autograd.Node;
import dev.seq2seq.nativebackend.gemm.Sgemm;
import dev.seq2seq.nativebackend.ops.LayoutOps;
import dev.seq2seq.nativebackend.ops.VectorKernels;
import dev.seq2seq.nativebackend.rnn.RecurrentKernels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure-Java reference backend: FLOAT32 tensors in {@code float[]}, INT32 tensors in {@code
 * int[]}, reverse-mode autograd on the Java heap, matrix products through {@link Sgemm} and fused
 * recurrent layers through {@link RecurrentKernels}.
 */
public final class NativeBackend implements Backend {
  private final Parallelism parallelism;
  private final Sgemm gemm;
  private final RecurrentOp recurrent;
  /** The open tape of each thread; operations record only while it is set. */
  private final ThreadLocal<NativeTape> tapes = new ThreadLocal<>();
  /** The innermost open scope of each thread. */
  private final ThreadLocal<NativeScope> scopes = new ThreadLocal<>();

  public NativeBackend(Parallelism parallelism, Sgemm gemm, RecurrentKernels kernels) {
    this.parallelism = parallelism;
    this.gemm = gemm;
    this.recurrent = new RecurrentOp(this, kernels);
  }

  /** A backend with its own worker threads. */
  public static NativeBackend create(int threads) {
    Parallelism parallelism = new Parallelism(threads);
    Sgemm gemm = new Sgemm(parallelism);
    return new NativeBackend(parallelism, gemm, new RecurrentKernels(gemm, parallelism));
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  public BackendInfo info() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("vector.species", VectorKernels.species());
    details.put("vector.lanes", Integer.toString(VectorKernels.lanes()));
    details.put("java.version", System.getProperty("java.version"));
    details.put("java.vm", System.getProperty("java.vm.name"));
    return new BackendInfo("native", version(), "cpu", parallelism.threads(), details);
  }

  /** The version in the jar's manifest, or {@code dev} when running from classes. */
  static String version() {
    String version = NativeBackend.class.getPackage().getImplementationVersion();
    return version != null ? version : "dev";
  }

  @Override
  public boolean supports(DType dtype) {
    return dtype == DType.FLOAT32 || dtype == DType.INT32;
  }

  public Parallelism parallelism() {
    return parallelism;
  }

  public Sgemm gemm() {
    return gemm;
  }

  // ---- creation ---------------------------------------------------------------------------------

  @Override
  public Tensor of(float[] data, int... shape) {
    return wrap(data.clone(), checkedShape("of", data.length, shape));
  }

  @Override
  public Tensor of(double[] data, DType dtype, int... shape) {
    if (dtype != DType.FLOAT32) {
      throw new UnsupportedOperationException(
          "the native backend holds FLOAT32 and INT32 only, not " + dtype
              + " (check supports(dtype) first)");
    }
    float[] values = new float[data.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) data[i];
    }
    return wrap(values, checkedShape("of", data.length, shape));
  }

  @Override
  public Tensor ofInts(int[] data, int... shape) {
    return wrapInts(data.clone(), checkedShape("ofInts", data.length, shape));
  }

  @Override
  public Tensor zeros(DType dtype, int... shape) {
    int size = Shape.of(shape).sizeInt();
    return switch (dtype) {
      case FLOAT32 -> wrap(new float[size], shape);
      case INT32 -> wrapInts(new int[size], shape);
      case FLOAT64 -> throw new UnsupportedOperationException(
          "the native backend holds FLOAT32 and INT32 only, not FLOAT64");
    };
  }

  private static int[] checkedShape(String op, int length, int[] shape) {
    if (Shape.of(shape).size() != length) {
      throw new IllegalArgumentException(
          op + ": " + length + " values do not fill shape " + Shape.of(shape));
    }
    return shape;
  }

  /** A FLOAT32 tensor over {@code data} itself (no copy): the caller hands the array over. */
  public NativeTensor wrap(float[] data, int... shape) {
    return new NativeTensor(this, Shape.of(shape), data, null, null, 0);
  }

  /** An INT32 tensor over {@code data} itself (no copy). */
  public NativeTensor wrapInts(int[] data, int... shape) {
    return new NativeTensor(this, Shape.of(shape), null, data, null, 0);
  }

  // ---- recording --------------------------------------------------------------------------------

  /**
   * The result of a single-output operation: a FLOAT32 tensor over {@code data}, recorded with its
   * backward function when a tape is open on this thread and some input requires grad.
   */
  public NativeTensor result(
      String op, float[] data, int[] shape, BackwardFn backward, NativeTensor... inputs) {
    return new NativeTensor(this, Shape.of(shape), data, null, record(op, 1, backward, inputs), 0);
  }

  /** The results of a multi-output operation, sharing one recorded node. */
  public List<NativeTensor> results(
      String op, float[][] data, int[][] shapes, BackwardFn backward, NativeTensor... inputs) {
    Node node = record(op, data.length, backward, inputs);
    List<NativeTensor> out = new ArrayList<>(data.length);
    for (int i = 0; i < data.length; i++) {
      out.add(new NativeTensor(this, Shape.of(shapes[i]), data[i], null, node, i));
    }
    return out;
  }

  /** A node for an operation, or null when nothing needs to be recorded. */
  public Node record(String op, int outputs, BackwardFn backward, NativeTensor... inputs) {
    return needsGraph(inputs) ? new Node(op, inputs, outputs, backward) : null;
  }

  /** Whether an operation on these inputs must be recorded. */
  public boolean needsGraph(NativeTensor... inputs) {
    if (tapes.get() == null) {
      return false;
    }
    for (NativeTensor input : inputs) {
      if (input != null && input.requiresGrad()) {
        return true;
      }
    }
    return false;
  }

  // ---- structure, autograd, memory --------------------------------------------------------------

  @Override
  public Tensor concat(List<Tensor> parts, int axis) {
    List<NativeTensor> natives = new ArrayList<>(parts.size());
    for (Tensor part : parts) {
      natives.add(NativeTensor.cast(part, this, "concat"));
    }
    return LayoutOps.concat(this, natives, axis);
  }

  @Override
  public GradientTape gradientTape() {
    if (tapes.get() != null) {
      throw new IllegalStateException(
          "a gradient tape is already open on this thread; tapes do not nest (close it first)");
    }
    NativeTape tape = new NativeTape(this);
    tapes.set(tape);
    return tape;
  }

  /** Called by a tape when it closes. */
  void tapeClosed(NativeTape tape) {
    if (tapes.get() == tape) {
      tapes.remove();
    }
  }

  @Override
  public TensorScope scope() {
    NativeScope scope = new NativeScope(this, scopes.get());
    scopes.set(scope);
    return scope;
  }

  /** Called by a scope when it closes: its parent becomes the innermost scope again. */
  void scopeClosed(NativeScope scope, NativeScope parent) {
    if (scopes.get() != scope) {
      throw new IllegalStateException(
          "scopes must be closed innermost first, on the thread that opened them");
    }
    if (parent == null) {
      scopes.remove();
    } else {
      scopes.set(parent);
    }
  }

  /**
   * A dedicated op instead of the SPI's default, which adds {@code s - detach(s)} and so turns the
   * value into NaN wherever the jacobian is not finite (CTC's impossible alignments); this returns
   * {@code value} exactly, and rows whose incoming gradient is zero contribute exactly zero.
   */
  @Override
  public Tensor attachGradient(Tensor input, Tensor value, Tensor jacobian) {
    NativeTensor x = NativeTensor.cast(input, this, "attachGradient");
    NativeTensor v = NativeTensor.cast(value, this, "attachGradient");
    NativeTensor j = NativeTensor.cast(jacobian, this, "attachGradient");
    int n = x.shape().rank() == 0 ? 0 : x.shape().dim(0);
    if (!v.shape().equals(Shape.of(n)) || !j.shape().equals(x.shape())) {
      throw new IllegalArgumentException(
          "attachGradient: input " + x.shape() + " needs value [" + n + "] and jacobian "
              + x.shape() + ", got " + v.shape() + " and " + j.shape());
    }
    float[] jac = j.floats("attachGradient");
    int per = n == 0 ? 0 : jac.length / n;
    return result(
        "attachGradient",
        v.floats("attachGradient").clone(),
        new int[] {n},
        (g, needs) -> {
          float[] dx = new float[jac.length]; // [n, ...] = g[i] * jacobian[i, ...]
          for (int i = 0; i < n; i++) {
            float gi = g[0][i];
            if (gi != 0f) {
              for (int k = i * per, end = k + per; k < end; k++) {
                dx[k] = gi * jac[k];
              }
            }
          }
          return new float[][] {dx};
        },
        x);
  }

  @Override
  public RecurrentOutput recurrent(
      RecurrentSpec spec,
      Tensor input,
      int[] lengths,
      RecurrentState initial,
      List<Tensor> weights) {
    return recurrent.run(spec, input, lengths, initial, weights);
  }

  @Override
  public void close() {
    parallelism.close();
  }

  @Override
  public String toString() {
    return "NativeBackend[threads=" + parallelism.threads() + "]";
  }
}
