package dev.seq2seq.nn.attention;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.EncoderOutput;

/** The steps every attention shares once it has scores. */
final class Scores {
  private Scores() {}

  /** {@code [B, T, K] · [B, K] -> [B, T]}: the dot product of each key with its row's query. */
  static Tensor dot(Tensor keys, Tensor query) {
    int batch = keys.shape().dim(0);
    int time = keys.shape().dim(1);
    int width = keys.shape().dim(2);
    return keys.matmul(query.reshape(batch, width, 1)).reshape(batch, time); // [B, T]
  }

  /** Masks padding, normalises, and mixes the encoder states. */
  static AttentionResult mix(Tensor scores, EncoderOutput encoder) {
    int batch = encoder.batch();
    int time = encoder.time();
    Tensor weights = scores.maskedFill(encoder.mask(), Attention.MASKED_SCORE).softmax(1); // [B,T]
    Tensor context =
        weights.reshape(batch, 1, time).matmul(encoder.states()).reshape(batch, encoder.hidden());
    return new AttentionResult(context, weights); // [B, Hk], [B, T]
  }

  static void checkQuery(Tensor query, int size, int batch) {
    if (query.shape().rank() != 2 || query.shape().dim(1) != size || query.shape().dim(0) != batch) {
      throw new IllegalArgumentException(
          "attention query must be [" + batch + ", " + size + "], got " + query.shape());
    }
  }

  static void checkKeys(EncoderOutput encoder, int size) {
    if (encoder.hidden() != size) {
      throw new IllegalArgumentException(
          "attention expects encoder states of width " + size + ", got " + encoder.hidden());
    }
  }
}
