package dev.seq2seq.command;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.train.TaskSession;
import java.nio.file.Path;

/**
 * A trained model package opened for inference: its recipe, the backend it runs on and the task
 * session holding the trained weights. Closing it closes the backend.
 *
 * @param dir the model folder ({@code <run>/model})
 * @param taskName the registered name of the recipe's task
 */
public record LoadedModel(
    Path dir, String taskName, Recipe recipe, Backend backend, TaskSession<?> session)
    implements AutoCloseable {

  /**
   * The session as the type a command needs, or a usage error naming the model folder and its
   * actual task (for example {@code translate} pointed at a speech model).
   *
   * @param command the command asking, for the message
   */
  public <T> T session(Class<T> type, String command) {
    if (!type.isInstance(session)) {
      throw new UsageException(
          dir + " holds a '" + taskName + "' model, which " + command + " cannot use");
    }
    return type.cast(session);
  }

  @Override
  public void close() {
    backend.close();
  }
}
