package dev.seq2seq.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include:, ${...} interpolation and --set overrides, and the errors each can produce. */
class RecipeCompositionTest {
  @TempDir Path dir;

  static final String BASE = """
      task: {type: echo}
      data: {train: train.txt}
      model:
        encoder: {hidden: 128, layers: 2}
      train:
        epochs: 3
        batch_size: 16
      """;

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  Recipe load(Path file, Map<String, String> env, String... overrides) {
    return EchoTask.loader(env).load(file, List.of(overrides));
  }

  List<String> errors(Path file, Map<String, String> env, String... overrides) {
    try {
      load(file, env, overrides);
    } catch (RecipeException e) {
      return e.errors().stream().map(RecipeError::format).toList();
    }
    throw new AssertionError("recipe loaded without errors");
  }

  EchoTask.Encoder encoder(Recipe r) {
    return ((EchoTask.Model) r.model()).encoder();
  }

  // ---- include

  @Test
  void includeMergesDeeplyAndLaterKeysWin() throws IOException {
    write("bases/base.yaml", BASE);
    write("bases/cpu.yaml", "backend: {device: cpu}\ntrain: {batch_size: 8}\n");
    Path exp = write("exp/exp.yaml", """
        include: [../bases/base.yaml, ../bases/cpu.yaml]
        model:
          encoder: {hidden: 512}
        train: {epochs: 5}
        """);
    Recipe r = load(exp, Map.of());
    assertThat(encoder(r).hidden()).isEqualTo(512);
    assertThat(encoder(r).layers()).isEqualTo(2);
    assertThat(r.train().epochs()).isEqualTo(5);
    assertThat(r.train().batchSize()).isEqualTo(8);
    assertThat(r.backend().device().name()).isEqualTo("CPU");
    assertThat(r.name()).isEqualTo("exp");
    // A path is relative to the file it was written in, not to the including file.
    assertThat(((EchoTask.Data) r.data()).train()).isEqualTo(dir.resolve("bases/train.txt"));
  }

  @Test
  void errorsInAnIncludedFilePointAtThatFile() throws IOException {
    Path base = write("base.yaml", BASE.replace("layers: 2", "layers: 0"));
    Path exp = write("exp.yaml", "include: base.yaml\nseed: x\n");
    assertThat(errors(exp, Map.of())).containsExactly(
        "model.encoder.layers: must be >= 1, found 0 (" + base + ", line 4)",
        "seed: expected an integer, found 'x' (" + exp + ", line 2)");
  }

  @Test
  void includeCycleAndMissingFileAreErrors() throws IOException {
    write("a.yaml", "include: b.yaml\n");
    write("b.yaml", "include: a.yaml\n");
    assertThat(errors(dir.resolve("a.yaml"), Map.of())).singleElement().asString()
        .startsWith("include: include cycle: a.yaml -> b.yaml -> a.yaml (")
        .contains("b.yaml, line 1");
    Path exp = write("exp.yaml", "include: nothere.yaml\n");
    assertThat(errors(exp, Map.of())).singleElement().asString()
        .startsWith("include: included file not found: ").contains("nothere.yaml");
  }

  // ---- interpolation

  @Test
  void wholeValueReferencesKeepTheirType() throws IOException {
    // Inside flow collections ({...}, [...]) YAML needs references quoted; block style does not.
    Path exp = write("exp.yaml", """
        task: {type: echo}
        data: {train: t.txt}
        model:
          encoder: {hidden: "${train.batch_size}", bidirectional: "${vars.both}"}
        vars: {both: true}
        train:
          epochs: 3
          batch_size: 16
          log_every: ${train.batch_size}
        decode: {batch_size: "${train.log_every}"}
        """);
    // vars is not a recipe section: references may use it, but the schema still rejects it.
    assertThat(errors(exp, Map.of())).singleElement().asString().startsWith("vars: unknown key");

    Recipe r = load(write("exp.yaml", Files.readString(exp).replace("vars:", "#")
        .replace("${vars.both}", "${evaluate.save_outputs}") + "evaluate: {save_outputs: true}\n"),
        Map.of());
    assertThat(r.train().logEvery()).isEqualTo(16);
    assertThat(r.decode().batchSize()).isEqualTo(16);
    assertThat(encoder(r).hidden()).isEqualTo(16);
    assertThat(encoder(r).bidirectional()).isTrue();
  }

  @Test
  void aWholeSectionCanBeCopied() throws IOException {
    Path exp = write("exp.yaml", """
        task: {type: echo}
        data: {train: t.txt}
        model:
          encoder: ${train.early_stopping}
        train:
          epochs: 1
          early_stopping: {hidden: 32, layers: 3}
        """);
    // The copy is typed: encoder gets the map, and the schema then judges both places.
    List<String> errors = errors(exp, Map.of());
    assertThat(errors).allMatch(e -> e.startsWith("train.early_stopping."));
    assertThat(errors).hasSize(2);
  }

  @Test
  void referencesCopySectionsAndJoinText() throws IOException {
    Path exp = write("exp.yaml", """
        task: {type: echo, source: fr, target: en}
        name: ${task.source}-${task.target}_v2
        data:
          train: corpus.${task.source}
          extra: {dev: "$${HOME}/dev.txt"}
        model:
          encoder: {hidden: 64}
        train: {epochs: 1}
        """);
    Recipe r = load(exp, Map.of());
    assertThat(r.name()).isEqualTo("fr-en_v2");
    EchoTask.Data data = (EchoTask.Data) r.data();
    assertThat(data.train()).isEqualTo(dir.resolve("corpus.fr"));
    assertThat(data.extra().get("dev")).isEqualTo(dir.resolve("${HOME}/dev.txt"));
  }

  @Test
  void environmentVariablesWithAndWithoutDefaults() throws IOException {
    Path exp = write("exp.yaml", BASE.replace("batch_size: 16", "batch_size: ${env:BATCH}")
        .replace("data: {train: train.txt}", "data: {train: \"${env:DATA_DIR}/train.txt\"}") + """
          log_every: ${env:LOG_EVERY:-25}
        """);
    Recipe r = load(exp, Map.of("BATCH", "64", "DATA_DIR", "/data"));
    assertThat(r.train().batchSize()).isEqualTo(64);
    assertThat(r.train().logEvery()).isEqualTo(25);
    assertThat(((EchoTask.Data) r.data()).train()).isEqualTo(Path.of("/data/train.txt"));

    assertThat(errors(exp, Map.of("DATA_DIR", "/data"))).singleElement().asString()
        .startsWith("train.batch_size: environment variable BATCH is not set"
            + " (write ${env:BATCH:-default} to give a default) (")
        .endsWith("line 7)");
  }

  @Test
  void unknownReferencesAndCyclesAreErrors() throws IOException {
    Path exp = write("exp.yaml", BASE + """
          log_every: ${train.batch_sise}
          keep_best: ${train.checkpoint_every}
          checkpoint_every: ${train.keep_best}
        """);
    List<String> errors = errors(exp, Map.of());
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0)).startsWith("train.log_every: unknown reference ${train.batch_sise}"
        + " (did you mean 'batch_size'?)").endsWith("line 8)");
    assertThat(errors.get(1)).startsWith("train.checkpoint_every: reference cycle: "
        + "train.keep_best -> train.checkpoint_every -> train.keep_best");
  }

  // ---- --set

  @Test
  void overridesSetNestedKeysAndNewValues() throws IOException {
    Path exp = write("exp.yaml", BASE);
    Recipe r = load(exp, Map.of(),
        "train.batch_size=32",
        "model.encoder.cell=lstm",
        "train.optimizer={type: sgd, lr: 0.3}",
        "evaluate.metrics=[bleu, chrf]",
        "evaluate.metrics.1=ter",
        "backend.threads=${train.batch_size}");
    assertThat(r.train().batchSize()).isEqualTo(32);
    assertThat(encoder(r).cell()).isEqualTo(EchoTask.Cell.LSTM);
    assertThat(r.train().optimizer().lr()).isEqualTo(0.3);
    assertThat(r.evaluate().metrics()).containsExactly("bleu", "ter");
    assertThat(r.backend().threads()).isEqualTo(32);
  }

  @Test
  void badOverridesAreErrorsFromSet() throws IOException {
    Path exp = write("exp.yaml", BASE);
    assertThat(errors(exp, Map.of(), "train.bach_size=3")).singleElement().asString()
        .isEqualTo("train.bach_size: unknown key (did you mean 'batch_size'?); expected one of: "
            + "epochs, max_steps, batch_size, batch_by, bucketing, optimizer, schedule, clip_norm, "
            + "validate_every, early_stopping, keep_best, log_every, checkpoint_every "
            + "(from --set train.bach_size=3)");
    assertThat(errors(exp, Map.of(), "train.batch_size=abc")).singleElement().asString()
        .isEqualTo("train.batch_size: expected an integer, found 'abc' "
            + "(from --set train.batch_size=abc)");
    List<String> errors = errors(exp, Map.of(), "train.batch_size=[1,", "seed", "train.epochs.x=1");
    assertThat(errors.get(0)).startsWith("train.batch_size: bad value: invalid YAML: ")
        .endsWith("(from --set train.batch_size=[1,)");
    assertThat(errors.subList(1, 3)).containsExactly(
            "--set expects key.path=value (from --set seed)",
            "train.epochs.x: cannot be set: train.epochs is 3, not a map (from --set train.epochs.x=1)");
  }
}
