package dev.seq2seq.task.lm.model;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.CellType;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.nn.ForwardMode;
import dev.seq2seq.nn.Init;
import dev.seq2seq.nn.Linear;
import dev.seq2seq.nn.Parameter;
import dev.seq2seq.nn.ParameterStore;
import dev.seq2seq.nn.Recurrent;

/**
 * {@code Embedding → dropout → stacked LSTM/GRU → dropout → Linear}, as PyTorch's
 * word_language_model example: parameters {@code embedding.weight}, {@code rnn.*} (PyTorch
 * names) and {@code decoder.weight}/{@code decoder.bias}, or only {@code decoder.bias} when the
 * output layer is tied to the embedding.
 */
public final class LanguageModel {

  /** Sizes of the network. */
  public record Config(
      int vocabulary, CellType cell, int embedding, int hidden, int layers, double dropout,
      boolean tied) {
    public Config {
      if (tied && embedding != hidden) {
        throw new IllegalArgumentException(
            "tied weights need embedding = hidden, got " + embedding + " and " + hidden);
      }
    }
  }

  /** Logits {@code [B, T, V]} and the state after each stream's last valid step. */
  public record Output(Tensor logits, RecurrentState state) {}

  private final Config config;
  private final Backend backend;
  private final Parameter embedding;
  private final Recurrent rnn;
  private final Linear decoder; // null when tied
  private final Parameter tiedBias; // null when not tied

  public LanguageModel(ParameterStore store, Config config) {
    this.config = config;
    this.backend = store.backend();
    // U(±0.1) as the PyTorch example, rather than nn.Embedding's N(0, 1): the table doubles as
    // the output layer when tied, and unit-variance rows would start with huge logits.
    this.embedding = store.child("embedding").create(
        "weight", Init.uniform(0.1), config.vocabulary(), config.embedding());
    this.rnn = new Recurrent(store.child("rnn"),
        new RecurrentSpec(config.cell(), config.embedding(), config.hidden(), config.layers(), false),
        config.dropout());
    if (config.tied()) {
      this.decoder = null;
      this.tiedBias = store.child("decoder").create("bias", Init.zeros(), config.vocabulary());
    } else {
      this.decoder = new Linear(store.child("decoder"), config.hidden(), config.vocabulary());
      this.tiedBias = null;
    }
  }

  public Config config() {
    return config;
  }

  /**
   * @param ids INT32 {@code [B, T]}
   * @param lengths valid steps per row, or null when all are full
   * @param initial the state to continue from, or null for zeros
   */
  public Output forward(Tensor ids, int[] lengths, RecurrentState initial, ForwardMode mode) {
    Tensor x = mode.dropout(embedding.value().take(ids), config.dropout()); // [B, T, E]
    RecurrentOutput out = rnn.forward(x, lengths, initial, mode);
    Tensor h = mode.dropout(out.output(), config.dropout()); // [B, T, H]
    Tensor logits = config.tied()
        ? h.matmul(embedding.value().transpose(0, 1)).add(tiedBias.value())
        : decoder.forward(h);
    return new Output(logits, out.state());
  }

  /** Shape of the recurrent state for {@code batch} streams: {@code [layers, batch, hidden]}. */
  public int[] stateShape(int batch) {
    return new int[] {config.layers(), batch, config.hidden()};
  }

  public boolean hasCellState() {
    return config.cell() == CellType.LSTM;
  }

  public Backend backend() {
    return backend;
  }
}
