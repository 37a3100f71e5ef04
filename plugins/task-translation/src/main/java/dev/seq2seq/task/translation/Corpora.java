package dev.seq2seq.task.translation;

import dev.seq2seq.data.DatasetResolver;
import dev.seq2seq.task.translation.corpus.ParallelCorpus;
import dev.seq2seq.train.TaskSession.Split;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/** Where a recipe's splits are: the user's files, or the catalogue dataset's. */
final class Corpora {
  private final TranslationDataConfig data;
  private Path datasetFolder; // resolved on first use: inference never needs it

  Corpora(TranslationDataConfig data) {
    this.data = data;
  }

  ParallelCorpus train() {
    ParallelCorpus c = corpus(data.trainFiles(), data.trainSplit());
    return data.trainLimit() > 0 ? c.limit(data.trainLimit()) : c;
  }

  ParallelCorpus held(Split split) {
    if (split == Split.TEST) {
      return corpus(data.testFiles(), data.testSplit());
    }
    ParallelCorpus c = corpus(data.validationFiles(), data.validationSplit());
    return data.validationLimit() > 0 ? c.limit(data.validationLimit()) : c;
  }

  private ParallelCorpus corpus(List<Path> files, String split) {
    Charset charset = Charset.forName(data.encoding());
    if (data.usesFiles()) {
      ParallelCorpus c = files.size() == 1
          ? ParallelCorpus.tsv(files.get(0))
          : ParallelCorpus.lines(files.get(0), files.get(1));
      return c.withCharset(charset);
    }
    if (datasetFolder == null) {
      datasetFolder = DatasetResolver.system().resolve(data.dataset()).folder();
    }
    return ParallelCorpus.lines(
            datasetFolder.resolve(split + "." + data.sourceLanguage() + ".gz"),
            datasetFolder.resolve(split + "." + data.targetLanguage() + ".gz"))
        .withCharset(charset);
  }
}
