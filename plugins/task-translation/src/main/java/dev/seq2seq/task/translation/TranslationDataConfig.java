package dev.seq2seq.task.translation;

import dev.seq2seq.recipe.DataConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import dev.seq2seq.task.translation.text.TokenizerConfig;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Doc("Parallel text: a catalogue dataset (Multi30K by default, files <split>.<language>.gz) or"
    + " your own files, each split given as two line-aligned files (source, target; plain or gzip)"
    + " or one TSV file (source<TAB>target). Training pairs with an empty side or more than"
    + " max_length tokens on a side are dropped, and the counts reported.")
public record TranslationDataConfig(
    @Doc("Catalogue dataset read when train_files is empty (seq2seq data list).") @Default("multi30k") String dataset,
    @Doc("Source language: the dataset files' suffix.") @Default("de") String sourceLanguage,
    @Doc("Target language: the dataset files' suffix.") @Default("en") String targetLanguage,
    @Doc("The dataset's training split.") @Default("train") String trainSplit,
    @Doc("The dataset's validation split.") @Default("val") String validationSplit,
    @Doc("The dataset's test split (seq2seq evaluate).") @Default("test_2016_flickr") String testSplit,
    @Doc("Your own training data instead of the dataset: [source, target] or [file.tsv].") @Default("[]") List<Path> trainFiles,
    @Doc("Your own validation data, as train_files (required with train_files).") @Default("[]") List<Path> validationFiles,
    @Doc("Your own test data, as train_files (required with train_files).") @Default("[]") List<Path> testFiles,
    @Doc("Text encoding of the files (ASCII-compatible: UTF-8, ISO-8859-1, ...).") @Default("UTF-8") String encoding,
    @Doc("How sentences become tokens, by `type`: word, char or bpe.") @Default("{type: word}") TokenizerConfig tokenizer,
    @Doc("Tokens seen fewer times in the training data become <unk>.") @Default("1") @Positive int minCount,
    @Doc("Largest vocabulary per language, the four specials included.") @Default("50000") @Min(8) int maxVocabulary,
    @Doc("Training pairs with more tokens than this on either side are dropped.") @Default("100") @Positive int maxLength,
    @Doc("Read at most this many training pairs from the start; 0 reads all.") @Default("0") @Min(0) long trainLimit,
    @Doc("Score at most this many validation pairs from the start; 0 scores all.") @Default("0") @Min(0) long validationLimit)
    implements DataConfig, Checked {

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    checkFiles("train_files", trainFiles, problems);
    checkFiles("validation_files", validationFiles, problems);
    checkFiles("test_files", testFiles, problems);
    if (!trainFiles.isEmpty()) {
      if (validationFiles.isEmpty()) {
        problems.add(Violation.at("validation_files", "is required with train_files"));
      }
      if (testFiles.isEmpty()) {
        problems.add(Violation.at("test_files", "is required with train_files"));
      }
    } else if (!validationFiles.isEmpty() || !testFiles.isEmpty()) {
      problems.add(Violation.at("train_files",
          "is required with validation_files/test_files (or leave all three out to read the dataset)"));
    }
    if (trainFiles.isEmpty() && dataset.isBlank()) {
      problems.add(Violation.at("dataset", "is empty: name a dataset or give train_files"));
    }
    if (sourceLanguage.isBlank() || targetLanguage.isBlank()) {
      problems.add(Violation.at("source_language", "source and target languages must be set"));
    }
    try {
      Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      problems.add(Violation.at("encoding", "unknown encoding '" + encoding + "'"));
    }
    return problems;
  }

  private static void checkFiles(String key, List<Path> files, List<Violation> problems) {
    if (files.size() > 2) {
      problems.add(Violation.at(key, "holds " + files.size()
          + " files; give [source, target] (line-aligned) or [file.tsv]"));
    }
  }

  /** Whether the data comes from the recipe's own files rather than the catalogue. */
  public boolean usesFiles() {
    return !trainFiles.isEmpty();
  }
}
