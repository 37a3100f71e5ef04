package dev.seq2seq.recipe;

import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import java.util.List;

@Doc("Decoding: greedy when beam_size is 1, beam search otherwise.")
public record DecodeConfig(
    @Doc("Hypotheses kept per step; 1 decodes greedily.") @Default("5") @Positive int beamSize,
    @Doc("Outputs stop at ceil(max_length_ratio * input length) + max_length_offset tokens.") @Default("2.0") @Positive double maxLengthRatio,
    @Doc("Length penalty alpha (GNMT): scores are divided by ((5 + length) / 6)^alpha; 0 disables it.") @Default("0.0") @Min(0) double lengthPenalty,
    @Doc("Inputs decoded together.") @Default("32") @Positive int batchSize,
    @Doc("Tokens allowed beyond max_length_ratio times the input length.") @Default("10") @Min(0) int maxLengthOffset,
    @Doc("Finished hypotheses kept per input (at most beam_size), best first.") @Default("1") @Positive int nbest)
    implements Checked {

  @Override
  public List<Violation> validate() {
    return nbest > beamSize
        ? List.of(Violation.at("nbest", "must be <= beam_size (" + beamSize + ")"))
        : List.of();
  }
}
