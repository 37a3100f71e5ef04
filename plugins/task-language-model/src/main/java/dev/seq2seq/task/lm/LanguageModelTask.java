package dev.seq2seq.task.lm;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
import java.nio.file.Path;

/** The {@code language-model} task. */
public final class LanguageModelTask implements Task {

  @Override
  public TaskSession<?> train(Recipe recipe, Backend backend) throws IOException {
    return LmSession.forTraining(recipe, backend);
  }

  @Override
  public TaskSession<?> load(Recipe recipe, Backend backend, Path modelDir) throws IOException {
    return LmSession.forModel(recipe, backend, modelDir);
  }
}
