package dev.seq2seq.task.classification;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.task.classification.data.DataException;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
import java.nio.file.Path;

/** The {@code classification} task. */
public final class ClassificationTask implements Task {

  @Override
  public TaskSession<?> train(Recipe recipe, Backend backend) {
    try {
      return ClassificationSession.forTraining(recipe, backend);
    } catch (DataException e) {
      // Bad data is bad input: exit 2 with the message naming the file and line.
      throw new UsageException(e.getMessage());
    }
  }

  @Override
  public TaskSession<?> load(Recipe recipe, Backend backend, Path modelDir) throws IOException {
    try {
      return ClassificationSession.forModel(recipe, backend, modelDir);
    } catch (DataException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
