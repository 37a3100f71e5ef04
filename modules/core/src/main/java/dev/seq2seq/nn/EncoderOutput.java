package dev.seq2seq.nn;

import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;

/**
 * What an encoder hands to attention and to the decoder.
 *
 * @param states per-step encoder outputs {@code [B, T, H]}, zero at padded steps
 * @param lengths valid steps per sequence
 * @param mask {@code [B, T]}, 1 at padded steps, 0 elsewhere
 * @param finalState the recurrent stack's final state {@code [L*D, B, Hrnn]}, or null for encoders
 *     without one
 */
public record EncoderOutput(
    Tensor states, int[] lengths, Tensor mask, RecurrentState finalState) {

  public EncoderOutput {
    if (states == null || lengths == null || mask == null) {
      throw new IllegalArgumentException("encoder states, lengths and mask must be set");
    }
    if (states.shape().rank() != 3) {
      throw new IllegalArgumentException("encoder states must be [B, T, H], got " + states.shape());
    }
    int batch = states.shape().dim(0);
    if (lengths.length != batch
        || mask.shape().rank() != 2
        || mask.shape().dim(0) != batch
        || mask.shape().dim(1) != states.shape().dim(1)) {
      throw new IllegalArgumentException(
          "encoder output disagrees on batch/time: states "
              + states.shape()
              + ", mask "
              + mask.shape()
              + ", "
              + lengths.length
              + " lengths");
    }
    lengths = lengths.clone();
  }

  public int batch() {
    return states.shape().dim(0);
  }

  public int time() {
    return states.shape().dim(1);
  }

  public int hidden() {
    return states.shape().dim(2);
  }

  @Override
  public int[] lengths() {
    return lengths.clone();
  }

  /** The rows {@code indices} of every field, in that order (beam search bookkeeping). */
  public EncoderOutput reorder(int[] indices) {
    int[] picked = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      picked[k] = lengths[indices[k]];
    }
    return new EncoderOutput(
        Batches.select(states, 0, indices),
        picked,
        Batches.select(mask, 0, indices),
        DecoderState.select(finalState, indices));
  }

  /** Each row repeated {@code beam} times consecutively: row {@code b*beam+k} is row {@code b}. */
  public EncoderOutput repeat(int beam) {
    return reorder(Batches.repeatIndices(batch(), beam));
  }
}
