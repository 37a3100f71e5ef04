package dev.seq2seq.nn;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;

/**
 * One step of a unidirectional recurrent stack, for decoders that feed each output back in. It
 * owns a {@link Recurrent} (so the parameters carry PyTorch's names, such as {@code weight_ih_l0})
 * and runs it for a single time step.
 */
public final class RecurrentCell {
  private final Recurrent recurrent;

  public RecurrentCell(
      ParameterStore store,
      CellType cell,
      int inputSize,
      int hiddenSize,
      int layers,
      double dropout) {
    this.recurrent =
        new Recurrent(store, new RecurrentSpec(cell, inputSize, hiddenSize, layers, false), dropout);
  }

  /**
   * @param input {@code [B, inputSize]}
   * @param state {@code [L, B, H]}, or null for zeros
   * @return the top layer's output {@code [B, H]} and the new state {@code [L, B, H]}
   */
  public RecurrentOutput step(Tensor input, RecurrentState state, ForwardMode mode) {
    if (input.shape().rank() != 2) {
      throw new IllegalArgumentException("cell input must be [B, I], got " + input.shape());
    }
    int batch = input.shape().dim(0);
    RecurrentOutput out =
        recurrent.forward(input.reshape(batch, 1, input.shape().dim(1)), null, state, mode);
    return new RecurrentOutput(out.output().reshape(batch, hiddenSize()), out.state());
  }

  /** The top layer's hidden state {@code [B, H]} of a state {@code [L, B, H]}. */
  public Tensor top(RecurrentState state) {
    int layers = recurrent.spec().layers();
    Tensor h = state.h().slice(0, layers - 1, layers); // [1, B, H]
    return h.reshape(h.shape().dim(1), hiddenSize());
  }

  public int hiddenSize() {
    return recurrent.spec().hiddenSize();
  }

  public int inputSize() {
    return recurrent.spec().inputSize();
  }

  public Recurrent recurrent() {
    return recurrent;
  }
}
