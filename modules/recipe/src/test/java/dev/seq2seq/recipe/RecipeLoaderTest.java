package dev.seq2seq.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.backend.BackendOptions;
import dev.seq2seq.recipe.optim.AdamConfig;
import dev.seq2seq.recipe.optim.ConstantSchedule;
import dev.seq2seq.recipe.optim.SgdConfig;
import dev.seq2seq.recipe.optim.StepSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding and validation: every class of error, with path, file, line and suggestions. */
class RecipeLoaderTest {
  @TempDir Path dir;

  static final String MINIMAL = """
      task: {type: echo}
      data:
        train: train.txt
      model:
        encoder: {hidden: 128}
      train:
        epochs: 3
      """;

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  Recipe load(String text, String... overrides) throws IOException {
    return EchoTask.loader().load(write("exp.yaml", text), List.of(overrides));
  }

  /** The formatted errors of a recipe that must not load. */
  List<String> errors(String text, String... overrides) throws IOException {
    Path file = write("exp.yaml", text);
    try {
      EchoTask.loader().load(file, List.of(overrides));
    } catch (RecipeException e) {
      return e.errors().stream().map(RecipeError::format).toList();
    }
    throw new AssertionError("recipe loaded without errors");
  }

  @Test
  void minimalRecipeGetsEveryDefault() throws IOException {
    Recipe r = load(MINIMAL);
    assertThat(r.name()).isEqualTo("exp");
    assertThat(r.task()).isEqualTo(new EchoTask.Task("de", "en"));
    assertThat(r.backend().options()).isEqualTo(BackendOptions.defaults());
    assertThat(r.backend().type()).isEqualTo("native");
    assertThat(r.seed()).isEqualTo(42);
    EchoTask.Data data = (EchoTask.Data) r.data();
    assertThat(data.train()).isEqualTo(dir.resolve("train.txt"));
    assertThat(data.valid()).isEqualTo(dir.resolve("valid.txt"));
    EchoTask.Model model = (EchoTask.Model) r.model();
    assertThat(model.encoder()).isEqualTo(new EchoTask.Encoder(EchoTask.Cell.GRU, 128, 1, false));
    assertThat(r.train().epochs()).isEqualTo(3);
    assertThat(r.train().maxSteps()).isNull();
    assertThat(r.train().batchBy()).isEqualTo(TrainConfig.BatchBy.SENTENCES);
    assertThat(r.train().optimizer()).isEqualTo(new AdamConfig(0.001, 0.9, 0.999, 1e-8, 0));
    assertThat(r.train().schedule()).isEqualTo(new ConstantSchedule(0));
    assertThat(r.train().earlyStopping().mode()).isEqualTo(EarlyStoppingConfig.Mode.MIN);
    assertThat(r.decode().beamSize()).isEqualTo(5);
    assertThat(r.evaluate().metrics()).isEmpty();
  }

  @Test
  void polymorphicSectionsBindTheRegisteredRecord() throws IOException {
    Recipe r = load(MINIMAL + """
          optimizer: {type: sgd, lr: 0.5, momentum: 0.9, nesterov: true}
          schedule: {type: step, step_size: 100, warmup_steps: 10}
          batch_by: tokens
          batch_size: 4096
        backend: {device: cpu, threads: 2}
        evaluate: {metrics: [bleu, chrf]}
        """);
    assertThat(r.train().optimizer()).isEqualTo(new SgdConfig(0.5, 0.9, true, 0));
    assertThat(r.train().schedule()).isEqualTo(new StepSchedule(10, 100, 0.5));
    assertThat(r.train().batchBy()).isEqualTo(TrainConfig.BatchBy.TOKENS);
    assertThat(r.backend().options()).isEqualTo(new BackendOptions(BackendOptions.Device.CPU, 2));
    assertThat(r.evaluate().metrics()).containsExactly("bleu", "chrf");
  }

  @Test
  void shorthandTypeNameUsesTheTypesDefaults() throws IOException {
    Recipe r = load(MINIMAL + "  optimizer: adamw\n");
    assertThat(r.train().optimizer().lr()).isEqualTo(0.001);
  }

  @Test
  void unknownKeyHasPathLineAndSuggestion() throws IOException {
    assertThat(errors(MINIMAL + "  bach_size: 32\n"))
        .containsExactly("train.bach_size: unknown key (did you mean 'batch_size'?); expected one of: "
            + "epochs, max_steps, batch_size, batch_by, bucketing, optimizer, schedule, clip_norm, "
            + "validate_every, early_stopping, keep_best, log_every, checkpoint_every ("
            + dir.resolve("exp.yaml") + ", line 8)");
  }

  @Test
  void unknownKeyInsideATaskRecordAndAtTopLevel() throws IOException {
    List<String> errors = errors(MINIMAL.replace("{hidden: 128}", "{hiden: 128}") + "sed: 1\n");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).startsWith("model.encoder.hiden: unknown key (did you mean 'hidden'?)")
        .endsWith("exp.yaml, line 5)");
    assertThat(errors.get(1)).startsWith("sed: unknown key (did you mean 'seed'?)")
        .endsWith("line 8)");
  }

  @Test
  void wrongTypeNamesExpectedTypeAndFoundValue() throws IOException {
    assertThat(errors(MINIMAL.replace("epochs: 3", "epochs: three")))
        .singleElement().asString()
        .startsWith("train.epochs: expected an integer, found 'three' (").endsWith("line 7)");
    assertThat(errors(MINIMAL + "  bucketing: 1\n")).singleElement().asString()
        .startsWith("train.bucketing: expected true or false, found 1");
    assertThat(errors(MINIMAL.replace("{hidden: 128}", "[128]"))).singleElement().asString()
        .startsWith("model.encoder: expected a map, found a list");
    assertThat(errors(MINIMAL + "evaluate: {metrics: bleu}\n")).singleElement().asString()
        .startsWith("evaluate.metrics: expected a list, found 'bleu'");
  }

  @Test
  void outOfRangeValues() throws IOException {
    assertThat(errors(MINIMAL.replace("hidden: 128", "hidden: 0"))).singleElement().asString()
        .isEqualTo("model.encoder.hidden: must be > 0, found 0 (" + dir.resolve("exp.yaml")
            + ", line 5)");
    assertThat(errors(MINIMAL + "  optimizer: {type: adam, beta1: 1.0}\n")).singleElement()
        .asString().startsWith("train.optimizer.beta1: must be < 1, found 1.0");
    assertThat(errors(MINIMAL + "backend: {threads: -1}\n")).singleElement().asString()
        .startsWith("backend.threads: must be >= 0, found -1");
    assertThat(errors(MINIMAL.replace("epochs: 3", "epochs: 3000000000"))).singleElement()
        .asString().startsWith("train.epochs: must be between");
  }

  @Test
  void missingRequiredValues() throws IOException {
    List<String> errors = errors("""
        data: {}
        train: {}
        """);
    assertThat(errors).containsExactly(
        "task: is required but not set (" + dir.resolve("exp.yaml") + ", line 1)",
        "train: set epochs or max_steps, or both, to say when training stops ("
            + dir.resolve("exp.yaml") + ", line 2)");
    assertThat(errors(MINIMAL.replace("  train: train.txt", "  valid: v.txt"))).singleElement()
        .asString().startsWith("data.train: is required but not set (").endsWith("line 3)");
  }

  @Test
  void unknownRegisteredNamesListWhatIsRegistered() throws IOException {
    assertThat(errors(MINIMAL.replace("type: echo", "type: ecko"))).singleElement().asString()
        .startsWith("task.type: unknown task 'ecko' (did you mean 'echo'?); registered: echo (")
        .endsWith("line 1)");
    assertThat(errors(MINIMAL + "  optimizer: {type: adamm}\n")).singleElement().asString()
        .startsWith("train.optimizer.type: unknown optimizer 'adamm' (did you mean 'adam'?);"
            + " registered: adam, adamw, sgd");
    assertThat(errors(MINIMAL + "backend: {type: natve}\n")).singleElement().asString()
        .startsWith("backend.type: unknown backend 'natve' (did you mean 'native'?); registered: native");
    assertThat(errors(MINIMAL + "  schedule: {lr: 1}\n")).singleElement().asString()
        .startsWith("train.schedule.type: is required: one of constant, exponential, plateau, step");
  }

  @Test
  void badEnumValueListsTheChoices() throws IOException {
    assertThat(errors(MINIMAL + "  batch_by: sentence\n")).singleElement().asString()
        .startsWith("train.batch_by: expected one of sentences, tokens, found 'sentence'"
            + " (did you mean 'sentences'?)");
    assertThat(errors(MINIMAL + "backend: {device: tpu}\n")).singleElement().asString()
        .startsWith("backend.device: expected one of cpu, gpu, auto, found 'tpu'");
  }

  @Test
  void crossFieldChecksPointAtTheField() throws IOException {
    assertThat(errors(MINIMAL + "  optimizer: {type: sgd, nesterov: true}\n")).singleElement()
        .asString().startsWith("train.optimizer.nesterov: needs momentum > 0").endsWith("line 8)");
  }

  @Test
  void severalErrorsAreReportedTogetherInLineOrder() throws IOException {
    Path file = write("exp.yaml", """
        task: {type: echo}
        seed: lots
        data: {train: t.txt, max_length: -5}
        model:
          encoder: {cell: gru2, layers: 9}
        train:
          epochs: 0
        """);
    assertThatThrownBy(() -> EchoTask.loader().load(file))
        .isInstanceOfSatisfying(RecipeException.class, e -> {
          assertThat(e.errors()).extracting(RecipeError::path).containsExactly(
              "seed", "data.max_length", "model.encoder.cell", "model.encoder.layers", "train.epochs");
          assertThat(e.errors()).extracting(err -> err.origin().line()).containsExactly(2, 3, 5, 5, 7);
          assertThat(e.getMessage()).startsWith("5 errors in recipe:\n  seed: expected an integer")
              .contains("\n  train.epochs: must be >= 1, found 0 (" + file + ", line 7)");
        });
  }

  @Test
  void yamlSyntaxErrorsAndForbiddenConstructsArePositioned() throws IOException {
    assertThat(errors("task: {type: echo\nseed: 1\n")).singleElement().asString()
        .startsWith("invalid YAML");
    assertThat(errors("seed: !!java.io.File data.bin\n")).singleElement().asString()
        .startsWith("YAML tags (").contains("line 1");
    assertThat(errors("a: &x 1\nb: *x\n")).isNotEmpty()
        .allMatch(s -> s.contains("anchors and aliases"));
    assertThat(errors("seed: 1\nseed: 2\n")).singleElement().asString()
        .startsWith("seed: duplicate key (first written at line 1)").endsWith("line 2)");
  }

  @Test
  void missingFileNamesThePath() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> EchoTask.loader().load(missing))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("recipe file not found: " + missing);
  }
}
