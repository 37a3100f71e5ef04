package dev.seq2seq.recipe.optim;

import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import java.util.List;

@Doc("Stochastic gradient descent, optionally with (Nesterov) momentum.")
public record SgdConfig(
    @Doc("Learning rate.") @Default("0.1") @Positive double lr,
    @Doc("Momentum factor; 0 disables momentum.") @Default("0.0") @Min(0) @Max(value = 1, exclusive = true) double momentum,
    @Doc("Use Nesterov momentum (needs momentum > 0).") @Default("false") boolean nesterov,
    @Doc("L2 penalty added to the gradient; 0 disables it.") @Default("0.0") @Min(0) double weightDecay)
    implements OptimizerConfig, Checked {

  @Override
  public List<Violation> validate() {
    return nesterov && momentum == 0
        ? List.of(Violation.at("nesterov", "needs momentum > 0"))
        : List.of();
  }
}
