package dev.seq2seq.task.toy;

import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import java.util.List;

@Doc("Random digit sequences, drawn from the recipe seed; validation and test sequences never"
    + " occur in training. Batching follows train.batch_size, batch_by and bucketing.")
public record ToyDataConfig(
    @Doc("Shortest sequence.") @Default("3") @Positive int minLength,
    @Doc("Longest sequence.") @Default("8") @Positive @Max(50) int maxLength,
    @Doc("Training sequences (one epoch).") @Default("2000") @Positive int trainExamples,
    @Doc("Validation sequences.") @Default("200") @Positive int validationExamples,
    @Doc("Test sequences (seq2seq evaluate).") @Default("200") @Positive int testExamples)
    implements DataConfig, Checked {

  @Override
  public List<Violation> validate() {
    return maxLength < minLength
        ? List.of(Violation.at("max_length", "must be >= min_length (" + minLength + ")"))
        : List.of();
  }
}
