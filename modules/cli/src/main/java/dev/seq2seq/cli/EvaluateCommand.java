package dev.seq2seq.cli;

import com.google.inject.Inject;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.RecipeException;
import dev.seq2seq.recipe.RecipeLoader;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TaskSession;
import dev.seq2seq.weights.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seq2seq evaluate MODEL_DIR}: scores a trained model package on its test data. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Score a trained model (a run's model/ folder) with its task's metrics.")
final class EvaluateCommand implements Callable<Integer> {
  private final RecipeLoader loader;
  private final Map<String, BackendProvider> backends;
  private final Map<String, Task> tasks;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A run's model/ folder.")
  Path modelDir;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a key of the model's recipe, e.g. --set backend.threads=2.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--split", description = "test (default) or validation.")
  TaskSession.Split split = TaskSession.Split.TEST;

  @Option(names = "--json", description = "Print the metrics as one JSON object.")
  boolean json;

  @Inject
  EvaluateCommand(
      RecipeLoader loader, Map<String, BackendProvider> backends, Map<String, Task> tasks) {
    this.loader = loader;
    this.backends = backends;
    this.tasks = tasks;
  }

  @Override
  public Integer call() throws IOException {
    Path recipeFile = modelDir.resolve("recipe.yaml");
    if (!Files.isRegularFile(recipeFile) || !Files.isRegularFile(modelDir.resolve("weights.safetensors"))) {
      throw new UsageException(modelDir + " is not a model folder (recipe.yaml and"
          + " weights.safetensors expected; seq2seq train writes one as <run>/model)");
    }
    Recipe recipe;
    try {
      recipe = loader.load(recipeFile, overrides);
    } catch (RecipeException e) {
      spec.commandLine().getErr().println("seq2seq evaluate: " + e.getMessage());
      return ExitCode.USAGE;
    }
    Task task = TaskLookup.task(recipe, loader.configTypes(), tasks);
    try (Backend backend = TaskLookup.backend(recipe, backends)) {
      TaskSession<?> session = task.load(recipe, backend, modelDir);
      Weights.load(modelDir.resolve("weights.safetensors"), session.parameters());
      Map<String, Double> metrics = session.metrics(split);
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", modelDir.toString());
        out.put("split", split.name().toLowerCase(java.util.Locale.ROOT));
        out.putAll(metrics);
        spec.commandLine().getOut().println(Json.write(out));
      } else {
        metrics.forEach((k, v) -> spec.commandLine().getOut().printf("%-12s %.6f%n", k, v));
      }
    }
    return ExitCode.OK;
  }
}
