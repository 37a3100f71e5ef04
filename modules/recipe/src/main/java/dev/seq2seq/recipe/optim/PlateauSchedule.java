package dev.seq2seq.recipe.optim;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;

@Doc("Multiplies the rate by factor when the validation metric of train.early_stopping stops improving.")
public record PlateauSchedule(
    @Doc("Steps of linear warm-up from 0 to the base rate.") @Default("0") @Min(0) int warmupSteps,
    @Doc("Factor applied on a plateau.") @Default("0.5") @Positive @Max(value = 1, exclusive = true) double factor,
    @Doc("Validations without improvement that make a plateau.") @Default("2") @Min(0) int patience,
    @Doc("The rate is never lowered below this.") @Default("0.0") @Min(0) double minLr)
    implements LrScheduleConfig {}
