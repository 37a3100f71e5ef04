package dev.seq2seq.task.toy;

import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import java.util.List;

@Doc("A bidirectional GRU encoder and a GRU decoder with additive attention.")
public record ToyModelConfig(
    @Doc("Embedding width (source and target).") @Default("32") @Positive int embedding,
    @Doc("Decoder hidden size; each encoder direction has half. Must be even.") @Default("64")
        @Positive int hidden)
    implements ModelConfig, Checked {

  @Override
  public List<Violation> validate() {
    return hidden % 2 != 0 ? List.of(Violation.at("hidden", "must be even")) : List.of();
  }
}
