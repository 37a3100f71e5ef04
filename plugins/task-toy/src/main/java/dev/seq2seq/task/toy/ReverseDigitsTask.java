package dev.seq2seq.task.toy;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code reverse-digits} task. */
public final class ReverseDigitsTask implements Task {

  @Override
  public TaskSession<?> train(Recipe recipe, Backend backend) {
    return new ReverseDigitsSession(recipe, backend);
  }

  @Override
  public TaskSession<?> load(Recipe recipe, Backend backend, Path modelDir) throws IOException {
    Path vocabulary = modelDir.resolve(ReverseDigitsSession.VOCABULARY_FILE);
    if (!Files.isRegularFile(vocabulary)
        || !Files.readString(vocabulary).equals(ReverseDigitsSession.vocabularyJson())) {
      throw new IOException(modelDir + " is not a reverse-digits model: "
          + ReverseDigitsSession.VOCABULARY_FILE + " is missing or different");
    }
    return new ReverseDigitsSession(recipe, backend);
  }
}
