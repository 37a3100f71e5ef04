package dev.seq2seq.recipe;

import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import dev.seq2seq.recipe.optim.LrScheduleConfig;
import dev.seq2seq.recipe.optim.OptimizerConfig;
import java.util.ArrayList;
import java.util.List;

@Doc("The training loop: how long, in what batches, with which optimiser and schedule, and when to"
    + " validate, log and save. Step counts are optimiser updates.")
public record TrainConfig(
    @Doc("Passes over the training data. Set epochs, max_steps or both (training stops at the first reached).")
        @Min(1) Integer epochs,
    @Doc("Optimiser updates after which training stops.") @Min(1) Long maxSteps,
    @Doc("Batch size, counted in sentences or in tokens (see batch_by).") @Default("32") @Positive int batchSize,
    @Doc("What batch_size counts: `sentences`, or `tokens` (source plus target, padding excluded).")
        @Default("sentences") BatchBy batchBy,
    @Doc("Group examples of similar length into batches (less padding), shuffling the batches.")
        @Default("true") boolean bucketing,
    @Doc("The optimiser, by `type`.") @Default("{type: adam}") OptimizerConfig optimizer,
    @Doc("The learning-rate schedule, by `type`, with its warm-up.") @Default("{type: constant}")
        LrScheduleConfig schedule,
    @Doc("Clip gradients to this global L2 norm; 0 disables clipping.") @Default("0.0") @Min(0)
        double clipNorm,
    @Doc("Steps between validations; 0 validates at the end of every epoch.") @Default("0") @Min(0)
        int validateEvery,
    @Doc("Early stopping, and which metric makes a checkpoint the best.") EarlyStoppingConfig earlyStopping,
    @Doc("How many best checkpoints (by early_stopping.metric) are kept; 0 keeps only the last.")
        @Default("1") @Min(0) int keepBest,
    @Doc("Steps between two progress lines (loss, learning rate, speed).") @Default("100") @Positive
        int logEvery,
    @Doc("Steps between checkpoints; 0 saves one at the end of every epoch.") @Default("0") @Min(0)
        int checkpointEvery)
    implements Checked {

  /** What {@code batch_size} counts. */
  public enum BatchBy {
    SENTENCES,
    TOKENS
  }

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    if (epochs == null && maxSteps == null) {
      problems.add(Violation.at("", "set epochs or max_steps, or both, to say when training stops"));
    }
    if (batchBy == BatchBy.SENTENCES && batchSize > 100_000) {
      problems.add(Violation.at("batch_size",
          "is " + batchSize + " sentences; did you mean batch_by: tokens?"));
    }
    return problems;
  }
}
