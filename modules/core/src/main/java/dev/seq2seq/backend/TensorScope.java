package dev.seq2seq.backend;

/**
 * Owns the tensors created while it is open and frees them when closed, so that a training step
 * or a decoding batch releases its temporaries promptly (this matters for backends whose memory
 * lives outside the Java heap). Tensors created outside every scope, such as parameters, live as
 * long as the backend. Scopes nest; closing one frees nothing of its parent.
 */
public interface TensorScope extends AutoCloseable {

  /** Moves a tensor to the enclosing scope so it survives this one, and returns it. */
  Tensor keep(Tensor tensor);

  @Override
  void close();
}
