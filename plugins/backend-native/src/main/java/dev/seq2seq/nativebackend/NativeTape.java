package dev.seq2seq.nativebackend;

import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nativebackend.autograd.Backprop;

/**
 * The native backend's tape. It holds no list of operations: recorded results point to their
 * nodes, so the graph is exactly what the live results reference, and the tape only switches
 * recording on for its thread while it is open.
 */
final class NativeTape implements GradientTape {
  private final NativeBackend backend;
  private boolean closed;

  NativeTape(NativeBackend backend) {
    this.backend = backend;
  }

  @Override
  public void backward(Tensor loss) {
    NativeTensor output = NativeTensor.cast(loss, backend, "backward");
    if (output.shape().size() != 1) {
      throw new IllegalArgumentException(
          "backward: the loss must have one element, its shape is " + output.shape()
              + " (pass a gradient with backward(output, gradOutput))");
    }
    run(output, new float[] {1f});
  }

  @Override
  public void backward(Tensor output, Tensor gradOutput) {
    NativeTensor out = NativeTensor.cast(output, backend, "backward");
    NativeTensor grad = NativeTensor.cast(gradOutput, backend, "backward");
    if (!out.shape().equals(grad.shape())) {
      throw new IllegalArgumentException(
          "backward: gradient shape " + grad.shape() + " does not match output shape "
              + out.shape());
    }
    run(out, grad.floats("backward"));
  }

  private void run(NativeTensor output, float[] seed) {
    if (closed) {
      throw new IllegalStateException("backward: the tape is closed");
    }
    Backprop.run(output, seed);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      backend.tapeClosed(this);
    }
  }
}
