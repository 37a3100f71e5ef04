package dev.seq2seq.nativebackend;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;

/**
 * A memory scope of the native backend. Its tensors live on the Java heap and the garbage
 * collector frees them once unreachable, so closing a scope releases nothing; it only keeps the
 * nesting contract, so that code written against the SPI behaves the same on every backend.
 */
final class NativeScope implements TensorScope {
  private final NativeBackend backend;
  private final NativeScope parent;
  private boolean closed;

  NativeScope(NativeBackend backend, NativeScope parent) {
    this.backend = backend;
    this.parent = parent;
  }

  @Override
  public Tensor keep(Tensor tensor) {
    if (closed) {
      throw new IllegalStateException("keep: the scope is closed");
    }
    return NativeTensor.cast(tensor, backend, "keep");
  }

  @Override
  public void close() {
    if (!closed) {
      backend.scopeClosed(this, parent);
      closed = true;
    }
  }
}
