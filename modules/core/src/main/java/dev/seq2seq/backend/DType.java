package dev.seq2seq.backend;

/** Element types a backend may hold. Every backend supports FLOAT32 and INT32. */
public enum DType {
  /** 32-bit IEEE float: parameters, activations, gradients. */
  FLOAT32,
  /** 64-bit IEEE float: optional, used by gradient checks where a backend offers it. */
  FLOAT64,
  /** 32-bit integer: token ids, indices, lengths. Never differentiable. */
  INT32;

  public boolean isFloating() {
    return this != INT32;
  }
}
