package dev.seq2seq.nativebackend;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Shape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nativebackend.autograd.Differentiable;
import dev.seq2seq.nativebackend.autograd.Node;
import dev.seq2seq.nativebackend.ops.ElementwiseOps;
import dev.seq2seq.nativebackend.gemm.PackedB;
import dev.seq2seq.nativebackend.gemm.Sgemm;
import dev.seq2seq.nativebackend.ops.InPlaceOps;
import dev.seq2seq.nativebackend.ops.IndexOps;
import dev.seq2seq.nativebackend.ops.LayoutOps;
import dev.seq2seq.nativebackend.ops.MatmulOp;
import dev.seq2seq.nativebackend.ops.ReduceOps;
import dev.seq2seq.nativebackend.ops.SoftmaxOps;
import dev.seq2seq.nativebackend.ops.Unary;
import dev.seq2seq.nativebackend.ops.VectorKernels;

/**
 * A tensor of the native backend: a row-major, contiguous Java array ({@code float[]} for FLOAT32,
 * {@code int[]} for INT32) and its shape.
 *
 * <p>The operations live in the {@code ops} package, one class per family with each forward next
 * to its backward; this class only routes to them. A tensor produced while a tape recorded points
 * to its {@link Node}; a leaf may instead hold an accumulated gradient, which is itself a plain
 * tensor with no graph behind it.
 *
 * <p>Views share storage: {@link #reshape} and {@link #detach} return tensors over the same array,
 * so an in-place update of one is visible through the others (as in PyTorch).
 */
public final class NativeTensor implements Tensor, Differentiable {
  private final NativeBackend backend;
  private final Shape shape;
  private float[] floats; // null for INT32, and for a transpose until something reads it
  /** Bumped by every in-place update, so that caches of the values know they are stale. */
  private int version;
  private PackedB packedTranspose; // cache, valid while packedVersion == version
  private int packedVersion;
  private final int[] ints;
  /** Non-null while this tensor is the 2-D transpose of {@code transposeOf} (see lazyTranspose). */
  private final NativeTensor transposeOf;
  private final Node node;
  private final int outputIndex;
  private boolean leafRequiresGrad;
  private NativeTensor grad;

  NativeTensor(
      NativeBackend backend, Shape shape, float[] floats, int[] ints, Node node, int index) {
    this(backend, shape, floats, ints, node, index, null);
  }

  private NativeTensor(NativeBackend backend, Shape shape, float[] floats, int[] ints, Node node,
      int index, NativeTensor transposeOf) {
    this.backend = backend;
    this.shape = shape;
    this.floats = floats;
    this.ints = ints;
    this.node = node;
    this.outputIndex = index;
    this.transposeOf = transposeOf;
    if (transposeOf != null) {
      return;
    }
    int length = floats != null ? floats.length : ints.length;
    if (length != shape.size()) {
      throw new IllegalArgumentException(
          length + " values do not fill shape " + shape + " (" + shape.size() + " elements)");
    }
  }

  // ---- access for the ops -----------------------------------------------------------------------

  /** Casts a tensor of the SPI to this backend's tensor, or explains why it cannot. */
  public static NativeTensor cast(Tensor tensor, NativeBackend backend, String op) {
    if (tensor == null) {
      throw new IllegalArgumentException(op + ": tensor argument is null");
    }
    if (!(tensor instanceof NativeTensor t) || t.backend != backend) {
      throw new IllegalArgumentException(
          op + ": tensors of different backends never mix (got a tensor of "
              + tensor.backend().name() + ")");
    }
    return t;
  }

  public NativeBackend owner() {
    return backend;
  }

  /** The dimensions (a copy). */
  public int[] dims() {
    return shape.dims();
  }

  public int size() {
    return ints != null ? ints.length : (int) shape.size();
  }

  /**
   * The transpose of a FLOAT32 matrix whose values are only copied when something reads them:
   * {@code x.matmul(w.transpose(0, 1))}, the linear layer's product, hands the GEMM {@code w}
   * itself as a transposed operand (see {@link #transposeSource}), which saves copying every
   * weight matrix on every call. The values are those of {@code source} when first read.
   */
  public static NativeTensor lazyTranspose(NativeTensor source, Node node) {
    int[] d = source.dims();
    return new NativeTensor(source.backend, Shape.of(d[1], d[0]), null, null, node, 0, source);
  }

  /** The {@code [n, k]} matrix this {@code [k, n]} tensor is the lazy transpose of, or null. */
  public NativeTensor transposeSource() {
    return transposeOf;
  }

  private float[] data() {
    if (floats == null && transposeOf != null) {
      floats = LayoutOps.transposeMatrix(transposeOf.floats("transpose"), transposeOf.dims(),
          backend);
    }
    return floats;
  }

  /**
   * This {@code [n, k]} matrix's transpose packed for few-row products ({@link
   * Sgemm#multiplyPacked}), made on first use and again after each in-place update. Weights are
   * packed once per optimiser step (training) or once per model (inference), not per product.
   */
  public synchronized PackedB packedTranspose() {
    if (packedTranspose == null || packedVersion != version) {
      int[] d = dims();
      if (d.length != 2) {
        throw new IllegalStateException("packedTranspose: needs a matrix, got " + shape);
      }
      packedTranspose = PackedB.ofTransposed(floats("matmul"), 0, d[0], d[1]);
      packedVersion = version;
    }
    return packedTranspose;
  }

  /** The FLOAT32 storage itself (not a copy); ops must treat it as read-only. */
  public float[] floats(String op) {
    if (data() == null) {
      throw new IllegalArgumentException(
          op + ": needs a FLOAT32 tensor, got INT32 " + shape + " (convert with to(FLOAT32))");
    }
    return floats;
  }

  /** The INT32 storage itself (not a copy). */
  public int[] ints(String op) {
    if (ints == null) {
      throw new IllegalArgumentException(
          op + ": needs an INT32 tensor, got FLOAT32 " + shape + " (convert with to(INT32))");
    }
    return ints;
  }

  /** The same storage under another shape of the same size. */
  public NativeTensor view(int[] dims, Node viewNode) {
    return new NativeTensor(backend, Shape.of(dims), data(), ints, viewNode, 0);
  }

  // ---- identity and data ------------------------------------------------------------------------

  @Override
  public Backend backend() {
    return backend;
  }

  @Override
  public Shape shape() {
    return shape;
  }

  @Override
  public DType dtype() {
    return ints == null ? DType.FLOAT32 : DType.INT32;
  }

  @Override
  public float[] toFloatArray() {
    if (ints == null) {
      return data().clone();
    }
    float[] out = new float[ints.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = ints[i];
    }
    return out;
  }

  @Override
  public double[] toDoubleArray() {
    double[] out = new double[size()];
    float[] floats = data();
    for (int i = 0; i < out.length; i++) {
      out[i] = floats != null ? floats[i] : ints[i];
    }
    return out;
  }

  @Override
  public int[] toIntArray() {
    return ints("toIntArray").clone();
  }

  @Override
  public Tensor to(DType dtype) {
    return LayoutOps.convert(this, dtype);
  }

  // ---- gradients --------------------------------------------------------------------------------

  @Override
  public Tensor requireGrad() {
    if (ints != null) {
      throw new IllegalStateException("requireGrad: INT32 tensors are not differentiable");
    }
    // A recorded result already requires grad; only leaves carry the flag.
    if (node == null) {
      leafRequiresGrad = true;
    }
    return this;
  }

  @Override
  public boolean requiresGrad() {
    return leafRequiresGrad || node != null;
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
  public Node node() {
    return node;
  }

  @Override
  public int outputIndex() {
    return outputIndex;
  }

  @Override
  public void accumulateGrad(float[] gradient, boolean owned) {
    if (grad == null) {
      grad = backend.wrap(owned ? gradient : gradient.clone(), shape.dims());
    } else {
      VectorKernels.axpy(1f, gradient, 0, grad.floats, 0, gradient.length);
    }
  }

  @Override
  public Tensor detach() {
    // Always a new tensor, so that requireGrad() on the copy never marks this one.
    return view(shape.dims(), null);
  }

  // ---- element-wise -----------------------------------------------------------------------------

  @Override
  public Tensor add(Tensor other) {
    return ElementwiseOps.add(this, cast(other, backend, "add"));
  }

  @Override
  public Tensor sub(Tensor other) {
    return ElementwiseOps.sub(this, cast(other, backend, "sub"));
  }

  @Override
  public Tensor mul(Tensor other) {
    return ElementwiseOps.mul(this, cast(other, backend, "mul"));
  }

  @Override
  public Tensor div(Tensor other) {
    return ElementwiseOps.div(this, cast(other, backend, "div"));
  }

  @Override
  public Tensor add(double scalar) {
    return ElementwiseOps.affine("add", this, 1f, (float) scalar);
  }

  @Override
  public Tensor mul(double scalar) {
    return ElementwiseOps.affine("mul", this, (float) scalar, 0f);
  }

  @Override
  public Tensor neg() {
    return ElementwiseOps.affine("neg", this, -1f, 0f);
  }

  @Override
  public Tensor exp() {
    return Unary.EXP.apply(this);
  }

  @Override
  public Tensor log() {
    return Unary.LOG.apply(this);
  }

  @Override
  public Tensor sqrt() {
    return Unary.SQRT.apply(this);
  }

  @Override
  public Tensor square() {
    return Unary.SQUARE.apply(this);
  }

  @Override
  public Tensor sigmoid() {
    return Unary.SIGMOID.apply(this);
  }

  @Override
  public Tensor tanh() {
    return Unary.TANH.apply(this);
  }

  @Override
  public Tensor relu() {
    return Unary.RELU.apply(this);
  }

  // ---- products, layout, normalisation, indexing, reductions ------------------------------------

  @Override
  public Tensor matmul(Tensor other) {
    return MatmulOp.matmul(this, cast(other, backend, "matmul"));
  }

  @Override
  public Tensor transpose(int axis1, int axis2) {
    return LayoutOps.transpose(this, axis1, axis2);
  }

  @Override
  public Tensor reshape(int... shape) {
    return LayoutOps.reshape(this, shape);
  }

  @Override
  public Tensor slice(int axis, int from, int to) {
    return LayoutOps.slice(this, axis, from, to);
  }

  @Override
  public Tensor softmax(int axis) {
    return SoftmaxOps.softmax(this, axis);
  }

  @Override
  public Tensor logSoftmax(int axis) {
    return SoftmaxOps.logSoftmax(this, axis);
  }

  @Override
  public Tensor take(Tensor indices) {
    return IndexOps.take(this, cast(indices, backend, "take"));
  }

  @Override
  public Tensor takeAlongAxis(int axis, Tensor indices) {
    return IndexOps.takeAlongAxis(this, axis, cast(indices, backend, "takeAlongAxis"));
  }

  @Override
  public Tensor maskedFill(Tensor mask, double value) {
    return IndexOps.maskedFill(this, cast(mask, backend, "maskedFill"), (float) value);
  }

  @Override
  public Tensor sum() {
    return ReduceOps.sum(this);
  }

  @Override
  public Tensor sum(int axis, boolean keepDims) {
    return ReduceOps.sum(this, axis, keepDims);
  }

  @Override
  public Tensor max(int axis, boolean keepDims) {
    return ReduceOps.max(this, axis, keepDims);
  }

  @Override
  public Tensor argmax(int axis) {
    return ReduceOps.argmax(this, axis);
  }

  // ---- in-place ---------------------------------------------------------------------------------

  @Override
  public void assign(Tensor source) {
    version++;
    InPlaceOps.assign(this, cast(source, backend, "assign"));
  }

  @Override
  public void addInPlace(Tensor other, double alpha) {
    version++;
    InPlaceOps.addInPlace(this, cast(other, backend, "addInPlace"), (float) alpha);
  }

  @Override
  public void mulInPlace(double factor) {
    version++;
    InPlaceOps.mulInPlace(this, (float) factor);
  }

  @Override
  public void addProductInPlace(Tensor a, Tensor b, double value) {
    version++;
    InPlaceOps.addProductInPlace(
        this, cast(a, backend, "addProductInPlace"), cast(b, backend, "addProductInPlace"),
        (float) value);
  }

  @Override
  public void addRatioInPlace(Tensor a, Tensor b, double eps, double value) {
    version++;
    InPlaceOps.addRatioInPlace(
        this, cast(a, backend, "addRatioInPlace"), cast(b, backend, "addRatioInPlace"),
        (float) eps, (float) value);
  }

  @Override
  public String toString() {
    return "NativeTensor" + shape + " " + dtype() + (requiresGrad() ? " (requires grad)" : "");
  }
}
