package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.Json;
import dev.seq2seq.command.LoadedModel;
import dev.seq2seq.command.ModelLoader;
import com.google.inject.Inject;
import dev.seq2seq.train.TaskSession;
import java.io.IOException;
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
  private final ModelLoader models;

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
  EvaluateCommand(ModelLoader models) {
    this.models = models;
  }

  @Override
  public Integer call() throws IOException {
    try (LoadedModel model = models.load(modelDir, overrides)) {
      Map<String, Double> metrics = model.session().metrics(split);
      Map<String, String> signatures = model.session().metricSignatures();
      if (json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", modelDir.toString());
        out.put("split", split.name().toLowerCase(java.util.Locale.ROOT));
        out.putAll(metrics);
        if (!signatures.isEmpty()) {
          out.put("signatures", new LinkedHashMap<>(signatures));
        }
        spec.commandLine().getOut().println(Json.write(out));
      } else {
        metrics.forEach((k, v) -> spec.commandLine().getOut().printf("%-12s %.6f%s%n", k, v,
            signatures.containsKey(k) ? "  " + signatures.get(k) : ""));
      }
    }
    return ExitCode.OK;
  }
}
