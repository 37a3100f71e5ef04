package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives {@code seq2seq train} and {@code evaluate} in-process on the reverse-digits task. */
class TrainCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path RECIPE =
      Path.of(System.getProperty("seq2seq.project.root", "../.."), "recipes/toy/reverse-digits.yaml");

  /** A tiny version of the recipe: small model, few short sequences, one thread. */
  private static final List<String> TINY = List.of(
      "--set", "backend.threads=1",
      "--set", "data.min_length=2", "--set", "data.max_length=4",
      "--set", "data.train_examples=64", "--set", "data.validation_examples=32",
      "--set", "data.test_examples=32",
      "--set", "model.embedding=16", "--set", "model.hidden=32",
      "--set", "train.batch_size=16",
      "--set", "train.optimizer={type: adam, lr: 0.01}",
      "--set", "train.schedule={type: constant}");

  @TempDir Path dir;

  record Outcome(int code, String out, String err) {
    JsonNode summary() {
      String[] lines = out.strip().split("\n");
      return JSON.readTree(lines[lines.length - 1]);
    }
  }

  static Outcome seq2seq(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  static List<String> train(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("train", RECIPE.toString(), "--out", out.toString()));
    args.addAll(TINY);
    for (String s : more) {
      args.add(s);
    }
    return args;
  }

  @Test
  void aRunShorterThanOneLogIntervalStillReportsItsTrainingLoss() {
    Outcome outcome = seq2seq(train(dir.resolve("short"),
        "--set", "train.max_steps=3", "--set", "train.log_every=50",
        "--set", "train.validate_every=100"));
    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.summary().get("train_loss").asDouble()).isFinite().isPositive();
  }

  @Test
  void overfitsTheToyTaskAndWritesTheRunFolder() throws IOException {
    Path run = dir.resolve("run");
    Outcome outcome = seq2seq(train(run,
        "--set", "train.max_steps=300", "--set", "train.validate_every=100",
        "--set", "train.log_every=20", "--set", "train.early_stopping={metric: loss}",
        "--set", "train.clip_norm=1.0"));

    assertThat(outcome.code()).as(outcome.err()).isZero();
    JsonNode summary = outcome.summary();
    assertThat(summary.get("out").asString()).isEqualTo(run.toString());
    assertThat(summary.get("steps").asLong()).isEqualTo(300);
    assertThat(summary.get("stopped").asString()).isEqualTo("max_steps");
    // 64 training sequences, 300 steps: the model must memorise them.
    assertThat(summary.get("train_loss").asDouble()).isLessThan(0.1);
    assertThat(summary.has("final_exact_match")).isTrue();

    assertThat(run.resolve("recipe.yaml")).content().contains("type: reverse-digits");
    assertThat(run.resolve("train.log")).content().contains("checkpoint");
    List<JsonNode> metrics = metrics(run);
    assertThat(metrics).filteredOn(m -> m.get("kind").asString().equals("train")).hasSize(15);
    assertThat(metrics).filteredOn(m -> m.get("kind").asString().equals("validation")).hasSize(3);
    try (Stream<Path> files = Files.list(run.resolve("model"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("weights.safetensors", "recipe.yaml", "vocabulary.json");
    }
    // keep_best: 2 in the recipe, plus the latest when it is not among them.
    assertThat(Files.list(run.resolve("checkpoints")).count()).isBetween(1L, 3L);
    // Curves drawn from metrics.jsonl: the loss, and each validation metric of the task.
    assertThat(run.resolve("plots/loss.png")).isNotEmptyFile();
    assertThat(run.resolve("plots/valid_exact_match.png")).isNotEmptyFile();

    Outcome evaluated = seq2seq(List.of("evaluate", run.resolve("model").toString(), "--json"));
    assertThat(evaluated.code()).as(evaluated.err()).isZero();
    JsonNode scores = evaluated.summary();
    assertThat(scores.get("split").asString()).isEqualTo("test");
    assertThat(scores.get("loss").asDouble()).isFinite();
    assertThat(scores.get("exact_match").asDouble()).isBetween(0.0, 1.0);

    // --split as the help text writes it, in lower case.
    Outcome validation = seq2seq(
        List.of("evaluate", run.resolve("model").toString(), "--split", "validation", "--json"));
    assertThat(validation.code()).as(validation.err()).isZero();
    assertThat(validation.summary().get("split").asString()).isEqualTo("validation");
  }

  @Test
  void resumingRepeatsAnUninterruptedRunBitForBit() throws IOException {
    String[] common = {"--set", "train.log_every=1", "--set", "train.validate_every=8",
        "--set", "train.checkpoint_every=5",
        "--set", "train.schedule={type: plateau, patience: 0, factor: 0.5}"};
    Path whole = dir.resolve("whole");
    Outcome uninterrupted = seq2seq(train(whole, concat(common, "--set", "train.max_steps=30")));
    assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();

    Path split = dir.resolve("split");
    Outcome first = seq2seq(train(split, concat(common, "--set", "train.max_steps=13")));
    assertThat(first.code()).as(first.err()).isZero();
    List<String> resumeArgs = train(split, concat(common, "--set", "train.max_steps=30"));
    resumeArgs.add("--resume");
    Outcome resumed = seq2seq(resumeArgs);
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resumed at step 13");

    assertThat(trainLosses(split)).hasSize(30).containsExactlyElementsOf(trainLosses(whole));
    assertThat(resumed.summary().get("steps").asLong()).isEqualTo(30);
  }

  @Test
  void aMalformedRecipeExitsWithUsageAndEveryError() {
    Outcome outcome = seq2seq(List.of("train", RECIPE.toString(), "--out", dir.toString(),
        "--set", "train.batch_size=-1", "--set", "model.hidden=33"));
    assertThat(outcome.code()).isEqualTo(ExitCode.USAGE);
    assertThat(outcome.err()).contains("batch_size").contains("hidden");
  }

  @Test
  void resumeNeedsTheRunFolder() {
    Outcome outcome = seq2seq(List.of("train", RECIPE.toString(), "--resume"));
    assertThat(outcome.code()).isEqualTo(ExitCode.USAGE);
    assertThat(outcome.err()).contains("--out");
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }

  @Test
  void sigintStopsAfterTheCurrentStepSavesTheModelAndExits130() throws Exception {
    Path run = dir.resolve("interrupted");
    // Far more steps than the test waits for: only the signal can end this run.
    var training = java.util.concurrent.CompletableFuture.supplyAsync(() -> seq2seq(train(run,
        "--set", "train.max_steps=10000000", "--set", "train.checkpoint_every=20",
        "--set", "train.validate_every=0", "--set", "train.log_every=10")));
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!Files.isDirectory(run.resolve("checkpoints/step-000000020"))) {
      assertThat(training).as("training ended before it was interrupted").isNotDone();
      assertThat(System.nanoTime()).as("no checkpoint within 2 minutes").isLessThan(deadline);
      Thread.sleep(20);
    }
    sun.misc.Signal.raise(new sun.misc.Signal("INT"));
    Outcome outcome = training.get(2, java.util.concurrent.TimeUnit.MINUTES);

    assertThat(outcome.code()).as(outcome.err()).isEqualTo(130);
    assertThat(outcome.err()).contains("SIGINT received").contains("interrupted at step");
    JsonNode summary = outcome.summary();
    assertThat(summary.get("stopped").asString()).isEqualTo("interrupted");
    long steps = summary.get("steps").asLong();
    assertThat(steps).isGreaterThanOrEqualTo(20).isLessThan(10000000);
    assertThat(run.resolve("model/weights.safetensors")).isNotEmptyFile();
    assertThat(run.resolve(String.format("checkpoints/step-%09d", steps))).isDirectory();

    // The run continues from where it was stopped.
    Outcome resumed = seq2seq(train(run, "--resume", "--set", "train.max_steps=" + (steps + 5),
        "--set", "train.checkpoint_every=20", "--set", "train.validate_every=0",
        "--set", "train.log_every=10"));
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resumed at step " + steps);
    assertThat(resumed.summary().get("steps").asLong()).isEqualTo(steps + 5);
  }

  private static List<JsonNode> metrics(Path run) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  /** Every training step's loss, as the exact decimal text written. */
  private static List<String> trainLosses(Path run) throws IOException {
    return metrics(run).stream()
        .filter(m -> m.get("kind").asString().equals("train"))
        .map(m -> m.get("step").asLong() + ":" + m.get("loss").toString())
        .toList();
  }
}
