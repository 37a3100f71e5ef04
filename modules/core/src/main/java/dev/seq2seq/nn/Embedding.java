package dev.seq2seq.nn;

import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.Tensor;

/**
 * A lookup table {@code weight [V, D]}, as PyTorch's {@code nn.Embedding}: initialised N(0, 1),
 * with an optional padding index whose row starts at zero and never receives a gradient.
 */
public final class Embedding {
  /** Marker for "no padding index". */
  public static final int NO_PADDING = -1;

  private final int vocabulary;
  private final int dimension;
  private final int paddingIndex;
  private final Parameter weight;

  public Embedding(ParameterStore store, int vocabulary, int dimension) {
    this(store, vocabulary, dimension, NO_PADDING);
  }

  public Embedding(ParameterStore store, int vocabulary, int dimension, int paddingIndex) {
    if (vocabulary <= 0 || dimension <= 0) {
      throw new IllegalArgumentException(
          "embedding sizes must be > 0, got V=" + vocabulary + ", D=" + dimension);
    }
    if (paddingIndex != NO_PADDING && (paddingIndex < 0 || paddingIndex >= vocabulary)) {
      throw new IllegalArgumentException(
          "padding index " + paddingIndex + " outside vocabulary of " + vocabulary);
    }
    this.vocabulary = vocabulary;
    this.dimension = dimension;
    this.paddingIndex = paddingIndex;
    Init normal = Init.normal(1.0);
    Init init =
        paddingIndex == NO_PADDING
            ? normal
            : (shape, rng) -> {
              float[] v = normal.sample(shape, rng);
              java.util.Arrays.fill(v, paddingIndex * dimension, (paddingIndex + 1) * dimension, 0f);
              return v;
            };
    this.weight = store.create("weight", init, vocabulary, dimension);
  }

  /** INT32 ids of any shape {@code S} to vectors {@code S ++ [D]}. */
  public Tensor forward(Tensor ids) {
    if (ids.dtype() != DType.INT32) {
      throw new IllegalArgumentException("embedding ids must be INT32, got " + ids.dtype());
    }
    Tensor out = weight.value().take(ids);
    if (paddingIndex == NO_PADDING) {
      return out;
    }
    // Zeroing the looked-up rows (not just the initial table row) also stops the gradient from
    // reaching the padding row, so it stays zero through training as in PyTorch.
    int[] values = ids.toIntArray();
    float[] mask = new float[values.length];
    boolean any = false;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == paddingIndex) {
        mask[i] = 1f;
        any = true;
      }
    }
    if (!any) {
      return out;
    }
    int[] dims = ids.shape().dims();
    int[] maskShape = java.util.Arrays.copyOf(dims, dims.length + 1);
    maskShape[dims.length] = 1;
    return out.maskedFill(ids.backend().of(mask, maskShape), 0.0);
  }

  public int vocabulary() {
    return vocabulary;
  }

  public int dimension() {
    return dimension;
  }

  /** The padding index, or {@link #NO_PADDING}. */
  public int paddingIndex() {
    return paddingIndex;
  }

  public Parameter weight() {
    return weight;
  }
}
