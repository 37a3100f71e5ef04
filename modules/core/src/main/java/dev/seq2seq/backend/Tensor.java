package dev.seq2seq.backend;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A differentiable n-dimensional array owned by one {@link Backend}.
 *
 * <p>Every operation returns a new tensor and, while a {@link GradientTape} of the owning backend
 * is open, records itself so that {@link GradientTape#backward(Tensor)} can propagate gradients
 * to the leaves that {@link #requireGrad() require} them. Element-wise binary operations
 * broadcast with NumPy rules. Tensors of different backends never mix.
 *
 * <p>The methods ending in {@code InPlace} mutate this tensor and are never recorded: they exist
 * for optimisers and gradient bookkeeping, and must not be applied to a tensor that an open tape
 * still needs for its backward pass.
 */
public interface Tensor {

  // ---- identity and data --------------------------------------------------------------------

  Backend backend();

  Shape shape();

  DType dtype();

  /** Copies the elements to the host, in row-major order, converted to float. */
  float[] toFloatArray();

  /** Copies the elements to the host, in row-major order, converted to double. */
  double[] toDoubleArray();

  /** Copies the elements of an INT32 tensor to the host. */
  int[] toIntArray();

  /** The value of a one-element tensor. */
  default double item() {
    if (shape().size() != 1) {
      throw new IllegalStateException("item() needs a single element, shape is " + shape());
    }
    return toDoubleArray()[0];
  }

  /** A copy converted to another element type (not differentiable into INT32). */
  Tensor to(DType dtype);

  // ---- gradients ------------------------------------------------------------------------------

  /** Marks this leaf as requiring a gradient and returns it. */
  Tensor requireGrad();

  boolean requiresGrad();

  /** The accumulated gradient of a leaf, or null before any backward pass reached it. */
  Tensor grad();

  /** Forgets the accumulated gradient. */
  void zeroGrad();

  /** The same values, cut from the recorded graph. */
  Tensor detach();

  // ---- element-wise arithmetic (broadcasting) -------------------------------------------------

  Tensor add(Tensor other);

  Tensor sub(Tensor other);

  Tensor mul(Tensor other);

  Tensor div(Tensor other);

  Tensor add(double scalar);

  Tensor mul(double scalar);

  Tensor neg();

  Tensor exp();

  Tensor log();

  Tensor sqrt();

  Tensor square();

  Tensor sigmoid();

  Tensor tanh();

  Tensor relu();

  // ---- matrix products and layout -------------------------------------------------------------

  /**
   * Matrix product. Supported forms: {@code [m,k]·[k,n]}, batched {@code [b,m,k]·[b,k,n]}, and
   * {@code [...,k]·[k,n]} where the leading axes of the left operand are flattened.
   */
  Tensor matmul(Tensor other);

  /** Swaps two axes (a copy, not a view). */
  Tensor transpose(int axis1, int axis2);

  /** Same elements, new shape; one dimension may be -1. */
  Tensor reshape(int... shape);

  /** Elements {@code [from, to)} along an axis. */
  Tensor slice(int axis, int from, int to);

  // ---- normalisation --------------------------------------------------------------------------

  Tensor softmax(int axis);

  Tensor logSoftmax(int axis);

  // ---- indexing -------------------------------------------------------------------------------

  /**
   * Embedding lookup: for an INT32 tensor {@code indices} of shape {@code S}, returns shape {@code
   * S ++ shape[1:]} with {@code out[s] = this[indices[s]]}. The gradient scatters back into rows.
   */
  Tensor take(Tensor indices);

  /**
   * Picks along one axis: {@code out[..., j, ...] = this[..., indices[..., j, ...], ...]}, with
   * {@code indices} (INT32) of the same rank and, except on {@code axis}, the same shape (as
   * PyTorch's {@code gather}).
   */
  Tensor takeAlongAxis(int axis, Tensor indices);

  /** Where {@code mask} (broadcastable; non-zero means masked) is set, the result is {@code value}. */
  Tensor maskedFill(Tensor mask, double value);

  // ---- reductions -----------------------------------------------------------------------------

  /** Sum of all elements, a scalar. */
  Tensor sum();

  Tensor sum(int axis, boolean keepDims);

  default Tensor mean() {
    return sum().mul(1.0 / shape().size());
  }

  default Tensor mean(int axis, boolean keepDims) {
    return sum(axis, keepDims).mul(1.0 / shape().dim(axis));
  }

  /** Maximum along an axis; the gradient flows to the first maximal element. */
  Tensor max(int axis, boolean keepDims);

  /** Index of the maximum along an axis, as INT32 (not differentiable). */
  Tensor argmax(int axis);

  // ---- regularisation, written once for every backend ----------------------------------------

  /**
   * Inverted dropout with a mask drawn on the host from {@code rng}, so that every backend given
   * the same generator state drops the same elements.
   */
  default Tensor dropout(double p, SplittableRandom rng) {
    if (p < 0 || p >= 1) {
      throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
    }
    if (p == 0) {
      return this;
    }
    int n = shape().sizeInt();
    float[] mask = new float[n];
    float keep = (float) (1.0 / (1.0 - p));
    for (int i = 0; i < n; i++) {
      mask[i] = rng.nextDouble() < p ? 0f : keep;
    }
    return mul(backend().of(mask, shape().dims()).to(dtype()));
  }

  // ---- in-place updates (never recorded) ------------------------------------------------------

  /** Copies {@code source} (same shape) into this tensor. */
  void assign(Tensor source);

  /** {@code this += alpha * other} (same shape). */
  void addInPlace(Tensor other, double alpha);

  /** {@code this *= factor}. */
  void mulInPlace(double factor);

  /** {@code this += value * a * b} (same shapes). */
  void addProductInPlace(Tensor a, Tensor b, double value);

  /** {@code this += value * a / (sqrt(b) + eps)} (same shapes): the Adam family's update. */
  void addRatioInPlace(Tensor a, Tensor b, double eps, double value);

  /** Concatenation along an axis, a convenience for {@link Backend#concat}. */
  static Tensor concat(List<Tensor> parts, int axis) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concat of no tensors");
    }
    return parts.get(0).backend().concat(parts, axis);
  }
}
