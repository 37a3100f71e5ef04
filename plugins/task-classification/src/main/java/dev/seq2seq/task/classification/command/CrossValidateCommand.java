package dev.seq2seq.task.classification.command;

import com.google.inject.Inject;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendProvider;
import dev.seq2seq.command.ExitCode;
import dev.seq2seq.command.Json;
import dev.seq2seq.command.LoadedModel;
import dev.seq2seq.command.ModelLoader;
import dev.seq2seq.command.TaskCommand;
import dev.seq2seq.command.TaskLookup;
import dev.seq2seq.command.UsageException;
import dev.seq2seq.recipe.Recipe;
import dev.seq2seq.recipe.RecipeException;
import dev.seq2seq.recipe.RecipeLoader;
import dev.seq2seq.task.classification.ClassificationDataConfig;
import dev.seq2seq.task.classification.ClassificationSession;
import dev.seq2seq.task.classification.metrics.Confusion;
import dev.seq2seq.train.PlotsHook;
import dev.seq2seq.train.Task;
import dev.seq2seq.train.TaskSession;
import dev.seq2seq.train.TrainResult;
import dev.seq2seq.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code seq2seq cross-validate RECIPE}: k-fold cross-validation of a classification recipe. Fold
 * k trains an ordinary run (with {@code data.folds=K, data.fold=k}) into {@code OUT/fold-k}, then
 * scores its best model on the held-out fold. A fold already scored is read back and a fold
 * interrupted mid-training resumes from its checkpoints, so the command can be run again until
 * every fold is done.
 */
@Command(
    name = "cross-validate",
    mixinStandardHelpOptions = true,
    description = {
      "k-fold cross-validation of a classification recipe: train on k-1 folds, test on the",
      "held-out one, for every fold; prints each fold's accuracy and macro-F1, their mean and",
      "standard deviation, and the summed confusion matrix. Run it again to resume."
    })
public final class CrossValidateCommand implements Callable<Integer>, TaskCommand {
  static final String FOLD_RESULT = "test-metrics.json";
  static final String SUMMARY = "cross-validation.json";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RecipeLoader loader;
  private final Map<String, BackendProvider> backends;
  private final Map<String, Task> tasks;
  private final ModelLoader models;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RECIPE", description = "A classification recipe.")
  Path recipeFile;

  @Option(names = "--folds", paramLabel = "K",
      description = "Number of folds (default: the recipe's data.folds, else 10).")
  Integer folds;

  @Option(names = "--only", paramLabel = "FOLD", split = ",",
      description = "Run only these folds (0-based, comma-separated); the summary covers the"
          + " folds done so far.")
  List<Integer> only = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder of the fold runs (default: runs/<recipe name>-cv/<timestamp>).")
  Path out;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a recipe key for every fold (repeatable; VALUE is YAML).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--json", description = "End with the summary as one JSON line.")
  boolean json;

  @Inject
  CrossValidateCommand(RecipeLoader loader, Map<String, BackendProvider> backends,
      Map<String, Task> tasks, ModelLoader models) {
    this.loader = loader;
    this.backends = backends;
    this.tasks = tasks;
    this.models = models;
  }

  /** One fold's outcome. */
  record FoldResult(int fold, Map<String, Double> metrics, List<String> labels, long steps,
      double seconds) {}

  @Override
  public Integer call() throws IOException {
    Recipe base = load(overrides);
    if (!(base.data() instanceof ClassificationDataConfig data)) {
      throw new UsageException(recipeFile + " is not a classification recipe; cross-validate"
          + " needs task: {type: classification}");
    }
    int k = folds != null ? folds : data.folds() > 0 ? data.folds() : 10;
    if (k < 2) {
      throw new UsageException("--folds must be at least 2, got " + k);
    }
    TreeSet<Integer> selected = new TreeSet<>(only);
    for (int f : selected) {
      if (f < 0 || f >= k) {
        throw new UsageException("--only " + f + ": folds are numbered 0.." + (k - 1));
      }
    }
    if (selected.isEmpty()) {
      for (int f = 0; f < k; f++) {
        selected.add(f);
      }
    }
    Path dir = out != null ? out
        : Path.of("runs", base.name() + "-cv", STAMP.format(LocalDateTime.now()));
    Files.createDirectories(dir);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (int f : selected) {
      FoldResult r = runFold(dir, k, f, err);
      stdout.printf("fold %d/%d: accuracy %.4f  macro_f1 %.4f  loss %.4f  (%d steps, %.0f s)%n",
          f, k, r.metrics().get("accuracy"), r.metrics().get("macro_f1"),
          r.metrics().get("loss"), r.steps(), r.seconds());
      stdout.flush();
    }
    // The summary covers every fold scored in the folder, including earlier invocations'.
    List<FoldResult> done = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      Path result = dir.resolve("fold-" + f).resolve(FOLD_RESULT);
      if (Files.isRegularFile(result)) {
        done.add(read(result));
      }
    }
    Map<String, Object> summary = summarize(done, k);
    stdout.printf("%d of %d folds: accuracy %.4f ± %.4f  macro_f1 %.4f ± %.4f  (mean ± sd)%n",
        done.size(), k, summary.get("accuracy_mean"), summary.get("accuracy_sd"),
        summary.get("macro_f1_mean"), summary.get("macro_f1_sd"));
    stdout.print(confusion(done).table());
    summary.put("out", dir.toString());
    Files.writeString(dir.resolve(SUMMARY), Json.write(summary) + "\n");
    if (json) {
      stdout.println(Json.write(summary));
    }
    return done.size() == k ? ExitCode.OK : ExitCode.PARTIAL;
  }

  private FoldResult runFold(Path dir, int k, int fold, PrintWriter err) throws IOException {
    Path foldDir = dir.resolve("fold-" + fold);
    Path result = foldDir.resolve(FOLD_RESULT);
    if (Files.isRegularFile(result)) {
      err.println("seq2seq cross-validate: fold " + fold + " already done (" + result + ")");
      return read(result);
    }
    List<String> foldOverrides = new ArrayList<>(overrides);
    foldOverrides.add("data.folds=" + k);
    foldOverrides.add("data.fold=" + fold);
    Recipe recipe = load(foldOverrides);
    boolean resume = Files.isDirectory(foldDir.resolve("checkpoints"))
        && !isEmpty(foldDir.resolve("checkpoints"));
    long started = System.nanoTime();
    TrainResult trained;
    Task task = TaskLookup.task(recipe, loader.configTypes(), tasks);
    try (Backend backend = TaskLookup.backend(recipe, backends)) {
      trained = new Trainer(recipe, loader.print(recipe), task.train(recipe, backend),
          new Trainer.Options(foldDir, resume, err, false), PlotsHook.NONE).run();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Double> metrics;
    List<String> labels;
    try (LoadedModel model = models.load(foldDir.resolve("model"), List.of())) {
      ClassificationSession session = model.session(ClassificationSession.class, "cross-validate");
      metrics = session.metrics(TaskSession.Split.TEST);
      labels = session.labels();
    }
    FoldResult r = new FoldResult(fold, metrics, labels, trained.steps(), seconds);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("fold", fold);
    record.put("folds", k);
    record.put("steps", trained.steps());
    record.put("seconds", seconds);
    record.put("labels", labels);
    record.put("metrics", metrics);
    Files.writeString(result, Json.write(record) + "\n");
    return r;
  }

  private Recipe load(List<String> keys) throws IOException {
    try {
      return loader.load(recipeFile, keys);
    } catch (RecipeException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static FoldResult read(Path file) throws IOException {
    JsonNode node = JSON.readTree(Files.readString(file));
    Map<String, Double> metrics = new LinkedHashMap<>();
    node.get("metrics").properties().forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
    List<String> labels = new ArrayList<>();
    node.get("labels").forEach(l -> labels.add(l.asString()));
    return new FoldResult(node.get("fold").asInt(), metrics, labels, node.get("steps").asLong(),
        node.get("seconds").asDouble());
  }

  /** Mean and sample standard deviation of accuracy and macro-F1 over the folds done. */
  static Map<String, Object> summarize(List<FoldResult> done, int k) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("folds", k);
    s.put("folds_done", done.size());
    for (String metric : List.of("accuracy", "macro_f1")) {
      double[] values = done.stream().mapToDouble(r -> r.metrics().get(metric)).toArray();
      double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
      double ss = 0;
      for (double v : values) {
        ss += (v - mean) * (v - mean);
      }
      s.put(metric + "_mean", mean);
      s.put(metric + "_sd", values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : Double.NaN);
      s.put(metric + "_per_fold", values);
    }
    s.put("steps", done.stream().mapToLong(FoldResult::steps).sum());
    s.put("seconds", done.stream().mapToDouble(FoldResult::seconds).sum());
    return s;
  }

  /** The folds' confusion matrices added up (every sentence is tested exactly once). */
  static Confusion confusion(List<FoldResult> done) {
    if (done.isEmpty()) {
      return new Confusion(List.of());
    }
    List<String> labels = done.get(0).labels();
    Confusion sum = new Confusion(labels);
    for (FoldResult r : done) {
      Confusion c = new Confusion(r.labels());
      for (int g = 0; g < labels.size(); g++) {
        for (int p = 0; p < labels.size(); p++) {
          Double v = r.metrics().get("confusion." + labels.get(g) + "." + labels.get(p));
          if (v != null) {
            c.add(g, p, v.longValue());
          }
        }
      }
      sum.addAll(c);
    }
    return sum;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
