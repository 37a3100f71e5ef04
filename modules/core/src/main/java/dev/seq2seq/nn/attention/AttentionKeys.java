package dev.seq2seq.nn.attention;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.Batches;
import dev.seq2seq.nn.EncoderOutput;

/**
 * Source-side attention inputs, computed once per batch by {@link Attention#prepare}.
 *
 * @param encoder the encoder output (values and padding mask)
 * @param keys the keys scored against each query, {@code [B, T, K]}: the projected encoder
 *     states, or the states themselves for dot attention
 */
public record AttentionKeys(EncoderOutput encoder, Tensor keys) {

  public AttentionKeys {
    if (keys.shape().rank() != 3
        || keys.shape().dim(0) != encoder.batch()
        || keys.shape().dim(1) != encoder.time()) {
      throw new IllegalArgumentException(
          "keys " + keys.shape() + " do not match encoder states " + encoder.states().shape());
    }
  }

  /** The rows {@code indices} of the batch, for beam search. */
  public AttentionKeys reorder(int[] indices) {
    return new AttentionKeys(encoder.reorder(indices), Batches.select(keys, 0, indices));
  }

  /** Each row repeated {@code beam} times consecutively. */
  public AttentionKeys repeat(int beam) {
    return reorder(Batches.repeatIndices(encoder.batch(), beam));
  }
}
