package dev.seq2seq.recipe.optim;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;

@Doc("Multiplies the rate by gamma after every step (after warm-up).")
public record ExponentialSchedule(
    @Doc("Steps of linear warm-up from 0 to the base rate.") @Default("0") @Min(0) int warmupSteps,
    @Doc("Factor applied after each step.") @Default("0.9999") @Positive @Max(1) double gamma)
    implements LrScheduleConfig {}
