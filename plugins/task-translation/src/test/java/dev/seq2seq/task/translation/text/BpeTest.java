package dev.seq2seq.task.translation.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.task.translation.text.BpeModel.Merge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTest {
  /** Sennrich et al. (2016), Algorithm 1's dictionary. */
  static final Map<String, Long> CLASSIC = Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L);

  @TempDir Path dir;

  @Test
  void learnsTheClassicMergesInOrder() {
    List<Merge> merges = BpeLearner.learn(CLASSIC, 10, 2);
    // es (9), est (9), est</w> (9), lo (7), low (7) as in the paper; then the three pairs
    // counted 6 (n e, e w, w est</w>) tie and string order picks "e w" first.
    assertThat(merges.subList(0, 6)).containsExactly(
        new Merge("e", "s"), new Merge("es", "t"), new Merge("est", "</w>"),
        new Merge("l", "o"), new Merge("lo", "w"), new Merge("e", "w"));
    assertThat(merges).hasSize(10);
  }

  @Test
  void learningIsIndependentOfInputOrderAndStopsAtTheMinimumCount() {
    assertThat(BpeLearner.learn(new java.util.LinkedHashMap<>(CLASSIC), 100, 2))
        .isEqualTo(BpeLearner.learn(new java.util.TreeMap<>(CLASSIC), 100, 2));
    // Every remaining pair occurs < 2 times eventually: learning stops before 100 merges.
    assertThat(BpeLearner.learn(CLASSIC, 100, 2).size()).isLessThan(100);
    assertThat(BpeLearner.learn(Map.of("aaaa", 3L), 5, 1))
        .as("aa aa </w>: both pairs count 3, and '</w>' sorts before 'aa'")
        .containsExactly(new Merge("a", "a"), new Merge("aa", "</w>"), new Merge("aa", "aa</w>"));
  }

  @Test
  void segmentsWithTheLearnedMergesAndRoundTrips() {
    BpeModel model = new BpeModel(BpeLearner.learn(CLASSIC, 5, 2));
    assertThat(model.segment("lowest")).containsExactly("low", "est</w>");
    assertThat(model.segment("newer")).containsExactly("n", "e", "w", "e", "r", "</w>");
    BpeTokenizer t = new BpeTokenizer(new WordTokenizer(true), model);
    assertThat(t.encode("Lowest, widest.")).containsExactly("low", "est</w>", ",", "</w>", "w", "i", "d", "est</w>", ".", "</w>");
    assertThat(t.decode(t.encode("the lowest (and newest) widest, don't."))).isEqualTo("the lowest (and newest) widest, don't.");
    assertThat(t.decode(List.of("low", "est"))).as("output cut mid-word").isEqualTo("lowest");
  }

  @Test
  void mergesSaveAndLoadAsText() throws IOException {
    BpeModel model = new BpeModel(BpeLearner.learn(CLASSIC, 8, 2));
    Path file = dir.resolve("m.bpe");
    model.save(file);
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).startsWith(BpeModel.HEADER, "e s", "es t", "est </w>");
    assertThat(BpeModel.load(file).merges()).isEqualTo(model.merges());
    Files.writeString(file, BpeModel.HEADER + "\na b\nabc\n");
    assertThatThrownBy(() -> BpeModel.load(file)).isInstanceOf(IOException.class).hasMessageContaining("m.bpe:3:");
  }

  @Test
  void configBuildsJointOrPerLanguageAndReloads() throws IOException {
    List<String> de = List.of("der niedrigste", "der neueste", "der neueste");
    List<String> en = List.of("the lowest", "the newest", "the newest");
    TokenizerPair joint = new BpeTokenizerConfig(20, true, 2, true).build(de, en);
    assertThat(joint.source()).isSameAs(joint.target());
    TokenizerPair split = new BpeTokenizerConfig(20, false, 2, true).build(de, en);
    assertThat(split.source().encode("neueste")).containsExactly("neueste</w>");
    assertThat(split.target().encode("neueste")).hasSizeGreaterThan(1);
    split.save(dir);
    TokenizerPair loaded = new BpeTokenizerConfig(20, false, 2, true).load(dir);
    assertThat(loaded.source().encode("der neueste the newest")).isEqualTo(split.source().encode("der neueste the newest"));
    assertThat(loaded.target().encode("der neueste the newest")).isEqualTo(split.target().encode("der neueste the newest"));
  }
}
