package dev.seq2seq.task.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.command.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Each translation recipe, shrunk, trains through the real command line on eight pairs and must
 * memorise them: {@code translate} reproduces every reference exactly and {@code evaluate} scores
 * BLEU 100.
 */
class TranslationRecipesTest {
  @TempDir Path dir;

  @Test
  void mtSmallRecipeOverfitsAHandfulOfPairs() throws IOException {
    // The network is the benchmark's at full size; only the data and the step count shrink.
    Path run = dir.resolve("mt-small");
    Cli.Outcome trained = Cli.run(Cli.trainTiny("multi30k-mt-small.yaml", Cli.tsv(dir), run, 15,
        "--set", "train.batch_size=8", "--set", "train.optimizer={type: adam, lr: 0.003}"));
    assertThat(trained.code()).as(trained.err()).isZero();
    assertMemorised(run);
  }

  @Test
  void deEnRecipeOverfitsAHandfulOfPairs() throws IOException {
    // TinyModel trains the recipe's architecture (2-layer biGRU, input feeding, tied embeddings,
    // cased BPE, label smoothing) at a small width, without dropout, through the command line.
    Path run = TinyModel.get().getParent();
    assertThat(run.resolve("recipe.yaml")).content().contains("type: rnn").contains("type: bpe");
    assertThat(run.resolve("model/source.bpe")).exists();
    assertMemorised(run);
  }

  private void assertMemorised(Path run) throws IOException {
    Path model = run.resolve("model");
    assertThat(model.resolve("source.vocab")).exists();
    assertThat(model.resolve("target.vocab")).exists();

    List<String> sources = new ArrayList<>();
    List<String> references = new ArrayList<>();
    for (String[] p : Cli.PAIRS) {
      sources.add(p[0]);
      references.add(p[1]);
    }
    Path input = Files.write(dir.resolve("input.de"), sources, StandardCharsets.UTF_8);
    Path output = dir.resolve("output-" + run.getFileName() + ".en");
    Cli.Outcome translated = Cli.run(List.of("translate", model.toString(), "-i", input.toString(),
        "-o", output.toString(), "--beam", "1", "--quiet"));
    assertThat(translated.code()).as(translated.err()).isZero();
    List<String> got = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(got).hasSameSizeAs(references);
    // Lower-cased models give lower-cased text; compare what the model can reproduce.
    boolean cased = !got.equals(got.stream().map(String::toLowerCase).toList());
    List<String> expected = cased ? references : references.stream().map(String::toLowerCase).toList();
    assertThat(got).containsExactlyElementsOf(expected);

    Cli.Outcome evaluated =
        Cli.run(List.of("evaluate", model.toString(), "--json", "--set", "decode.beam_size=1"));
    assertThat(evaluated.code()).as(evaluated.err()).isEqualTo(ExitCode.OK);
    JsonNode scores = evaluated.lastJson();
    assertThat(scores.get("bleu_lc").asDouble()).isGreaterThan(99.9);
    // Cased BLEU and chrF only reach 100 when the model keeps case.
    assertThat(scores.get(cased ? "chrf" : "bleu_lc").asDouble()).isGreaterThan(99.9);
    assertThat(scores.get("chrf").asDouble()).isBetween(0.0, 100.0 + 1e-9);
    assertThat(scores.get("loss").asDouble()).isFinite().isPositive();
    assertThat(scores.has("bleu")).isTrue();
    // sacreBLEU's signatures say how each score was computed.
    assertThat(scores.path("signatures").path("bleu").asString())
        .startsWith("nrefs:1|case:mixed|").contains("tok:13a");
    assertThat(scores.path("signatures").path("bleu_lc").asString()).startsWith("nrefs:1|case:lc|");
    assertThat(scores.path("signatures").path("chrf").asString()).startsWith("nrefs:1|case:mixed|");
    Cli.Outcome text = Cli.run(List.of("evaluate", model.toString(), "--set", "decode.beam_size=1"));
    assertThat(text.out()).containsPattern("(?m)^bleu_lc +[0-9.]+  nrefs:1\\|case:lc\\|");
  }
}
