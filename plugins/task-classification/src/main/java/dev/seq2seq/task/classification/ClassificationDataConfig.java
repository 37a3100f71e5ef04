package dev.seq2seq.task.classification;

import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import dev.seq2seq.task.classification.data.SourceConfig;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.List;

@Doc("Labelled sentences and how they are split. Without folds, a seeded stratified split gives"
    + " the validation and test parts; with folds: K, the sentences are dealt into K stratified"
    + " folds from the seed, fold `fold` is the test part and `validation` of the rest is held out"
    + " for early stopping (seq2seq cross-validate runs every fold). The vocabulary is built from"
    + " the training part only. Lines without a token are skipped.")
public record ClassificationDataConfig(
    @Doc("Where the sentences come from, by `type`: `catalogue` (a dataset of the catalogue, one"
        + " file per label), `files` (one file per label) or `tsv` (label<TAB>text lines).")
        SourceConfig source,
    @Doc("Text encoding of the files, e.g. UTF-8 or ISO-8859-1 (Latin-1).") @Default("UTF-8")
        String encoding,
    @Doc("Lower-case the text before tokenising.") @Default("true") boolean lowercase,
    @Doc("Token pattern (Java regex): every match is one token.") @Default("'\\w+|[^\\w\\s]'")
        String pattern,
    @Doc("Tokens seen fewer times than this in the training part become <unk>.") @Default("1")
        @Positive int minCount,
    @Doc("Longest sentence in tokens; longer ones are cut (0: no limit).") @Default("0") @Min(0)
        int maxTokens,
    @Doc("Fraction of the (non-test) sentences held out for validation; 0 validates on the"
        + " training part (for tiny data that must be fitted).") @Default("0.1") @Min(0)
        @Max(value = 1, exclusive = true) double validation,
    @Doc("Fraction held out for testing when folds is 0.") @Default("0.1") @Min(0)
        @Max(value = 1, exclusive = true) double test,
    @Doc("Number of cross-validation folds; 0 uses the validation/test fractions instead.")
        @Default("0") @Min(0) int folds,
    @Doc("The test fold when folds > 0 (0-based).") @Default("0") @Min(0) int fold)
    implements DataConfig, Checked {

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    try {
      Charset.forName(encoding);
    } catch (IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
      problems.add(Violation.at("encoding", "unknown encoding '" + encoding
          + "' (e.g. UTF-8, ISO-8859-1, windows-1252)"));
    }
    try {
      java.util.regex.Pattern.compile(pattern);
    } catch (java.util.regex.PatternSyntaxException e) {
      problems.add(Violation.at("pattern", "is not a valid regex: " + e.getDescription()));
    }
    if (folds == 1) {
      problems.add(Violation.at("folds", "must be 0 (no cross-validation) or at least 2"));
    }
    if (folds > 1 && fold >= folds) {
      problems.add(Violation.at("fold", "must be below folds (" + folds + "), found " + fold));
    }
    if (folds == 0 && validation + test >= 1) {
      problems.add(Violation.at("test", "validation + test must leave sentences to train on"));
    }
    return problems;
  }

  public Charset charset() {
    return Charset.forName(encoding);
  }
}
