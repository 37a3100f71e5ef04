package dev.seq2seq.task.translation;

import dev.seq2seq.recipe.ModelConfig;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.task.translation.model.NetworkConfig;

@Doc("The translation network, chosen by network.type (`mt-small`: the benchmark network;"
    + " `rnn`: a configurable attention encoder-decoder), and how it is trained.")
public record TranslationModelConfig(
    @Doc("The network, by `type`.") @Default("{type: rnn}") NetworkConfig network,
    @Doc("Label smoothing of the training cross-entropy (validation loss is unsmoothed).")
        @Default("0.0") @Min(0) @Max(value = 1, exclusive = true) double labelSmoothing)
    implements ModelConfig {}
