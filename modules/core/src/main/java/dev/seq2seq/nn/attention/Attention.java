package dev.seq2seq.nn.attention;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.EncoderOutput;

/**
 * Scores a decoder query against every encoder state and mixes the states by the softmax of the
 * scores. Padded source positions are filled with {@link #MASKED_SCORE} before the softmax, so
 * their weight is exactly 0.
 *
 * <p>Whatever depends only on the source (such as the key projection of additive attention) is
 * computed once per source batch by {@link #prepare}, then reused at every decoder step.
 */
public interface Attention {

  /** The score of padded positions: exp underflows to exactly 0 in float after the softmax shift. */
  double MASKED_SCORE = -1e9;

  /** Precomputes the source-side keys for a batch. */
  AttentionKeys prepare(EncoderOutput encoder);

  /**
   * @param query {@code [B, Hq]}
   * @return context {@code [B, Hk]} and weights {@code [B, T]}
   */
  AttentionResult attend(Tensor query, AttentionKeys keys);

  /** One-off attention: {@link #prepare} then {@link #attend(Tensor, AttentionKeys)}. */
  default AttentionResult attend(Tensor query, EncoderOutput encoder) {
    return attend(query, prepare(encoder));
  }

  /** Width of the queries this attention accepts. */
  int querySize();

  /** Width of the encoder states it attends over, and of the context it returns. */
  int keySize();
}
