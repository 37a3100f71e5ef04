package dev.seq2seq.nn.attention;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.EncoderOutput;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.ParameterStore;

/**
 * Luong's general attention, {@code score(h, s) = h · W s} with {@code key.weight [Hq, Hk]}. The
 * projected keys {@code W s} are computed once per source batch.
 */
public final class GeneralAttention implements Attention {
  private final Linear key;

  public GeneralAttention(ParameterStore store, int querySize, int keySize) {
    this.key = new Linear(store.child("key"), keySize, querySize, false);
  }

  @Override
  public AttentionKeys prepare(EncoderOutput encoder) {
    Scores.checkKeys(encoder, keySize());
    return new AttentionKeys(encoder, key.forward(encoder.states())); // [B, T, Hq]
  }

  @Override
  public AttentionResult attend(Tensor query, AttentionKeys keys) {
    Scores.checkQuery(query, querySize(), keys.encoder().batch());
    return Scores.mix(Scores.dot(keys.keys(), query), keys.encoder());
  }

  @Override
  public int querySize() {
    return key.outFeatures();
  }

  @Override
  public int keySize() {
    return key.inFeatures();
  }
}
