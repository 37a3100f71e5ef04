package dev.seq2seq.recipe.optim;

import dev.seq2seq.plugin.ExtensionPoint;

/** The optimiser of {@code train.optimizer}, chosen by {@code type}. */
@ExtensionPoint("optimizer")
public interface OptimizerConfig {
  /** The base learning rate, before warm-up and schedule. */
  double lr();
}
