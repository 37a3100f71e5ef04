package dev.seq2seq.task.forecasting;

import dev.seq2seq.backend.CellType;
import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;

@Doc("A stack of recurrent layers over the input window; its last hidden state goes through one"
    + " linear layer to the `horizon` forecasts (direct multi-step: one output per future row).")
public record ForecastModelConfig(
    @Doc("The recurrent cell: `rnn_tanh` (vanilla), `rnn_relu`, `lstm` or `gru`.") @Default("lstm")
        CellType cell,
    @Doc("Hidden size of each layer.") @Default("64") @Positive int hidden,
    @Doc("Stacked recurrent layers.") @Default("2") @Positive int layers,
    @Doc("Dropout between recurrent layers while training.") @Default("0.0") @Min(0)
        @Max(value = 1, exclusive = true) double dropout,
    @Doc("Forecast changes from the window's last target value (added back), so the network"
        + " starts from the naive forecast rather than from the mean.") @Default("false")
        boolean residual)
    implements ModelConfig {}
