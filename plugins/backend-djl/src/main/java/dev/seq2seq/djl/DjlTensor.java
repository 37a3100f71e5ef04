package dev.seq2seq.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Shape;
import dev.seq2seq.backend.Tensor;

/**
 * A {@link Tensor} over one PyTorch {@link NDArray}. Every op maps to one (or a few) PyTorch ops,
 * so PyTorch's autograd records it while a tape is open. Results are views where PyTorch makes
 * views (transpose, reshape, slice, detach); the in-place updates are applied only to tensors an
 * optimiser owns, never to such views of live values.
 */
final class DjlTensor implements Tensor {
  private final DjlBackend backend;
  private final NDArray nd;
  private Shape shape;

  DjlTensor(DjlBackend backend, NDArray nd) {
    this.backend = backend;
    this.nd = nd;
  }

  NDArray nd() {
    return nd;
  }

  private NDArray other(Tensor t) {
    return backend.nd(t);
  }

  private DjlTensor out(NDArray result) {
    return backend.wrap(result);
  }

  // ---- identity and data ----------------------------------------------------------------------

  @Override
  public Backend backend() {
    return backend;
  }

  @Override
  public Shape shape() {
    if (shape == null) {
      shape = Shapes.spi(nd.getShape());
    }
    return shape;
  }

  @Override
  public DType dtype() {
    return DjlBackend.dtype(nd.getDataType());
  }

  @Override
  public float[] toFloatArray() {
    if (nd.getDataType() == DataType.FLOAT32) {
      return nd.toFloatArray();
    }
    try (NDArray f = nd.toType(DataType.FLOAT32, true)) {
      return f.toFloatArray();
    }
  }

  @Override
  public double[] toDoubleArray() {
    if (nd.getDataType() == DataType.FLOAT64) {
      return nd.toDoubleArray();
    }
    try (NDArray d = nd.toType(DataType.FLOAT64, true)) {
      return d.toDoubleArray();
    }
  }

  @Override
  public int[] toIntArray() {
    if (nd.getDataType() != DataType.INT32) {
      throw new IllegalStateException("toIntArray() needs an INT32 tensor, this is " + dtype());
    }
    return nd.toIntArray();
  }

  @Override
  public Tensor to(DType dtype) {
    return out(nd.toType(DjlBackend.dataType(dtype), true));
  }

  // ---- gradients ------------------------------------------------------------------------------

  @Override
  public Tensor requireGrad() {
    if (!dtype().isFloating()) {
      throw new IllegalArgumentException("an INT32 tensor cannot require a gradient");
    }
    nd.setRequiresGradient(true);
    return this;
  }

  @Override
  public boolean requiresGrad() {
    return JniUtils.requiresGrad(pt());
  }

  @Override
  public Tensor grad() {
    // PyTorch's .grad: null until a backward pass reached this leaf.
    PtNDArray g = requiresGrad() ? JniUtils.getGradient(pt()) : null;
    return g == null ? null : out(g);
  }

  @Override
  public void zeroGrad() {
    JniUtils.zeroGrad(pt());
  }

  @Override
  public Tensor detach() {
    return out(nd.stopGradient());
  }

  private PtNDArray pt() {
    return (PtNDArray) nd;
  }

  // ---- element-wise arithmetic ----------------------------------------------------------------

  @Override
  public Tensor add(Tensor o) {
    Shapes.checkBroadcast("add", shape(), o.shape());
    return out(nd.add(other(o)));
  }

  @Override
  public Tensor sub(Tensor o) {
    Shapes.checkBroadcast("sub", shape(), o.shape());
    return out(nd.sub(other(o)));
  }

  @Override
  public Tensor mul(Tensor o) {
    Shapes.checkBroadcast("mul", shape(), o.shape());
    return out(nd.mul(other(o)));
  }

  @Override
  public Tensor div(Tensor o) {
    Shapes.checkBroadcast("div", shape(), o.shape());
    return out(nd.div(other(o)));
  }

  @Override
  public Tensor add(double scalar) {
    // Never DJL's add(Number): see HostData.
    try (NDArray s = HostData.scalar(backend.manager(), scalar)) {
      return out(nd.add(s));
    }
  }

  @Override
  public Tensor mul(double scalar) {
    // Never DJL's mul(Number), whose operand autograd saves and DJL frees: see HostData.
    try (NDArray s = HostData.scalar(backend.manager(), scalar)) {
      return out(nd.mul(s));
    }
  }

  @Override
  public Tensor neg() {
    return out(nd.neg());
  }

  @Override
  public Tensor exp() {
    return out(nd.exp());
  }

  @Override
  public Tensor log() {
    return out(nd.log());
  }

  @Override
  public Tensor sqrt() {
    return out(nd.sqrt());
  }

  @Override
  public Tensor square() {
    return out(nd.square());
  }

  @Override
  public Tensor sigmoid() {
    return out(Activation.sigmoid(nd));
  }

  @Override
  public Tensor tanh() {
    return out(nd.tanh());
  }

  @Override
  public Tensor relu() {
    return out(Activation.relu(nd));
  }

  // ---- matrix products and layout -------------------------------------------------------------

  @Override
  public Tensor matmul(Tensor o) {
    Shapes.checkMatmul(shape(), o.shape());
    return out(nd.matMul(other(o)));
  }

  @Override
  public Tensor transpose(int axis1, int axis2) {
    return out(nd.swapAxes(shape().axis(axis1), shape().axis(axis2)));
  }

  @Override
  public Tensor reshape(int... dims) {
    return out(nd.reshape(Shapes.djl(Shapes.reshape(shape(), dims))));
  }

  @Override
  public Tensor slice(int axis, int from, int to) {
    int a = shape().axis(axis);
    if (from < 0 || from > to || to > shape().dim(a)) {
      throw new IllegalArgumentException(
          "slice [" + from + ", " + to + ") out of range on axis " + axis + " of " + shape());
    }
    NDIndex index = new NDIndex();
    for (int i = 0; i < a; i++) {
      index.addAllDim();
    }
    return out(nd.get(index.addSliceDim(from, to)));
  }

  // ---- normalisation --------------------------------------------------------------------------

  @Override
  public Tensor softmax(int axis) {
    return out(nd.softmax(shape().axis(axis)));
  }

  @Override
  public Tensor logSoftmax(int axis) {
    return out(nd.logSoftmax(shape().axis(axis)));
  }

  // ---- indexing -------------------------------------------------------------------------------

  @Override
  public Tensor take(Tensor indices) {
    checkIndices(indices);
    Shape s = shape();
    int[] outDims = new int[indices.shape().rank() + s.rank() - 1];
    System.arraycopy(indices.shape().dims(), 0, outDims, 0, indices.shape().rank());
    System.arraycopy(s.dims(), 1, outDims, indices.shape().rank(), s.rank() - 1);
    // torch.embedding: the backward scatter-adds repeated rows.
    try (NDArray ids = other(indices).toType(DataType.INT64, true);
        NDArray table = nd.reshape(s.dim(0), -1)) {
      NDArray rows = JniUtils.embedding((PtNDArray) ids.reshape(-1), (PtNDArray) table, false);
      return out(rows.reshape(Shapes.djl(outDims)));
    }
  }

  @Override
  public Tensor takeAlongAxis(int axis, Tensor indices) {
    checkIndices(indices);
    int a = shape().axis(axis);
    if (indices.shape().rank() != shape().rank()) {
      throw new IllegalArgumentException("takeAlongAxis: indices " + indices.shape()
          + " and tensor " + shape() + " differ in rank");
    }
    try (NDArray ids = other(indices).toType(DataType.INT64, true)) {
      return out(nd.gather(ids, a));
    }
  }

  private static void checkIndices(Tensor indices) {
    if (indices.dtype() != DType.INT32) {
      throw new IllegalArgumentException("indices must be INT32, got " + indices.dtype());
    }
  }

  @Override
  public Tensor maskedFill(Tensor mask, double value) {
    Shapes.checkBroadcast("maskedFill", shape(), mask.shape());
    try (NDArray masked = other(mask).neq(0);
        NDArray fill = backend.manager().full(new ai.djl.ndarray.types.Shape(), (float) value,
            nd.getDataType())) {
      return out(DjlBackend.where(masked, fill, nd));
    }
  }

  // ---- reductions -----------------------------------------------------------------------------

  @Override
  public Tensor sum() {
    return out(nd.sum());
  }

  @Override
  public Tensor sum(int axis, boolean keepDims) {
    return out(nd.sum(new int[] {shape().axis(axis)}, keepDims));
  }

  @Override
  public Tensor max(int axis, boolean keepDims) {
    // Gather at argmax (PyTorch's first maximal index), so the gradient goes to that element only.
    int a = shape().axis(axis);
    try (NDArray idx = JniUtils.argMax(pt(), a, true)) {
      NDArray m = nd.gather(idx, a);
      return out(keepDims ? m : m.squeeze(a));
    }
  }

  @Override
  public Tensor argmax(int axis) {
    try (NDArray idx = nd.argMax(shape().axis(axis))) {
      return out(idx.toType(DataType.INT32, true));
    }
  }

  // ---- in-place updates -----------------------------------------------------------------------

  @Override
  public void assign(Tensor source) {
    sameShape("assign", source);
    InPlace.run(() -> nd.set(new NDIndex("..."), other(source)));
  }

  @Override
  public void addInPlace(Tensor o, double alpha) {
    sameShape("addInPlace", o);
    InPlace.run(() -> {
      try (NDArray scaled = other(o).mul(alpha)) {
        nd.addi(scaled);
      }
    });
  }

  @Override
  public void mulInPlace(double factor) {
    InPlace.run(() -> nd.muli(factor));
  }

  @Override
  public void addProductInPlace(Tensor a, Tensor b, double value) {
    sameShape("addProductInPlace", a);
    sameShape("addProductInPlace", b);
    InPlace.run(() -> {
      try (NDArray p = other(a).mul(other(b))) {
        nd.addi(p.muli(value));
      }
    });
  }

  @Override
  public void addRatioInPlace(Tensor a, Tensor b, double eps, double value) {
    sameShape("addRatioInPlace", a);
    sameShape("addRatioInPlace", b);
    InPlace.run(() -> {
      try (NDArray denom = other(b).sqrt(); NDArray r = other(a).div(denom.addi(eps))) {
        nd.addi(r.muli(value));
      }
    });
  }

  private void sameShape(String op, Tensor o) {
    if (!shape().equals(o.shape())) {
      throw new IllegalArgumentException(op + ": shapes " + shape() + " and " + o.shape()
          + " differ");
    }
  }

  @Override
  public String toString() {
    return "DjlTensor" + shape() + " " + dtype();
  }
}
