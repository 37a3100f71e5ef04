package dev.seq2seq.recipe.optim;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;

@Doc("The base learning rate throughout (after warm-up).")
public record ConstantSchedule(
    @Doc("Steps of linear warm-up from 0 to the base rate.") @Default("0") @Min(0) int warmupSteps)
    implements LrScheduleConfig {}
