package dev.seq2seq.task.translation.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
  @TempDir Path dir;

  static final Map<String, Long> COUNTS = Map.of("b", 5L, "a", 5L, "c", 7L, "rare", 1L, "d", 2L);

  @Test
  void specialsFirstThenFrequencyThenStringOrder() {
    Vocabulary v = Vocabulary.build(COUNTS, 2, 100);
    assertThat(v.tokens()).containsExactly("<pad>", "<unk>", "<s>", "</s>", "c", "a", "b", "d");
    assertThat(v.id("<pad>")).isZero();
    assertThat(v.id("c")).isEqualTo(4);
    assertThat(Vocabulary.build(COUNTS, 1, 6).tokens()).containsExactly("<pad>", "<unk>", "<s>", "</s>", "c", "a");
    assertThatThrownBy(() -> Vocabulary.build(COUNTS, 1, 3)).hasMessageContaining("specials");
  }

  @Test
  void unknownTokensBecomeUnkAndAreCounted() {
    Vocabulary v = Vocabulary.build(COUNTS, 2, 100);
    Vocabulary.Encoded e = v.encode(List.of("c", "rare", "zz", "a"), true);
    assertThat(e.ids()).containsExactly(2, 4, 1, 1, 5, 3);
    assertThat(e.unknown()).isEqualTo(2);
    assertThat(v.decode(new int[] {2, 4, 1, 5, 3, 6, 0})).containsExactly("c", "<unk>", "a");
  }

  @Test
  void savesAsOneTokenPerLineAndLoadsBack() throws IOException {
    Vocabulary v = Vocabulary.build(Map.of("straße", 3L, "\"", 2L, "x y", 2L), 2, 100);
    Path file = dir.resolve("vocab.txt");
    v.save(file);
    assertThat(Files.readAllLines(file)).containsExactly("<pad>", "<unk>", "<s>", "</s>", "straße", "\"", "x y");
    assertThat(Vocabulary.load(file)).isEqualTo(v);
    Files.writeString(file, "<unk>\n<pad>\n<s>\n</s>\n");
    assertThatThrownBy(() -> Vocabulary.load(file)).hasMessageContaining("vocab.txt").hasMessageContaining("<pad> <unk>");
  }
}
