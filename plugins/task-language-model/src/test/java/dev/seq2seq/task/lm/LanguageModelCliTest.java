package dev.seq2seq.task.lm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tinyshakespeare-char recipe, shrunk, through the real command line: {@code train} on a short
 * text until it is memorised, {@code generate} reproduces it, {@code evaluate} scores it, and a
 * resumed run repeats an uninterrupted one although the recurrent state is carried across batches.
 */
class LanguageModelCliTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path RECIPE = Path.of(System.getProperty("seq2seq.project.root", "../.."),
      "recipes/language-model/tinyshakespeare-char.yaml");
  private static final String LINE = "to be or not to be that is the question\n";
  private static final String TEXT = LINE.repeat(10);

  @TempDir static Path shared;
  static Path model;
  static Outcome trained;

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

  /** The recipe with a small model on {@code text}, one thread. */
  static List<String> train(Path text, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("train", RECIPE.toString(), "--out", out.toString(),
        "--set", "backend.threads=1",
        "--set", "data.text={type: file, path: '" + text + "'}",
        "--set", "data.bptt=20", "--set", "data.eval_streams=1",
        "--set", "model.embedding=16", "--set", "model.hidden=48",
        "--set", "train.batch_size=4", "--set", "train.epochs=1000",
        "--set", "train.optimizer={type: adam, lr: 0.01}",
        "--set", "train.schedule={type: constant}"));
    args.addAll(Arrays.asList(more));
    return args;
  }

  @BeforeAll
  static void trainOnce() throws IOException {
    Path text = Files.writeString(shared.resolve("hamlet.txt"), TEXT);
    Path run = shared.resolve("run");
    trained = seq2seq(train(text, run, "--set", "model.dropout=0", "--set", "train.max_steps=150",
        "--set", "train.validate_every=50", "--set", "train.log_every=10"));
    model = run.resolve("model");
  }

  @Test
  void memorisesTheTextAndWritesAModelPackage() throws IOException {
    assertThat(trained.code()).as(trained.err()).isZero();
    JsonNode summary = trained.summary();
    assertThat(summary.get("steps").asLong()).isEqualTo(150);
    // 360 training characters, 5 windows per epoch, 30 epochs: it must be learnt by heart.
    assertThat(summary.get("train_loss").asDouble()).isLessThan(0.05);
    // The held-out 10% is the same line once more, read from a zero state as training starts.
    assertThat(summary.get("final_loss").asDouble()).isLessThan(0.1);
    assertThat(summary.get("final_bits_per_char").asDouble())
        .isEqualTo(summary.get("final_loss").asDouble() / Math.log(2));
    assertThat(model.resolve("vocabulary.json")).content().contains("\"level\" : \"char\"");
  }

  @Test
  void greedyGenerationReproducesTheText() {
    for (List<String> greedy : List.of(List.of("--top-k", "1"), List.of("--top-k", "1",
        "--temperature", "5", "--seed", "99"))) {
      List<String> args = new ArrayList<>(List.of("generate", model.toString(), "--prompt",
          "to be or", "--length", "100", "--set", "backend.threads=1"));
      args.addAll(greedy);
      Outcome out = seq2seq(args);
      assertThat(out.code()).as(out.err()).isZero();
      assertThat(out.out()).isEqualTo(TEXT.substring(0, 108) + "\n");
    }
  }

  @Test
  void samplingIsDeterministicForASeed() {
    List<String> args = List.of("generate", model.toString(), "--length", "200",
        "--temperature", "3", "--seed", "7");
    Outcome a = seq2seq(args);
    Outcome b = seq2seq(args);
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).isEqualTo(b.out()).hasSize(201);
    Outcome other = seq2seq(List.of("generate", model.toString(), "--length", "200",
        "--temperature", "3", "--seed", "8"));
    assertThat(other.out()).isNotEqualTo(a.out());
    // Only characters of the training text come out (never <unk>).
    assertThat(a.out().chars().allMatch(c -> LINE.indexOf(c) >= 0)).isTrue();
  }

  @Test
  void generateRejectsBadInputNamingIt() {
    Outcome unknown = seq2seq(List.of("generate", model.toString(), "--prompt", "to BE\u00e9"));
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("'B' (U+0042)", "'E' (U+0045)", "'\u00e9' (U+00E9)")
        .contains("vocabulary.json");
    for (String[] bad : new String[][] {{"--temperature", "0"}, {"--temperature", "-1"},
        {"--top-k", "-2"}, {"--length", "0"}}) {
      List<String> args = new ArrayList<>(List.of("generate", model.toString()));
      args.addAll(Arrays.asList(bad));
      Outcome out = seq2seq(args);
      assertThat(out.code()).as(String.join(" ", bad)).isEqualTo(2);
      assertThat(out.err()).contains(bad[0]);
    }
    Outcome notModel = seq2seq(List.of("generate", dir.toString()));
    assertThat(notModel.code()).isEqualTo(2);
    assertThat(notModel.err()).contains("is not a model folder");
  }

  @Test
  void evaluateScoresTheHeldOutText() {
    Outcome out = seq2seq(List.of("evaluate", model.toString(), "--json"));
    assertThat(out.code()).as(out.err()).isZero();
    JsonNode scores = out.summary();
    double loss = scores.get("loss").asDouble();
    assertThat(loss).isLessThan(0.1);
    assertThat(scores.get("perplexity").asDouble()).isCloseTo(Math.exp(loss),
        org.assertj.core.data.Offset.offset(1e-9));
    // The last 10% of 400 characters: 40, so 39 predictions.
    assertThat(scores.get("tokens").asDouble()).isEqualTo(39.0);
  }

  @Test
  void resumingCarriesTheStateAndRepeatsAnUninterruptedRun() throws IOException {
    Path text = Files.writeString(dir.resolve("text.txt"), TEXT);
    String[] common = {"--set", "train.log_every=1", "--set", "train.checkpoint_every=5",
        "--set", "train.validate_every=0", "--set", "model.dropout=0.2"};
    Path whole = dir.resolve("whole");
    Outcome uninterrupted = seq2seq(train(text, whole, concat(common, "train.max_steps=16")));
    assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();

    // 5 windows per epoch: step 13 ends window 2 of epoch 2, so the resumed step 14 needs the
    // state carried from it.
    Path split = dir.resolve("split");
    Outcome first = seq2seq(train(text, split, concat(common, "train.max_steps=13")));
    assertThat(first.code()).as(first.err()).isZero();
    List<String> resume = train(text, split, concat(common, "train.max_steps=16"));
    resume.add("--resume");
    Outcome resumed = seq2seq(resume);
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resumed at step 13");
    assertThat(trainLosses(split)).hasSize(16).containsExactlyElementsOf(trainLosses(whole));
  }

  @Test
  void badTextFilesAreNamed() throws IOException {
    Path missing = dir.resolve("missing.txt");
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'a', (byte) 0xE9, 'b', '\n'});
    Path tiny = Files.writeString(dir.resolve("tiny.txt"), "abc");
    for (Object[] c : new Object[][] {{missing, "no such file"}, {empty, "the file is empty"},
        {latin1, "not valid UTF-8 text at byte 1"}, {tiny, "too few"}}) {
      Outcome out = seq2seq(train((Path) c[0], dir.resolve("run"), "--set", "train.max_steps=1"));
      assertThat(out.code()).isNotZero();
      assertThat(out.err()).contains(c[0].toString()).contains((String) c[1]);
    }
  }

  @Test
  void aWordLevelModelLearnsAndGeneratesWords() throws IOException {
    Path text = Files.writeString(dir.resolve("words.txt"), TEXT);
    Path run = dir.resolve("words");
    // 11 tokens a line (10 words and the line break), 99 for training: 2 windows per epoch.
    Outcome trainedWords = seq2seq(train(text, run, "--set", "data.level=word",
        "--set", "model.dropout=0", "--set", "train.max_steps=100", "--set", "train.log_every=20"));
    assertThat(trainedWords.code()).as(trainedWords.err()).isZero();
    assertThat(trainedWords.summary().has("final_bits_per_word")).isTrue();
    Outcome out = seq2seq(List.of("generate", run.resolve("model").toString(), "--prompt",
        "to  be or", "--length", "14", "--top-k", "1"));
    assertThat(out.code()).as(out.err()).isZero();
    assertThat(out.out()).isEqualTo("to be or not to be that is the question\nto be or not to be\n");
    Outcome unknown = seq2seq(List.of("generate", run.resolve("model").toString(), "--prompt",
        "to be or NOT"));
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("words", "'NOT'");
  }

  @Test
  void trainsAndGeneratesOnTheDjlBackend() throws IOException {
    Path text = Files.writeString(dir.resolve("djl.txt"), TEXT);
    Path run = dir.resolve("djl");
    Outcome djl = seq2seq(train(text, run, "--set", "backend.type=djl", "--set", "model.dropout=0",
        "--set", "train.max_steps=80", "--set", "train.log_every=10"));
    assertThat(djl.code()).as(djl.err()).isZero();
    // From ln(16) = 2.77 nats for a uniform guess over the 15 characters and <unk>.
    assertThat(djl.summary().get("final_loss").asDouble()).isLessThan(1.0);
    Outcome out = seq2seq(List.of("generate", run.resolve("model").toString(), "--prompt", "to",
        "--length", "20", "--seed", "4"));
    assertThat(out.code()).as(out.err()).isZero();
    assertThat(out.out()).startsWith("to").hasSize(23);
  }

  private static String[] concat(String[] a, String last) {
    String[] out = Arrays.copyOf(a, a.length + 2);
    out[a.length] = "--set";
    out[a.length + 1] = last;
    return out;
  }

  private static List<Double> trainLosses(Path run) throws IOException {
    List<Double> out = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      if (n.get("kind").asString().equals("train")) {
        out.add(n.get("loss").asDouble());
      }
    }
    return out;
  }
}
