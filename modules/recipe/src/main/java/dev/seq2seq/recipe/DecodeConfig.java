package dev.seq2seq.recipe;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;

@Doc("Decoding: greedy when beam_size is 1, beam search otherwise.")
public record DecodeConfig(
    @Doc("Hypotheses kept per step; 1 decodes greedily.") @Default("5") @Positive int beamSize,
    @Doc("Outputs stop at this multiple of the input length.") @Default("2.0") @Positive double maxLengthRatio,
    @Doc("Length normalisation alpha: scores are divided by length^alpha; 0 disables it.") @Default("0.0") @Min(0) double lengthPenalty,
    @Doc("Inputs decoded together.") @Default("32") @Positive int batchSize) {}
