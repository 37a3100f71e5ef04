package dev.seq2seq.task.classification.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.task.classification.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTest {
  @TempDir Path dir;

  @Test
  void wordsAndMarksLowerCased() {
    RegexTokenizer words = new RegexTokenizer("\\w+|[^\\w\\s]", true);
    assertThat(words.tokenize("It's a Café-Film , right?"))
        .containsExactly("it", "'", "s", "a", "café", "-", "film", ",", "right", "?");
    assertThat(new RegexTokenizer("\\S+", false).tokenize("  Keep  CASE ")).containsExactly("Keep", "CASE");
    assertThat(words.tokenize("   ")).isEmpty();
    assertThat(new RegexTokenizer("x*", false).tokenize("ab")).isEmpty(); // empty matches skipped
  }

  @Test
  void vocabularyByCountThenFirstSeenAndRoundTrip() throws IOException {
    Vocabulary v = Vocabulary.build(List.of(List.of("b", "a", "c"), List.of("a", "c", "d")), 1);
    // a and c twice (a seen first), then b and d once, in the order first seen.
    assertThat(List.of(v.token(0), v.token(1), v.token(2), v.token(3), v.token(4), v.token(5)))
        .containsExactly("<pad>", "<unk>", "a", "c", "b", "d");
    assertThat(v.encode(List.of("c", "zzz"))).containsExactly(3, Vocabulary.UNK);
    Vocabulary frequent = Vocabulary.build(List.of(List.of("b", "a", "c"), List.of("a", "c")), 2);
    assertThat(frequent.size()).isEqualTo(4);
    assertThat(frequent.id("b")).isEqualTo(Vocabulary.UNK);

    Path file = dir.resolve("vocabulary.txt");
    v.save(file);
    Vocabulary back = Vocabulary.load(file);
    assertThat(back.size()).isEqualTo(6);
    assertThat(back.id("d")).isEqualTo(5);
    Files.writeString(file, "hello\n");
    assertThatThrownBy(() -> Vocabulary.load(file)).isInstanceOf(DataException.class)
        .hasMessageContaining(file + ": not a vocabulary");
  }
}
