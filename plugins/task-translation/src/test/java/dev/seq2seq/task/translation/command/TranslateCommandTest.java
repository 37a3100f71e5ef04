package dev.seq2seq.task.translation.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.command.ExitCode;
import dev.seq2seq.task.translation.Cli;
import dev.seq2seq.task.translation.TinyModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code seq2seq translate} on a tiny trained model, through the real command line. */
class TranslateCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  /**
   * Training sentences, new sentences made of known words (imperfect, varied translations),
   * unknown words, an empty and a blank line, and a long line: lengths from 0 to ~40 tokens, so
   * batches of 64 hold heavy padding that batches of 1 never see.
   */
  private Path input() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String[] p : Cli.PAIRS) {
      lines.add(p[0]);
    }
    lines.addAll(List.of(
        "Ein Hund liest ein Lied.",
        "",
        "Zwei Männer spielen am Strand im Schnee.",
        "Eine Katze fährt Fahrrad im Park.",
        "   ",
        "Kinder singen.",
        "Ein Mädchen und ein Hund laufen auf der Straße, zwei Katzen schlafen im Park und eine Frau"
            + " liest ein Buch am Strand, während Männer arbeiten und Kinder spielen.",
        "Xylophon Quark Zebra.",
        "Mann",
        "Eine Frau fährt im Schnee."));
    return Files.write(dir.resolve("input.de"), lines, StandardCharsets.UTF_8);
  }

  private static Cli.Outcome translate(String... args) {
    List<String> all = new ArrayList<>(List.of("translate", TinyModel.get().toString(), "--quiet"));
    all.addAll(Arrays.asList(args));
    return Cli.run(all);
  }

  private Path translateTo(String name, String... args) throws IOException {
    Path out = dir.resolve(name);
    List<String> all = new ArrayList<>(List.of("-i", input().toString(), "-o", out.toString()));
    all.addAll(Arrays.asList(args));
    Cli.Outcome o = translate(all.toArray(String[]::new));
    assertThat(o.code()).as(o.err()).isZero();
    return out;
  }

  @Test
  void lineIOfTheOutputTranslatesLineIOfTheInput() throws IOException {
    List<String> in = Files.readAllLines(input());
    List<String> out = Files.readAllLines(translateTo("out.en", "--beam", "1"));
    assertThat(out).hasSameSizeAs(in);
    for (int i = 0; i < in.size(); i++) {
      assertThat(out.get(i).isEmpty()).as("line %d", i + 1).isEqualTo(in.get(i).isBlank());
    }
    // The training pairs are translated as learned.
    for (int i = 0; i < Cli.PAIRS.size(); i++) {
      assertThat(out.get(i)).isEqualTo(Cli.PAIRS.get(i)[1]);
    }
  }

  @Test
  void greedyOutputDoesNotDependOnTheBatchSize() throws IOException {
    byte[] one = Files.readAllBytes(translateTo("b1.en", "--beam", "1", "--batch-size", "1"));
    byte[] many = Files.readAllBytes(translateTo("b64.en", "--beam", "1", "--batch-size", "64"));
    byte[] three = Files.readAllBytes(translateTo("b3.en", "--beam", "1", "--batch-size", "3"));
    assertThat(new String(many, StandardCharsets.UTF_8)).isEqualTo(new String(one, StandardCharsets.UTF_8));
    assertThat(three).isEqualTo(one);
    // Not trivially equal: the outputs differ from line to line.
    assertThat(new String(one, StandardCharsets.UTF_8).lines().distinct().count()).isGreaterThanOrEqualTo(9);
  }

  @Test
  void beamOutputDoesNotDependOnTheBatchSize() throws IOException {
    String[] beam = {"--beam", "4", "--nbest", "3", "--format", "jsonl", "--length-penalty", "0.6"};
    List<String> one = Files.readAllLines(translateTo("beam1.jsonl", concat(beam, "--batch-size", "1")));
    List<String> many = Files.readAllLines(translateTo("beam64.jsonl", concat(beam, "--batch-size", "64")));
    assertThat(translations(many)).isEqualTo(translations(one));
    assertThat(one.stream().distinct().count()).isGreaterThanOrEqualTo(9);
  }

  @Test
  void jsonlCarriesScoresTheNbestListAndAlignments() throws IOException {
    List<String> in = Files.readAllLines(input());
    List<String> lines = Files.readAllLines(translateTo("out.jsonl",
        "--format", "jsonl", "--beam", "4", "--nbest", "3"));
    assertThat(lines).hasSameSizeAs(in);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode j = JSON.readTree(lines.get(i));
      assertThat(j.get("line").asLong()).isEqualTo(i + 1);
      if (in.get(i).isBlank()) {
        assertThat(j.get("translation").asString()).isEmpty();
        continue;
      }
      JsonNode nbest = j.get("nbest");
      assertThat(nbest.size()).isEqualTo(3);
      assertThat(nbest.get(0).get("translation").asString()).isEqualTo(j.get("translation").asString());
      assertThat(nbest.get(0).get("score").asDouble()).isEqualTo(j.get("score").asDouble());
      for (int k = 1; k < nbest.size(); k++) {
        assertThat(nbest.get(k).get("score").asDouble()).isLessThanOrEqualTo(nbest.get(k - 1).get("score").asDouble());
        assertThat(nbest.get(k).get("translation").asString()).isNotNull();
      }
      assertThat(j.get("score").asDouble()).isNegative();
      assertAlignment(j);
    }
  }

  @Test
  void greedyJsonlHasAlignmentsToo() throws IOException {
    List<String> lines = Files.readAllLines(translateTo("greedy.jsonl", "--format", "jsonl", "--beam", "1"));
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("translation").asString()).isEqualTo(Cli.PAIRS.get(0)[1]);
    assertThat(first.get("nbest").size()).isEqualTo(1);
    assertAlignment(first);
  }

  /** One attention row per output token and the end, one column per source token; rows sum to 1. */
  private static void assertAlignment(JsonNode j) {
    JsonNode attention = j.get("attention");
    int sources = j.get("source_tokens").size();
    assertThat(j.get("source_tokens").get(0).asString()).isEqualTo("<s>");
    assertThat(attention.size()).isEqualTo(j.get("target_tokens").size()).isPositive();
    for (JsonNode row : attention) {
      assertThat(row.size()).isEqualTo(sources);
      double sum = 0;
      for (JsonNode w : row) {
        assertThat(w.asDouble()).isBetween(0.0, 1.0);
        sum += w.asDouble();
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  @Test
  void resumingAKilledRunFinishesTheSameFile() throws IOException {
    for (String format : List.of("text", "jsonl")) {
      String[] args = {"--chunk-size", "3", "--batch-size", "2", "--format", format, "--beam", "1"};
      byte[] whole = Files.readAllBytes(translateTo("whole." + format, args));
      String text = new String(whole, StandardCharsets.UTF_8);
      int lineStart = nthLineStart(text, 7);
      // Killed mid-line (the 8th line half written), at a line break, and before anything.
      for (int cut : new int[] {lineStart + 3, lineStart, nthLineStart(text, 3), 0, whole.length}) {
        Path partial = dir.resolve("partial-" + cut + "." + format);
        Files.write(partial, Arrays.copyOf(whole, cut));
        Cli.Outcome resumed = translate(concat(args, "-i", input().toString(), "-o", partial.toString(), "--resume"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Files.readAllBytes(partial)).as("%s cut at byte %d", format, cut).isEqualTo(whole);
      }
    }
  }

  @Test
  void writesAnAttentionPlotPerSentence() throws IOException {
    Path plots = dir.resolve("plots");
    translateTo("plotted.en", "--beam", "1", "--plot-attention", plots.toString());
    long sentences = Files.readAllLines(input()).stream().filter(l -> !l.isBlank()).count();
    try (Stream<Path> files = Files.list(plots)) {
      assertThat(files.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(sentences);
    }
    assertThat(plots.resolve("line-000001.png")).isNotEmptyFile();
  }

  @Test
  void badInputIsAUsageErrorNamingIt() throws IOException {
    Cli.Outcome missing = translate("-i", dir.resolve("nope.de").toString());
    assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("nope.de");

    Path bad = dir.resolve("bad.de");
    Files.write(bad, new byte[] {'E', 'i', 'n', '\n', 'H', 'u', 'n', 'd', '\n', 'M', (byte) 0xc3, '\n'});
    Cli.Outcome invalid = translate("-i", bad.toString(), "-o", dir.resolve("bad.en").toString());
    assertThat(invalid.code()).isEqualTo(ExitCode.USAGE);
    assertThat(invalid.err()).contains("bad.de:3").contains("UTF-8");

    Path existing = Files.writeString(dir.resolve("existing.en"), "keep me\n");
    Cli.Outcome refused = translate("-i", input().toString(), "-o", existing.toString());
    assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("--resume");
    assertThat(existing).hasContent("keep me");

    Cli.Outcome noModel = Cli.run(List.of("translate", dir.toString(), "-i", input().toString()));
    assertThat(noModel.code()).isEqualTo(ExitCode.USAGE);
    assertThat(noModel.err()).contains("not a model folder");

    Cli.Outcome badBeam = translate("-i", input().toString(), "--beam", "2", "--nbest", "3");
    assertThat(badBeam.code()).isEqualTo(ExitCode.USAGE);
    assertThat(badBeam.err()).contains("n-best");
  }

  @Test
  void refusesAModelOfAnotherTask() throws IOException {
    Path recipe = Path.of(System.getProperty("seq2seq.project.root", "../.."), "recipes/toy/reverse-digits.yaml");
    Path run = dir.resolve("toy");
    Cli.Outcome trained = Cli.run(List.of("train", recipe.toString(), "--out", run.toString(),
        "--set", "backend.threads=1", "--set", "train.max_steps=1", "--set", "data.train_examples=16",
        "--set", "data.validation_examples=4", "--set", "data.test_examples=4"));
    assertThat(trained.code()).as(trained.err()).isZero();
    Cli.Outcome o = Cli.run(List.of("translate", run.resolve("model").toString(), "-i", input().toString()));
    assertThat(o.code()).isEqualTo(ExitCode.USAGE);
    assertThat(o.err()).contains("reverse-digits").contains("translate");
  }

  private static List<String> translations(List<String> jsonl) {
    List<String> out = new ArrayList<>();
    for (String line : jsonl) {
      JsonNode j = JSON.readTree(line);
      StringBuilder s = new StringBuilder(j.get("translation").asString());
      for (JsonNode h : j.get("nbest")) {
        s.append(" | ").append(h.get("translation").asString());
      }
      out.add(s.toString());
    }
    return out;
  }

  private static int nthLineStart(String text, int n) {
    int pos = 0;
    for (int i = 0; i < n; i++) {
      pos = text.indexOf('\n', pos) + 1;
    }
    return text.substring(0, pos).getBytes(StandardCharsets.UTF_8).length;
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
