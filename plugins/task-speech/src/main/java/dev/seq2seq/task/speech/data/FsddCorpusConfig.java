package dev.seq2seq.task.speech.data;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Max;
import dev.seq2seq.recipe.config.Min;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

@Doc("Isolated spoken digits from the `fsdd` catalogue entry, transcribed as words (\"seven\")."
    + " The official split: takes 0-4 of every speaker and digit are the test set, 5-49 training;"
    + " validation holds out the first `validation_takes` training takes.")
public record FsddCorpusConfig(
    @Doc("Recordings folder; left out: the `fsdd` catalogue entry (SEQ2SEQ_DATA mirror, cache or"
        + " download).") @Default("\"\"") String folder,
    @Doc("Training takes (5, 6, ...) held out for validation; 0 validates on the training takes 5-9"
        + " (still trained on).") @Default("0") @Min(0) @Max(44) int validationTakes)
    implements CorpusConfig {

  @Override
  public Corpus load(Supplier<Path> fsdd, long seed) throws IOException {
    List<FsddRecording> all = FsddRecording.list(folder.isEmpty() ? fsdd.get() : Path.of(folder));
    int firstTrain = FsddRecording.FIRST_TRAIN_INDEX + validationTakes;
    int validationEnd = FsddRecording.FIRST_TRAIN_INDEX + (validationTakes == 0 ? 5 : validationTakes);
    List<Utterance> train = new ArrayList<>();
    List<Utterance> validation = new ArrayList<>();
    List<Utterance> test = new ArrayList<>();
    for (FsddRecording r : all) {
      if (r.isTest()) {
        test.add(r.utterance());
        continue;
      }
      if (r.index() >= firstTrain) {
        train.add(r.utterance());
      }
      if (r.index() < validationEnd) {
        validation.add(r.utterance());
      }
    }
    return new Corpus(train, validation, test);
  }
}
