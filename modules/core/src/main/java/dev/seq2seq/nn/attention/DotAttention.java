package dev.seq2seq.nn.attention;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.EncoderOutput;

/** Luong's dot attention, {@code score(h, s) = h · s}: no parameters, query and key widths equal. */
public final class DotAttention implements Attention {
  private final int size;

  public DotAttention(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("attention size must be > 0, got " + size);
    }
    this.size = size;
  }

  @Override
  public AttentionKeys prepare(EncoderOutput encoder) {
    Scores.checkKeys(encoder, size);
    return new AttentionKeys(encoder, encoder.states());
  }

  @Override
  public AttentionResult attend(Tensor query, AttentionKeys keys) {
    Scores.checkQuery(query, size, keys.encoder().batch());
    return Scores.mix(Scores.dot(keys.keys(), query), keys.encoder());
  }

  @Override
  public int querySize() {
    return size;
  }

  @Override
  public int keySize() {
    return size;
  }
}
