package dev.seq2seq.task.speech;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.data.DatasetResolver;
import dev.seq2seq.metric.CorpusMetric;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.task.speech.data.Corpus;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TaskSession;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/** The {@code speech} task: CTC acoustic models from audio corpora. */
public final class SpeechTask implements Task {
  private final Map<String, CorpusMetric> metrics;

  @Inject
  SpeechTask(Map<String, CorpusMetric> metrics) {
    this.metrics = metrics;
  }

  @Override
  public TaskSession<?> train(Recipe recipe, Backend backend) throws IOException {
    SpeechSession session = new SpeechSession(recipe, backend, metrics, corpus(recipe), null);
    try {
      session.prepareTraining();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return session;
  }

  @Override
  public TaskSession<?> load(Recipe recipe, Backend backend, Path modelDir) throws IOException {
    SpeechDataConfig data = (SpeechDataConfig) recipe.data();
    return new SpeechSession(recipe, backend, metrics, corpus(recipe), ModelExtras.read(modelDir, data,
        ((SpeechTaskConfig) recipe.task()).outputUnits()));
  }

  /** The recipe's corpus, listed once on first use. */
  private static Supplier<Corpus> corpus(Recipe recipe) {
    SpeechDataConfig data = (SpeechDataConfig) recipe.data();
    Supplier<Path> fsdd = () -> DatasetResolver.system().resolve("fsdd").folder().resolve("recordings");
    return new Supplier<>() {
      private Corpus listed;

      @Override
      public synchronized Corpus get() {
        if (listed == null) {
          try {
            listed = data.corpus().load(fsdd, recipe.seed());
          } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
          }
        }
        return listed;
      }
    };
  }
}
