package dev.seq2seq.nativebackend.rnn;

/**
 * The element-wise part of one recurrent step for one sequence, forward and backward. The
 * matrix products around it (input projection, {@code h W_hh^T}, {@code dGates W_hh}, the weight
 * gradients) are done by {@link StepLoop} and {@link RecurrentKernels} for all rows at once.
 */
interface Cell {

  /**
   * Forward of the active row {@code (b, t)}.
   *
   * <p>On entry: {@code run.gates} row {@code (b, t)} holds {@code x_t W_ih^T + b_ih}; {@code
   * run.hh} row {@code b} holds {@code h W_hh^T} (without {@code b_hh}); {@code run.h}, {@code
   * run.c} row {@code b} hold the state entering the step. On exit: the gates row holds the
   * activated gates, the state is the new state, the output slice of {@code (b, t)} is {@code h'},
   * and the step's caches are written.
   */
  void forward(DirectionRun run, int b, int t);

  /**
   * Backward of the active row {@code (b, t)}.
   *
   * <p>On entry: {@code run.dh} row {@code b} holds {@code dL/dh'} (everything: later steps and
   * this step's output), {@code run.dc} row {@code b} holds {@code dL/dc'} from later steps. On
   * exit: the {@code dGatesH}/{@code dGatesX} rows hold the gradients of the pre-activations,
   * {@code run.dc} row {@code b} holds {@code dL/dc}, and {@code run.dh} row {@code b} holds the
   * part of {@code dL/dh} that does not go through {@code W_hh} (the caller adds {@code dGatesH
   * W_hh}).
   */
  void backward(DirectionRun run, int b, int t);
}
