package dev.seq2seq.task.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rt-polarity recipe, shrunk to 20 short sentences, through the real command line: train
 * until it fits them, then classify them back; and every bad input of {@code classify}.
 */
class ClassificationCliTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Path RECIPE = Path.of(System.getProperty("seq2seq.project.root", "../.."),
      "recipes/classification/rt-polarity.yaml");
  static final List<String> POSITIVE = List.of("a wonderful film", "great acting and a great story",
      "i loved this movie", "brilliant and moving", "a delightful fun ride", "superb performances",
      "truly excellent work", "charming and warm", "an enjoyable treat", "the best film of the year");
  static final List<String> NEGATIVE = List.of("a terrible film", "awful acting and a dull story",
      "i hated this movie", "boring and lifeless", "a tedious mess", "dreadful performances",
      "truly bad work", "cold and tiresome", "an unbearable bore", "the worst film of the year");

  @TempDir static Path dir;
  static Path model;
  static Outcome trained;

  record Outcome(int code, String out, String err) {
    List<String> lines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n", -1)).subList(0,
          out.split("\n", -1).length - 1);
    }

    JsonNode last() {
      List<String> lines = lines();
      return JSON.readTree(lines.get(lines.size() - 1));
    }
  }

  static Outcome seq2seq(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  /** The recipe on the tiny files: small model, every sentence trains and validates. */
  static List<String> tiny(Path positive, Path negative, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--set", "backend.threads=1",
        "--set", "data.source={type: files, files: {positive: " + positive + ", negative: "
            + negative + "}}",
        "--set", "data.encoding=UTF-8", "--set", "data.folds=0",
        "--set", "data.validation=0", "--set", "data.test=0",
        "--set", "model.embedding=16", "--set", "model.hidden=16",
        "--set", "model.dropout=0.1", "--set", "model.encoder_dropout=0.0",
        "--set", "train.epochs=null", "--set", "train.max_steps=60",
        "--set", "train.batch_size=10", "--set", "train.optimizer={type: adam, lr: 0.02}",
        "--set", "train.validate_every=20", "--set", "train.log_every=20",
        "--set", "train.early_stopping={metric: accuracy, mode: max, patience: 0}"));
    args.addAll(List.of(more));
    return args;
  }

  static Path write(String name, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  static List<String> train(Path out, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("train", RECIPE.toString(), "--out",
        out.toString()));
    args.addAll(tiny(write("pos.txt", POSITIVE), write("neg.txt", NEGATIVE), more));
    return args;
  }

  @BeforeAll
  static void trainTheTinyModel() throws IOException {
    trained = seq2seq(train(dir.resolve("run")));
    model = dir.resolve("run/model");
  }

  @Test
  void trainingFitsTheTinyData() {
    assertThat(trained.code()).as(trained.err()).isZero();
    JsonNode summary = trained.last();
    assertThat(summary.get("steps").asLong()).isEqualTo(60);
    assertThat(summary.get("final_accuracy").asDouble()).isEqualTo(1.0);
    assertThat(summary.get("final_confusion.positive.positive").asDouble()).isEqualTo(10);
    assertThat(summary.get("final_confusion.negative.positive").asDouble()).isZero();
    assertThat(model.resolve("labels.txt")).content().isEqualTo("positive\nnegative\n");
    assertThat(model.resolve("vocabulary.txt")).content().startsWith("<pad>\n<unk>\n");
  }

  @Test
  void classifiesTheTrainingSentencesBackAndLeavesEmptyLinesUnlabelled() throws IOException {
    List<String> input = new ArrayList<>(POSITIVE);
    input.addAll(NEGATIVE);
    input.add("   ");
    Path file = write("input.txt", input);
    Outcome text = seq2seq(List.of("classify", model.toString(), "-i", file.toString(),
        "--batch-size", "7"));
    assertThat(text.code()).as(text.err()).isZero();
    List<String> expected = new ArrayList<>();
    POSITIVE.forEach(s -> expected.add("positive"));
    NEGATIVE.forEach(s -> expected.add("negative"));
    expected.add("");
    assertThat(text.lines()).containsExactlyElementsOf(expected);
    assertThat(text.err()).contains("1 of 21 lines had no tokens");

    Outcome jsonl = seq2seq(List.of("classify", model.toString(), "--input", file.toString(),
        "--format", "jsonl"));
    assertThat(jsonl.code()).as(jsonl.err()).isZero();
    List<String> lines = jsonl.lines();
    assertThat(lines).hasSize(21);
    for (int i = 0; i < 20; i++) {
      JsonNode row = JSON.readTree(lines.get(i));
      assertThat(row.get("label").asString()).isEqualTo(expected.get(i));
      double p = row.get("probabilities").get("positive").asDouble();
      double n = row.get("probabilities").get("negative").asDouble();
      assertThat(p + n).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
      assertThat(i < 10 ? p : n).isGreaterThan(0.5);
    }
    assertThat(lines.get(20)).isEqualTo("{\"label\":null,\"probabilities\":null}");
  }

  @Test
  void readsStandardInputByDefault() {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(
          "i loved this movie\nthe worst film of the year\n".getBytes(StandardCharsets.UTF_8)));
      Outcome piped = seq2seq(List.of("classify", model.toString()));
      assertThat(piped.code()).as(piped.err()).isZero();
      assertThat(piped.lines()).containsExactly("positive", "negative");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void evaluateScoresTheValidationPart() {
    Outcome evaluated = seq2seq(List.of("evaluate", model.toString(), "--split", "VALIDATION",
        "--json"));
    assertThat(evaluated.code()).as(evaluated.err()).isZero();
    assertThat(evaluated.last().get("accuracy").asDouble()).isEqualTo(1.0);
    Outcome noTest = seq2seq(List.of("evaluate", model.toString()));
    assertThat(noTest.code()).isEqualTo(2);
    assertThat(noTest.err()).contains("no test part to score");
  }

  @Test
  void badInputsGetClearErrors() throws IOException {
    Path empty = write("empty.txt", List.of());
    Outcome none = seq2seq(List.of("classify", model.toString(), "-i", empty.toString()));
    assertThat(none.code()).isZero();
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).contains(empty + " is empty: nothing to classify");

    Path missing = dir.resolve("missing.txt");
    Outcome absent = seq2seq(List.of("classify", model.toString(), "-i", missing.toString()));
    assertThat(absent.code()).isEqualTo(2);
    assertThat(absent.err()).contains(missing + ": no such file");

    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "fine\nun film tr\u00e8s dr\u00f4le\n".getBytes(StandardCharsets.ISO_8859_1));
    Outcome undecodable = seq2seq(List.of("classify", model.toString(), "-i", latin1.toString()));
    assertThat(undecodable.code()).isEqualTo(2);
    assertThat(undecodable.err()).contains(latin1 + ":2: bytes that are not valid UTF-8");
    Outcome declared = seq2seq(List.of("classify", model.toString(), "-i", latin1.toString(),
        "--encoding", "ISO-8859-1"));
    assertThat(declared.code()).as(declared.err()).isZero();
    assertThat(declared.lines()).hasSize(2);

    Outcome notModel = seq2seq(List.of("classify", dir.toString(), "-i", latin1.toString()));
    assertThat(notModel.code()).isEqualTo(2);
    assertThat(notModel.err()).contains("is not a model folder");

    Outcome badBatch = seq2seq(List.of("classify", model.toString(), "--batch-size", "0"));
    assertThat(badBatch.code()).isEqualTo(2);
    assertThat(badBatch.err()).contains("--batch-size must be > 0");
  }

  @Test
  void trainingOnAMissingFileNamesIt() throws IOException {
    Path missing = dir.resolve("nowhere.txt");
    List<String> args = new ArrayList<>(List.of("train", RECIPE.toString(), "--out",
        dir.resolve("bad-run").toString()));
    args.addAll(tiny(write("pos2.txt", POSITIVE), missing));
    Outcome outcome = seq2seq(args);
    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains(missing + ": no such file");
  }

  @Test
  void theRecipeChecks() {
    Outcome checked = seq2seq(List.of("recipe", "check", RECIPE.toString()));
    assertThat(checked.code()).as(checked.err() + checked.out()).isZero();
    Outcome bad = seq2seq(List.of("recipe", "check", RECIPE.toString(), "--set",
        "data.encoding=latin-9000", "--set", "data.fold=10"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown encoding 'latin-9000'").contains("must be below folds");
  }
}
