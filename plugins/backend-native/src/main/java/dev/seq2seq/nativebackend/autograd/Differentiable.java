package dev.seq2seq.nativebackend.autograd;

import dev.seq2seq.backend.Shape;

/** What the autograd engine needs to know about a tensor. */
public interface Differentiable {

  Shape shape();

  /** The recorded operation that produced this tensor, or null for a leaf. */
  Node node();

  /** Which output of {@link #node()} this tensor is. */
  int outputIndex();

  /** A leaf marked as requiring a gradient, or a recorded result. */
  boolean requiresGrad();

  /**
   * Adds a gradient into this leaf's accumulated gradient.
   *
   * @param owned whether the engine hands over the array; when false it may be shared with other
   *     tensors and must be copied before it is kept
   */
  void accumulateGrad(float[] gradient, boolean owned);
}
