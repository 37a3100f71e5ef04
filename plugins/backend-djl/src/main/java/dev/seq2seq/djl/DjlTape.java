package dev.seq2seq.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;

/**
 * PyTorch autograd through DJL's {@link GradientCollector}. PyTorch adds into a leaf's existing
 * {@code .grad}, so gradients accumulate across passes until {@code zeroGrad}, as the SPI wants.
 * DJL's collector is process-wide: one tape may be open at a time in the process, which {@link
 * DjlBackend#gradientTape} enforces with a message naming the thread that holds it.
 */
final class DjlTape implements GradientTape {
  private final DjlBackend backend;
  private final GradientCollector collector;
  private final Thread owner;
  private boolean closed;

  DjlTape(DjlBackend backend, GradientCollector collector, Thread owner) {
    this.backend = backend;
    this.collector = collector;
    this.owner = owner;
  }

  @Override
  public void backward(Tensor loss) {
    if (loss.shape().size() != 1) {
      throw new IllegalArgumentException("backward(loss) needs one element, shape is "
          + loss.shape());
    }
    run(backend.nd(loss));
  }

  @Override
  public void backward(Tensor output, Tensor gradOutput) {
    if (!output.shape().equals(gradOutput.shape())) {
      throw new IllegalArgumentException("gradient shape " + gradOutput.shape()
          + " differs from output shape " + output.shape());
    }
    // d/dx sum(output * g) with g constant seeds the output's gradient with g.
    run(backend.nd(output.mul(gradOutput.detach()).sum()));
  }

  private void run(NDArray target) {
    try {
      collector.backward(target);
    } catch (EngineException e) {
      // An output that no leaf reaches has no graph: every gradient stays as it is. (Asking
      // first is no option: DJL's grad_fn query crashes on tensors without one.)
      String m = e.getMessage();
      if (m == null || !m.contains("does not require grad")) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      collector.close();
      JniUtils.setGradMode(false);
      backend.tapeClosed(owner);
    }
  }
}
