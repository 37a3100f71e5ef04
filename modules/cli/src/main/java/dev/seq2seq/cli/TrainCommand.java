package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.command.Json;
import dev.seq2seq.command.TaskLookup;
import com.google.inject.Inject;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.RecipeException;
import dev.seq2seq.recipe.RecipeLoader;
import dev.seq2seq.plot.TrainingPlots;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TrainResult;
import dev.seq2seq.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seq2seq train RECIPE}: trains a model into a run folder. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the model a recipe describes. The run folder holds the resolved recipe,",
      "metrics.jsonl, train.log, checkpoints/ and model/ (what inference needs). The last",
      "line on stdout is a JSON summary. Ctrl-C (SIGINT) or SIGTERM stops after the current",
      "step, saves a checkpoint and model/, and exits 130 or 143 (continue with --resume);",
      "a second one stops at once."
    })
final class TrainCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final RecipeLoader loader;
  private final Map<String, BackendProvider> backends;
  private final Map<String, Task> tasks;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RECIPE", description = "The recipe (YAML) file.")
  Path recipeFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a key, e.g. --set train.batch_size=64 (repeatable; VALUE is YAML).")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "The run folder (default: runs/<recipe name>/<timestamp>).")
  Path out;

  @Option(
      names = "--resume",
      description = "Continue the run in --out from its latest checkpoint, exactly where it stopped.")
  boolean resume;

  @Inject
  TrainCommand(
      RecipeLoader loader, Map<String, BackendProvider> backends, Map<String, Task> tasks) {
    this.loader = loader;
    this.backends = backends;
    this.tasks = tasks;
  }

  @Override
  public Integer call() throws IOException {
    if (resume && out == null) {
      throw new UsageException("--resume needs --out DIR, the run folder to continue");
    }
    Recipe recipe;
    try {
      recipe = loader.load(recipeFile, overrides);
    } catch (RecipeException e) {
      spec.commandLine().getErr().println("seq2seq train: " + e.getMessage());
      return ExitCode.USAGE;
    }
    Task task = TaskLookup.task(recipe, loader.configTypes(), tasks);
    Path dir = out != null ? out
        : Path.of("runs", recipe.name(), STAMP.format(LocalDateTime.now()));
    PrintWriter err = spec.commandLine().getErr();
    // Redraw one progress line on a terminal; log plain lines when piped or captured.
    boolean interactive = System.console() != null;
    try (StopSignals signals = new StopSignals("train", err);
        Backend backend = TaskLookup.backend(recipe, backends)) {
      Trainer trainer = new Trainer(
          recipe,
          loader.print(recipe),
          task.train(recipe, backend),
          new Trainer.Options(dir, resume, err, interactive, signals::requested),
          (metrics, plots) -> {
            // Curves are a convenience: a run whose plots fail has still trained and saved.
            try {
              TrainingPlots.write(metrics, plots);
            } catch (IOException | RuntimeException e) {
              err.println("seq2seq train: warning: plots not written: " + e.getMessage());
            }
          });
      TrainResult result = trainer.run();
      spec.commandLine().getOut().println(Json.write(result.summary()));
      if (result.stopped().equals(Trainer.INTERRUPTED)) {
        return signals.exitCode();
      }
    }
    return ExitCode.OK;
  }
}
