package dev.seq2seq.nn;

import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;

/**
 * A recurrent decoder's state between steps.
 *
 * @param rnn recurrent state {@code [L, B, H]}
 * @param context the last attention context {@code [B, Hk]} for input feeding, or null
 * @param attention the last attention weights {@code [B, T]}, or null
 */
public record DecoderState(RecurrentState rnn, Tensor context, Tensor attention) {

  public DecoderState {
    if (rnn == null) {
      throw new IllegalArgumentException("decoder state needs a recurrent state");
    }
  }

  public int batch() {
    return rnn.h().shape().dim(1);
  }

  /**
   * The rows {@code beamIndices} of every field, in that order: after a beam search step, row
   * {@code k} of the result continues hypothesis {@code beamIndices[k]}.
   */
  public DecoderState reorder(int[] beamIndices) {
    return new DecoderState(
        select(rnn, beamIndices),
        context == null ? null : Batches.select(context, 0, beamIndices),
        attention == null ? null : Batches.select(attention, 0, beamIndices));
  }

  /** Batch rows of a recurrent state ({@code [L*D, B, H]}, batch on axis 1); null stays null. */
  static RecurrentState select(RecurrentState state, int[] indices) {
    if (state == null) {
      return null;
    }
    return new RecurrentState(
        Batches.select(state.h(), 1, indices),
        state.c() == null ? null : Batches.select(state.c(), 1, indices));
  }
}
