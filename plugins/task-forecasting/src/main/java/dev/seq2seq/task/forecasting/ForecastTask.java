package dev.seq2seq.task.forecasting;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.data.UnknownDatasetException;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.task.forecasting.data.SeriesException;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
import java.nio.file.Path;

/** The {@code forecasting} task. */
public final class ForecastTask implements Task {

  @Override
  public TaskSession<?> train(Recipe recipe, Backend backend) throws IOException {
    try {
      return ForecastSession.forTraining(recipe, backend);
    } catch (SeriesException | UnknownDatasetException e) {
      // Bad input, reported like a bad recipe: the message, exit code 2.
      throw new UsageException(e.getMessage());
    }
  }

  @Override
  public TaskSession<?> load(Recipe recipe, Backend backend, Path modelDir) throws IOException {
    return ForecastSession.forModel(recipe, backend, modelDir);
  }
}
