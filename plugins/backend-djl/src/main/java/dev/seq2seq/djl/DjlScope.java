package dev.seq2seq.djl;

import ai.djl.ndarray.NDManager;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;

/** A sub-manager of the enclosing scope: closing it frees every native tensor it holds. */
final class DjlScope implements TensorScope {
  private final DjlBackend backend;
  private final NDManager manager;
  private boolean closed;

  DjlScope(DjlBackend backend, NDManager manager) {
    this.backend = backend;
    this.manager = manager;
  }

  @Override
  public Tensor keep(Tensor tensor) {
    // Only what this scope owns moves; a tensor of an outer scope already outlives this one.
    var array = backend.nd(tensor);
    if (array.getManager() == manager) {
      array.attach(manager.getParentManager());
    }
    return tensor;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      backend.scopeClosed(manager);
      manager.close();
    }
  }
}
