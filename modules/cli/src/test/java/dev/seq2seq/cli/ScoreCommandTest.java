package dev.seq2seq.cli;

import dev.seq2seq.command.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.cli.MainTest.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code seq2seq score} in-process, on sacreBLEU's own test corpus (BLEU 48.530827). */
class ScoreCommandTest {
  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  Path[] corpus() throws IOException {
    return new Path[] {
      write("hyp.txt", "The dog bit the man.\nIt wasn't surprising.\nThe man had just bitten him.\n"),
      write("ref1.txt", "The dog bit the man.\nIt was not unexpected.\nThe man bit him first.\n"),
      // Windows line ends read like Python's universal newlines.
      write("ref2.txt", "The dog had bit the man.\r\nNo one was surprised.\r\nThe man had bitten the dog.\r\n")
    };
  }

  @Test
  void bleuTextAndJson() throws IOException {
    Path[] f = corpus();
    Result text =
        MainTest.run("score", "bleu", "--hyp", f[0].toString(), "--ref", f[1].toString(), "--ref", f[2].toString());
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).startsWith("BLEU = 48.53 ");
    assertThat(text.out().strip()).endsWith("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0");

    Result json =
        MainTest.run("score", "bleu", "--json", "--tokenize", "intl",
            "--hyp", f[0].toString(), "--ref", f[1].toString(), "--ref", f[2].toString());
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode node = JsonMapper.builder().build().readTree(json.out());
    assertThat(node.path("score").asDouble()).isCloseTo(43.91623493, within(1e-6));
    assertThat(node.path("signature").asString()).contains("|tok:intl|");
    // Issue #5's format, unchanged by metrics that name their own fields.
    assertThat(node.propertyNames()).containsExactly("metric", "score", "signature", "details");
  }

  @Test
  void werTextAndJsonWithCounts() throws IOException {
    // Line 1: sat->sit, "the" deleted; line 2: empty hypothesis, both words deleted; line 3:
    // "uh" inserted. 5 errors in 6 + 2 + 1 = 9 reference words.
    Path ref = write("ref.txt", "the cat sat on the mat\none two\nyes\n");
    Path hyp = write("hyp.txt", "the cat sit on mat\n\nuh yes\n");
    Result text = MainTest.run("score", "wer", "--hyp", hyp.toString(), "--ref", ref.toString());
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out().strip())
        .isEqualTo("WER = 55.56 (sub 1, del 3, ins 1; 9 reference words) nrefs:1|case:mixed|unit:word");

    Result json =
        MainTest.run("score", "wer", "--json", "--hyp", hyp.toString(), "--ref", ref.toString());
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode node = JsonMapper.builder().build().readTree(json.out());
    assertThat(node.path("metric").asString()).isEqualTo("wer");
    assertThat(node.path("wer").asDouble()).isCloseTo(100.0 * 5 / 9, within(1e-9));
    assertThat(node.has("score")).isFalse();
    assertThat(node.path("substitutions").isIntegralNumber()).isTrue();
    assertThat(node.path("substitutions").asLong()).isEqualTo(1);
    assertThat(node.path("deletions").asLong()).isEqualTo(3);
    assertThat(node.path("insertions").asLong()).isEqualTo(1);
    assertThat(node.path("reference_length").asLong()).isEqualTo(9);
    assertThat(node.path("signature").asString()).isEqualTo("nrefs:1|case:mixed|unit:word");
  }

  @Test
  void cerCountsSpacesAndTakesLowercase() throws IOException {
    // "One two" vs "one  tw": case folded, the double space normalised, "o" deleted: 1 of 7.
    Path ref = write("ref.txt", "One two\n");
    Path hyp = write("hyp.txt", "one  tw\n");
    Result json = MainTest.run(
        "score", "cer", "--json", "--lowercase", "--hyp", hyp.toString(), "--ref", ref.toString());
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode node = JsonMapper.builder().build().readTree(json.out());
    assertThat(node.path("cer").asDouble()).isCloseTo(100.0 / 7, within(1e-9));
    assertThat(node.path("deletions").asLong()).isEqualTo(1);
    assertThat(node.path("reference_length").asLong()).isEqualTo(7);
    assertThat(node.path("signature").asString()).isEqualTo("nrefs:1|case:lc|unit:char|space:yes");

    Result list = MainTest.run("score", "--list");
    assertThat(list.out()).contains("wer ", "cer ");
  }

  @Test
  void errorRateBadInputs() throws IOException {
    Path ref = write("ref.txt", "one two\nthree\n");
    Path hyp = write("hyp.txt", "one two\n");
    Result r = MainTest.run("score", "wer", "--hyp", hyp.toString(), "--ref", ref.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("reference file " + ref + " has 2 lines but hypothesis file " + hyp + " has 1");

    Path missing = dir.resolve("missing.txt");
    r = MainTest.run("score", "cer", "--hyp", missing.toString(), "--ref", ref.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("hypothesis file " + missing + " does not exist");

    r = MainTest.run("score", "wer", "--hyp", hyp.toString(), "--ref", hyp.toString(), "--ref", hyp.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("WER takes one reference set, got 2 (several references are not supported)");

    Path blank = write("blank.txt", "\n");
    Path word = write("word.txt", "word\n");
    r = MainTest.run("score", "wer", "--hyp", word.toString(), "--ref", blank.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("the references have no words: WER is undefined");

    r = MainTest.run("score", "wer", "--tokenize", "13a", "--hyp", word.toString(), "--ref", word.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("WER has no tokenize option");
  }

  @Test
  void chrfAndTheMetricList() throws IOException {
    Path same = write("same.txt", "hello world\n");
    Result r = MainTest.run("score", "chrf", "--hyp", same.toString(), "--ref", same.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("chrF2 = 100.00 nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|");

    Result list = MainTest.run("score", "--list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("bleu", "chrf");
  }

  @Test
  void badInputIsUsageErrorNamingTheFile() throws IOException {
    Path[] f = corpus();
    Path missing = dir.resolve("nope.txt");
    Result r = MainTest.run("score", "bleu", "--hyp", f[0].toString(), "--ref", missing.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("reference file " + missing + " does not exist");

    Path short1 = write("short.txt", "one line\n");
    r = MainTest.run("score", "bleu", "--hyp", f[0].toString(), "--ref", short1.toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains(short1 + " has 1 lines", f[0] + " has 3");

    Path empty = write("empty.txt", "");
    r = MainTest.run("score", "bleu", "--hyp", empty.toString(), "--ref", f[1].toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("hypothesis file " + empty + " is empty");

    Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xe9, '\n', 'x', '\n'});
    r = MainTest.run("score", "bleu", "--hyp", latin1.toString(), "--ref", f[1].toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("hypothesis file " + latin1 + " is not valid UTF-8 (line 2");
  }

  @Test
  void unknownMetricAndTokenizerSuggestNames() throws IOException {
    Path[] f = corpus();
    Result r = MainTest.run("score", "bleau", "--hyp", f[0].toString(), "--ref", f[1].toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("unknown metric 'bleau'", "did you mean 'bleu'?");

    r = MainTest.run("score", "bleu", "--tokenize", "13", "--hyp", f[0].toString(), "--ref", f[1].toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("unknown BLEU tokenizer '13'", "did you mean '13a'?");
  }
}
