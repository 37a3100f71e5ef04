package dev.seq2seq.nn;

import dev.seq2seq.backend.Tensor;

/**
 * An affine map {@code y = x W^T + b}, as PyTorch's {@code nn.Linear}: parameters {@code weight
 * [out, in]} and {@code bias [out]}, both initialised U(±1/sqrt(in)) (PyTorch's default, which is
 * Kaiming-uniform with a = sqrt(5) for the weight).
 */
public final class Linear {
  private final int inFeatures;
  private final int outFeatures;
  private final Parameter weight;
  private final Parameter bias;

  public Linear(ParameterStore store, int inFeatures, int outFeatures) {
    this(store, inFeatures, outFeatures, true);
  }

  public Linear(ParameterStore store, int inFeatures, int outFeatures, boolean withBias) {
    if (inFeatures <= 0 || outFeatures <= 0) {
      throw new IllegalArgumentException(
          "linear sizes must be > 0, got in=" + inFeatures + ", out=" + outFeatures);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    Init init = Init.uniform(1.0 / Math.sqrt(inFeatures));
    this.weight = store.create("weight", init, outFeatures, inFeatures);
    this.bias = withBias ? store.create("bias", init, outFeatures) : null;
  }

  /** {@code [..., in] -> [..., out]}. */
  public Tensor forward(Tensor x) {
    int last = x.shape().dim(-1);
    if (last != inFeatures) {
      throw new IllegalArgumentException(
          "linear expects last axis " + inFeatures + ", got shape " + x.shape());
    }
    // [in, out]; transposing per call (not caching) keeps the gradient flowing to the parameter,
    // which optimisers update in place.
    Tensor wt = weight.value().transpose(0, 1);
    Tensor y = x.matmul(wt);
    return bias == null ? y : y.add(bias.value());
  }

  public int inFeatures() {
    return inFeatures;
  }

  public int outFeatures() {
    return outFeatures;
  }

  public Parameter weight() {
    return weight;
  }

  /** The bias, or null when built without one. */
  public Parameter bias() {
    return bias;
  }
}
