package dev.seq2seq.recipe.optim;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;

@Doc("Adam (Kingma and Ba, 2015); weight decay, if any, is added to the gradient (L2).")
public record AdamConfig(
    @Doc("Learning rate.") @Default("0.001") @Positive double lr,
    @Doc("Decay rate of the first-moment estimate.") @Default("0.9") @Min(0) @Max(value = 1, exclusive = true) double beta1,
    @Doc("Decay rate of the second-moment estimate.") @Default("0.999") @Min(0) @Max(value = 1, exclusive = true) double beta2,
    @Doc("Added to the denominator for numerical stability.") @Default("1.0e-8") @Positive double eps,
    @Doc("L2 penalty added to the gradient; 0 disables it.") @Default("0.0") @Min(0) double weightDecay)
    implements OptimizerConfig {}
