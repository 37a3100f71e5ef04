package dev.seq2seq.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * A tensor engine: creates tensors, records gradients, and runs fused recurrent layers.
 *
 * <p>This is the whole backend SPI together with {@link Tensor}, {@link GradientTape}, {@link
 * TensorScope} and {@link BackendProvider}. Layers, losses and optimisers are written once in the
 * core against it; every backend must pass the conformance kit ({@code seq2seq-testkit})
 * unchanged.
 */
public interface Backend extends AutoCloseable {

  /** The registry name, such as {@code native}. */
  String name();

  BackendInfo info();

  /** Whether tensors of this element type can be created (FLOAT32 and INT32 always can). */
  boolean supports(DType dtype);

  // ---- creation -------------------------------------------------------------------------------

  /** A FLOAT32 tensor holding a copy of {@code data} (row-major). */
  Tensor of(float[] data, int... shape);

  /** A floating tensor of the given type holding a copy of {@code data}. */
  Tensor of(double[] data, DType dtype, int... shape);

  /** An INT32 tensor holding a copy of {@code data}. */
  Tensor ofInts(int[] data, int... shape);

  Tensor zeros(DType dtype, int... shape);

  default Tensor scalar(double value) {
    return of(new float[] {(float) value});
  }

  // ---- structure ------------------------------------------------------------------------------

  /** Concatenates tensors that agree on every axis but {@code axis}. */
  Tensor concat(List<Tensor> parts, int axis);

  /** Stacks equal-shaped tensors along a new axis. */
  default Tensor stack(List<Tensor> parts, int axis) {
    List<Tensor> expanded = new ArrayList<>(parts.size());
    for (Tensor t : parts) {
      int[] dims = t.shape().dims();
      int a = axis < 0 ? axis + dims.length + 1 : axis;
      int[] out = new int[dims.length + 1];
      for (int i = 0, j = 0; i < out.length; i++) {
        out[i] = i == a ? 1 : dims[j++];
      }
      expanded.add(t.reshape(out));
    }
    return concat(expanded, axis);
  }

  // ---- autograd and memory --------------------------------------------------------------------

  /** Opens a tape on the current thread; operations are recorded until it is closed. */
  GradientTape gradientTape();

  /** Opens a memory scope on the current thread. */
  TensorScope scope();

  /**
   * A tensor equal to {@code value} whose gradient with respect to {@code input} is the
   * precomputed {@code jacobian}: for {@code value} of shape {@code [n]} and {@code input} of shape
   * {@code [n, ...]}, {@code d value[i] / d input[i, ...] = jacobian[i, ...]} and no cross terms.
   * This is how losses computed on the host (CTC) join the graph. The default is written with
   * ordinary ops, so every backend has it: {@code value + s - detach(s)} with {@code s[i] =
   * sum(input[i] * jacobian[i])}. That default turns {@code value} into NaN where the jacobian is
   * not finite (CTC reports a NaN gradient for an impossible alignment), so a backend should
   * override it with a dedicated op; the conformance kit checks this case.
   */
  default Tensor attachGradient(Tensor input, Tensor value, Tensor jacobian) {
    int n = input.shape().dim(0);
    Tensor s = input.mul(jacobian.detach()).reshape(n, -1).sum(1, false);
    return value.detach().add(s.sub(s.detach()));
  }

  // ---- fused recurrent layers -----------------------------------------------------------------

  /**
   * Runs a stack of recurrent layers over a padded batch.
   *
   * @param input {@code [batch, time, spec.inputSize]}
   * @param lengths valid steps per sequence (each in {@code 0..time}), or null when all are full;
   *     padding never changes a result: outputs past a sequence's length are zero, the reverse
   *     direction starts at its last valid step, and its final state is taken there
   * @param initial initial state ({@code [layers*directions, batch, hidden]}), or null for zeros
   * @param weights in {@link RecurrentSpec#weightNames()} order, PyTorch layouts
   */
  RecurrentOutput recurrent(
      RecurrentSpec spec,
      Tensor input,
      int[] lengths,
      RecurrentState initial,
      List<Tensor> weights);

  @Override
  void close();
}
