package dev.seq2seq.task.forecasting;

import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.Doc;

@Doc("Forecast a time series: a recurrent network reads a window of past values and predicts the"
    + " next `horizon` values of the target column at once (direct multi-step), trained with mean"
    + " squared error on scaled values and scored in the original units against a naive last-value"
    + " and a seasonal-naive baseline.")
public record ForecastTaskConfig() implements TaskConfig {}
