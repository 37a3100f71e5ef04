package dev.seq2seq.recipe;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;

@Doc("Stops training when a validation metric stops improving; also picks the best checkpoints.")
public record EarlyStoppingConfig(
    @Doc("The validation metric watched: `loss` or a metric the task computes (`bleu`, `wer`, ...).") @Default("loss") String metric,
    @Doc("Whether smaller (`min`) or larger (`max`) values of the metric are better.") @Default("min") Mode mode,
    @Doc("Validations without improvement before training stops; 0 never stops early.") @Default("0") @Min(0) int patience,
    @Doc("The smallest change that counts as an improvement.") @Default("0.0") @Min(0) double minDelta) {

  /** Which direction of the metric is better. */
  public enum Mode {
    MIN,
    MAX
  }
}
