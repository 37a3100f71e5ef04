package dev.seq2seq.backend;

/**
 * Records the operations of one forward pass so that gradients can flow back through them.
 *
 * <pre>{@code
 * try (GradientTape tape = backend.gradientTape()) {
 *   Tensor loss = model.loss(batch);
 *   tape.backward(loss);          // accumulates d loss / d leaf into leaf.grad()
 * }
 * }</pre>
 *
 * Outside a tape nothing is recorded (inference pays nothing for autograd). Gradients accumulate
 * across backward passes until {@link Tensor#zeroGrad()}. Tapes are per thread and do not nest.
 */
public interface GradientTape extends AutoCloseable {

  /** Back-propagates from a one-element tensor, seeding its gradient with 1. */
  void backward(Tensor loss);

  /** Back-propagates from any tensor, seeding its gradient with {@code gradOutput} (same shape). */
  void backward(Tensor output, Tensor gradOutput);

  @Override
  void close();
}
