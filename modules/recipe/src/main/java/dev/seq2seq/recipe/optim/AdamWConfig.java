package dev.seq2seq.recipe.optim;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;

@Doc("AdamW (Loshchilov and Hutter, 2019): Adam with weight decay applied to the weights directly.")
public record AdamWConfig(
    @Doc("Learning rate.") @Default("0.001") @Positive double lr,
    @Doc("Decay rate of the first-moment estimate.") @Default("0.9") @Min(0) @Max(value = 1, exclusive = true) double beta1,
    @Doc("Decay rate of the second-moment estimate.") @Default("0.999") @Min(0) @Max(value = 1, exclusive = true) double beta2,
    @Doc("Added to the denominator for numerical stability.") @Default("1.0e-8") @Positive double eps,
    @Doc("Decoupled weight decay per step, scaled by the learning rate.") @Default("0.01") @Min(0) double weightDecay)
    implements OptimizerConfig {}
