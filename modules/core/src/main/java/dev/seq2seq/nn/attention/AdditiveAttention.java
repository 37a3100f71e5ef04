package dev.seq2seq.nn.attention;

import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.EncoderOutput;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.ParameterStore;

/**
 * Bahdanau's additive attention, {@code score(h, s) = v · tanh(W_k s + W_q h + b)}. Parameters:
 * {@code key.weight [A, Hk]} (no bias: one bias suffices), {@code query.weight [A, Hq]}, {@code
 * query.bias [A]}, {@code energy.weight [1, A]}. The key projection is computed once per source
 * batch by {@link #prepare}.
 */
public final class AdditiveAttention implements Attention {
  private final Linear key;
  private final Linear query;
  private final Linear energy;

  public AdditiveAttention(ParameterStore store, int querySize, int keySize, int attentionSize) {
    this.key = new Linear(store.child("key"), keySize, attentionSize, false);
    this.query = new Linear(store.child("query"), querySize, attentionSize, true);
    this.energy = new Linear(store.child("energy"), attentionSize, 1, false);
  }

  @Override
  public AttentionKeys prepare(EncoderOutput encoder) {
    Scores.checkKeys(encoder, keySize());
    return new AttentionKeys(encoder, key.forward(encoder.states())); // [B, T, A]
  }

  @Override
  public AttentionResult attend(Tensor h, AttentionKeys keys) {
    int batch = keys.encoder().batch();
    Scores.checkQuery(h, querySize(), batch);
    Tensor q = query.forward(h).reshape(batch, 1, attentionSize()); // [B, 1, A]
    Tensor hidden = keys.keys().add(q).tanh(); // [B, T, A]
    Tensor scores = energy.forward(hidden).reshape(batch, keys.encoder().time()); // [B, T]
    return Scores.mix(scores, keys.encoder());
  }

  @Override
  public int querySize() {
    return query.inFeatures();
  }

  @Override
  public int keySize() {
    return key.inFeatures();
  }

  public int attentionSize() {
    return key.outFeatures();
  }
}
