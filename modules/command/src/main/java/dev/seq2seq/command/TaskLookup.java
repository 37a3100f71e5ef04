package dev.seq2seq.command;

import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.ConfigTypes;
import dev.seq2seq.train.Task;
import java.util.Map;

/** Finds a recipe's task and backend in the registries, by their short names. */
public final class TaskLookup {
  private TaskLookup() {}

  public static Task task(Recipe recipe, ConfigTypes types, Map<String, Task> tasks) {
    String name =
        types.typesOf(TaskConfig.class).entrySet().stream()
            .filter(e -> e.getValue() == recipe.task().getClass())
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new UsageException("the recipe's task has no registered name"));
    Task task = tasks.get(name);
    if (task == null) {
      throw new UsageException("task '" + name + "' has recipe sections but cannot be trained"
          + " (no plugin registers a task under that name; see seq2seq plugins)");
    }
    return task;
  }

  public static Backend backend(Recipe recipe, Map<String, BackendProvider> backends) {
    BackendProvider provider = backends.get(recipe.backend().type());
    if (provider == null) {
      throw new UsageException("unknown backend '" + recipe.backend().type() + "'");
    }
    return provider.create(recipe.backend().options());
  }
}
