package dev.seq2seq.recipe.optim;

import dev.seq2seq.plugin.ExtensionPoint;

/** The learning-rate schedule of {@code train.schedule}, chosen by {@code type}. */
@ExtensionPoint("schedule")
public interface LrScheduleConfig {
  /** Steps over which the rate rises linearly from 0 to the base rate before the schedule starts. */
  int warmupSteps();
}
