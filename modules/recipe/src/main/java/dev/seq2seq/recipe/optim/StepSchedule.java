package dev.seq2seq.recipe.optim;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;

@Doc("Multiplies the rate by gamma every step_size steps (after warm-up).")
public record StepSchedule(
    @Doc("Steps of linear warm-up from 0 to the base rate.") @Default("0") @Min(0) int warmupSteps,
    @Doc("Steps between two decays.") @Default("10000") @Positive int stepSize,
    @Doc("Factor applied at each decay.") @Default("0.5") @Positive @Max(1) double gamma)
    implements LrScheduleConfig {}
