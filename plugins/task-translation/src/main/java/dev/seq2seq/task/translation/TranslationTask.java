package dev.seq2seq.task.translation;

import com.google.inject.Inject;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.data.DatasetException;
import dev.seq2seq.metric.CorpusMetric;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.task.translation.corpus.CorpusException;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The {@code translation} task. */
public final class TranslationTask implements Task {
  private final Map<String, CorpusMetric> metrics;

  @Inject
  TranslationTask(Map<String, CorpusMetric> metrics) {
    this.metrics = metrics;
  }

  @Override
  public TaskSession<?> train(Recipe recipe, Backend backend) {
    try {
      return TranslationSession.train(recipe, backend, metrics);
    } catch (CorpusException | DatasetException e) {
      // Bad or missing data is the user's to fix: a usage error naming the file and line.
      throw new UsageException(e.getMessage());
    }
  }

  @Override
  public TaskSession<?> load(Recipe recipe, Backend backend, Path modelDir) throws IOException {
    return TranslationSession.load(recipe, backend, metrics, modelDir);
  }
}
