package dev.seq2seq.task.lm;

import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import dev.seq2seq.task.lm.text.TextSourceConfig;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

@Doc("One long text, from the dataset catalogue or a file of your own, cut in order into training, validation"
    + " and (optionally) test parts. Training reads the training part as train.batch_size"
    + " contiguous streams in windows of `bptt` steps, carrying the recurrent state from one window"
    + " to the next (reset at every epoch start); train.batch_by must be `sentences`, and"
    + " train.bucketing does not apply.")
public record LmDataConfig(
    @Doc("Where the text comes from, by `type`: `{type: dataset, name: tinyshakespeare}` or"
        + " `{type: file, path: my-text.txt}`.") TextSourceConfig text,
    @Doc("Character encoding of the text, e.g. utf-8 or iso-8859-1.") @Default("utf-8")
        String encoding,
    @Doc("Tokens: `char` (Unicode code points) or `word` (whitespace-separated, with an end-of-line"
        + " token).") @Default("char") Level level,
    @Doc("Fraction of the text, before the test part, held out for validation.") @Default("0.1")
        @Min(value = 0, exclusive = true) @Max(0.5) double validationFraction,
    @Doc("Fraction at the end of the text held out for `seq2seq evaluate`; 0 makes evaluate score"
        + " the validation part.") @Default("0.0") @Min(0) @Max(0.5) double testFraction,
    @Doc("Tokens seen fewer times in the training part become <unk>.") @Default("1") @Positive
        int minCount,
    @Doc("Keep at most this many tokens (most frequent first, <unk> included); 0: no limit.")
        @Default("0") @Min(0) int maxVocabulary,
    @Doc("Steps per training window: gradients flow back at most this far.") @Default("100")
        @Positive int bptt,
    @Doc("Validation and test read the held-out text as this many contiguous streams in parallel"
        + " (each starting from a zero state).") @Default("16") @Positive int evalStreams)
    implements DataConfig, Checked {

  /** What a token is. */
  public enum Level {
    CHAR,
    WORD
  }

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    try {
      Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      problems.add(Violation.at("encoding", "unknown character encoding '" + encoding + "'"));
    }
    if (validationFraction + testFraction >= 0.9) {
      problems.add(Violation.at("test_fraction",
          "validation_fraction + test_fraction must leave at least 10% for training"));
    }
    return problems;
  }
}
