package dev.seq2seq.task.speech.data;

import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import dev.seq2seq.recipe.config.Positive;
import dev.seq2seq.recipe.config.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

@Doc("Connected digits generated from FSDD: 2-7 recordings of one speaker joined by short random"
    + " silences, transcribed as words (\"three one four\"). Training sequences use training"
    + " recordings only, test sequences test recordings only (the official split); validation"
    + " sequences come from the training takes held out by `validation_takes`. Regenerated from the"
    + " recipe seed, never stored.")
public record ConnectedCorpusConfig(
    @Doc("Recordings folder; left out: the `fsdd` catalogue entry.") @Default("\"\"") String folder,
    @Doc("Training sequences (one epoch).") @Default("4000") @Positive int trainSequences,
    @Doc("Validation sequences.") @Default("200") @Positive int validationSequences,
    @Doc("Test sequences.") @Default("500") @Positive int testSequences,
    @Doc("Fewest digits per sequence.") @Default("2") @Positive int minDigits,
    @Doc("Most digits per sequence.") @Default("7") @Positive @Max(50) int maxDigits,
    @Doc("Shortest silence before, between and after digits, milliseconds.") @Default("30") @Min(0) double minGapMs,
    @Doc("Longest silence, milliseconds.") @Default("250") @Min(0) double maxGapMs,
    @Doc("Training takes (5, 6, ...) held out to build validation sequences from; 0 validates on"
        + " the first validation_sequences training sequences (still trained on).") @Default("3")
        @Min(0) @Max(40) int validationTakes)
    implements CorpusConfig, Checked {

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    if (maxDigits < minDigits) {
      problems.add(Violation.at("max_digits", "must be >= min_digits (" + minDigits + ")"));
    }
    if (maxGapMs < minGapMs) {
      problems.add(Violation.at("max_gap_ms", "must be >= min_gap_ms (" + minGapMs + ")"));
    }
    return problems;
  }

  public ConnectedDigits.Shape shape() {
    return new ConnectedDigits.Shape(minDigits, maxDigits, minGapMs, maxGapMs);
  }

  @Override
  public Corpus load(Supplier<Path> fsdd, long seed) throws IOException {
    List<FsddRecording> all = FsddRecording.list(folder.isEmpty() ? fsdd.get() : Path.of(folder));
    int firstTrain = FsddRecording.FIRST_TRAIN_INDEX + validationTakes;
    List<FsddRecording> train = new ArrayList<>();
    List<FsddRecording> validation = new ArrayList<>();
    List<FsddRecording> test = new ArrayList<>();
    for (FsddRecording r : all) {
      (r.isTest() ? test : r.index() < firstTrain ? validation : train).add(r);
    }
    // One generator per split, so changing one split's size leaves the others as they were.
    SplittableRandom root = new SplittableRandom(seed);
    long trainSeed = root.nextLong();
    long validationSeed = root.nextLong();
    long testSeed = root.nextLong();
    List<Utterance> trainSet = ConnectedDigits.generate(train, trainSequences, shape(), trainSeed, "train");
    List<Utterance> validationSet = validationTakes == 0
        ? trainSet.subList(0, Math.min(validationSequences, trainSet.size()))
        : ConnectedDigits.generate(validation, validationSequences, shape(), validationSeed, "validation");
    return new Corpus(trainSet, validationSet,
        ConnectedDigits.generate(test, testSequences, shape(), testSeed, "test"));
  }
}
