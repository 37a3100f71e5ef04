package dev.seq2seq.task.classification;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;

@Doc("Embedding, a (bidirectional) recurrent encoder, pooling over the valid steps, dropout and a"
    + " linear layer to the labels.")
public record ClassificationModelConfig(
    @Doc("Embedding width.") @Default("128") @Positive int embedding,
    @Doc("Recurrent cell: `lstm`, `gru`, `rnn_tanh` or `rnn_relu`.") @Default("lstm") CellType cell,
    @Doc("Hidden size per direction.") @Default("128") @Positive int hidden,
    @Doc("Stacked recurrent layers.") @Default("1") @Positive @Max(8) int layers,
    @Doc("Read each sentence in both directions (outputs concatenated).") @Default("true")
        boolean bidirectional,
    @Doc("How the steps become one vector: `max` or `mean` over the valid steps, or `final`,"
        + " the last layer's final state (both directions).") @Default("max") Pooling pooling,
    @Doc("Dropout on the pooled vector before the linear layer, while training.") @Default("0.5")
        @Min(0) @Max(value = 1, exclusive = true) double dropout,
    @Doc("Dropout on the embeddings and between recurrent layers, while training.")
        @Default("0.0") @Min(0) @Max(value = 1, exclusive = true) double encoderDropout)
    implements ModelConfig {

  /** How per-step encoder states become one sentence vector. */
  public enum Pooling {
    MAX,
    MEAN,
    FINAL
  }
}
