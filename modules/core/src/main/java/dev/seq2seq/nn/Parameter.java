package dev.seq2seq.nn;

import dev.seq2seq.backend.Tensor;

/**
 * A named, trainable tensor. The name is its full dotted path (such as {@code
 * encoder.rnn.weight_ih_l0}), which is also its key in safetensors files. Optimisers update the
 * value in place, so the tensor object never changes.
 */
public final class Parameter {
  private final String name;
  private final Tensor value;

  public Parameter(String name, Tensor value) {
    this.name = name;
    this.value = value.requireGrad();
  }

  public String name() {
    return name;
  }

  public Tensor value() {
    return value;
  }

  /** The accumulated gradient, or null. */
  public Tensor grad() {
    return value.grad();
  }

  @Override
  public String toString() {
    return name + value.shape();
  }
}
