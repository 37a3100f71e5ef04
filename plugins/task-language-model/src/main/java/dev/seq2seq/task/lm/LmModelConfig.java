package dev.seq2seq.task.lm;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import java.util.List;

@Doc("Embedding → stacked recurrent layers → dropout → Linear over the vocabulary.")
public record LmModelConfig(
    @Doc("Recurrent cell: lstm, gru, rnn_tanh or rnn_relu.") @Default("lstm") CellType cell,
    @Doc("Embedding width.") @Default("128") @Positive int embedding,
    @Doc("Hidden size of each recurrent layer.") @Default("256") @Positive int hidden,
    @Doc("Stacked recurrent layers.") @Default("2") @Positive @Max(8) int layers,
    @Doc("Dropout on the embeddings, between recurrent layers and before the output layer.")
        @Default("0.0") @Min(0) @Max(value = 1, exclusive = true) double dropout,
    @Doc("Share the output layer's weights with the embedding (needs embedding = hidden).")
        @Default("false") boolean tieWeights)
    implements ModelConfig, Checked {

  @Override
  public List<Violation> validate() {
    return tieWeights && embedding != hidden
        ? List.of(Violation.at("tie_weights",
            "needs embedding (" + embedding + ") = hidden (" + hidden + ")"))
        : List.of();
  }
}
