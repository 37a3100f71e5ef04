package dev.seq2seq.command;

import com.google.inject.Inject;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.RecipeException;
import dev.seq2seq.recipe.RecipeLoader;
import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TaskSession;
import dev.seq2seq.weights.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Opens a model folder written by {@code seq2seq train} ({@code recipe.yaml}, {@code
 * weights.safetensors} and the task's extras) for inference commands.
 */
public final class ModelLoader {
  public static final String RECIPE_FILE = "recipe.yaml";
  public static final String WEIGHTS_FILE = "weights.safetensors";

  private final RecipeLoader recipes;
  private final Map<String, BackendProvider> backends;
  private final Map<String, Task> tasks;

  @Inject
  ModelLoader(RecipeLoader recipes, Map<String, BackendProvider> backends, Map<String, Task> tasks) {
    this.recipes = recipes;
    this.backends = backends;
    this.tasks = tasks;
  }

  /**
   * Loads the model in {@code modelDir}; {@code overrides} are {@code KEY=VALUE} recipe overrides
   * (for example {@code backend.threads=2}).
   *
   * @throws UsageException when the folder is not a model folder or its recipe is invalid
   */
  public LoadedModel load(Path modelDir, List<String> overrides) throws IOException {
    Path recipeFile = modelDir.resolve(RECIPE_FILE);
    if (!Files.isDirectory(modelDir)) {
      throw new UsageException(modelDir + ": no such model folder");
    }
    if (!Files.isRegularFile(recipeFile) || !Files.isRegularFile(modelDir.resolve(WEIGHTS_FILE))) {
      throw new UsageException(modelDir + " is not a model folder (" + RECIPE_FILE + " and "
          + WEIGHTS_FILE + " expected; seq2seq train writes one as <run>/model)");
    }
    Recipe recipe;
    try {
      recipe = recipes.load(recipeFile, overrides);
    } catch (RecipeException e) {
      throw new UsageException(e.getMessage());
    }
    Task task = TaskLookup.task(recipe, recipes.configTypes(), tasks);
    String taskName = taskName(recipe);
    Backend backend = TaskLookup.backend(recipe, backends);
    try {
      TaskSession<?> session = task.load(recipe, backend, modelDir);
      Weights.load(modelDir.resolve(WEIGHTS_FILE), session.parameters());
      return new LoadedModel(modelDir, taskName, recipe, backend, session);
    } catch (IOException | RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  private String taskName(Recipe recipe) {
    return recipes.configTypes().typesOf(TaskConfig.class).entrySet().stream()
        .filter(e -> e.getValue() == recipe.task().getClass())
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("?");
  }
}
