package dev.seq2seq.task.lm.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, vocabularies and reading text files. */
class TextTest {
  @TempDir Path dir;

  @Test
  void charactersAreCodePoints() {
    List<String> tokens = Tokens.CHAR.split("a\u00e9\n\uD83D\uDE00!");
    assertThat(tokens).containsExactly("a", "\u00e9", "\n", "\uD83D\uDE00", "!");
    assertThat(Tokens.CHAR.join(tokens)).isEqualTo("a\u00e9\n\uD83D\uDE00!");
  }

  @Test
  void wordsKeepTheirLineBreaks() {
    List<String> tokens = Tokens.WORD.split("To be,  or not\n\nto be:\tthat\n");
    assertThat(tokens).containsExactly(
        "To", "be,", "or", "not", "<eol>", "<eol>", "to", "be:", "that", "<eol>");
    assertThat(Tokens.WORD.join(tokens)).isEqualTo("To be, or not\n\nto be: that\n");
  }

  @Test
  void vocabularyOrdersByCountThenCodePointWithUnknownFirst() {
    Vocabulary v = Vocabulary.build(Tokens.CHAR, Tokens.CHAR.split("abracadabra!"), 1, 0);
    // a:5, b:2, r:2, c:1, d:1, !:1 — ties in code-point order ("!" < "c" < "d").
    assertThat(v.tokens()).containsExactly("<unk>", "a", "b", "r", "!", "c", "d");
    assertThat(v.encode(List.of("a", "z", "d"))).containsExactly(1, 0, 6);
    assertThat(v.unknown(List.of("a", "z", "y", "z"))).containsExactly("z", "y");
    assertThat(v.contains("<unk>")).isFalse();

    Vocabulary common = Vocabulary.build(Tokens.CHAR, Tokens.CHAR.split("abracadabra!"), 2, 0);
    assertThat(common.tokens()).containsExactly("<unk>", "a", "b", "r");
    Vocabulary capped = Vocabulary.build(Tokens.CHAR, Tokens.CHAR.split("abracadabra!"), 1, 3);
    assertThat(capped.tokens()).containsExactly("<unk>", "a", "b");
  }

  @Test
  void vocabularyRoundTripsThroughItsFile() throws IOException {
    Vocabulary v = Vocabulary.build(Tokens.WORD, Tokens.WORD.split("a \"b\" a\n\\c"), 1, 0);
    Path file = dir.resolve("vocabulary.json");
    v.save(file);
    Vocabulary back = Vocabulary.load(file);
    assertThat(back.level()).isEqualTo(Tokens.WORD);
    assertThat(back.tokens()).isEqualTo(v.tokens());

    Files.writeString(file, "{\"tokens\": [\"<unk>\"]}");
    assertThatThrownBy(() -> Vocabulary.load(file)).hasMessageContaining(file.toString());
    Files.writeString(file, "not json");
    assertThatThrownBy(() -> Vocabulary.load(file))
        .hasMessageContaining(file.toString()).hasMessageContaining("not a vocabulary file");
    assertThatThrownBy(() -> Vocabulary.load(dir.resolve("none.json")))
        .hasMessageContaining("none.json: no such file");
  }

  @Test
  void readingNamesTheFileAndTheProblem() throws IOException {
    Path missing = dir.resolve("missing.txt");
    assertThatThrownBy(() -> TextFile.read(missing, StandardCharsets.UTF_8))
        .isInstanceOf(TextFileException.class).hasMessage(missing + ": no such file");
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    assertThatThrownBy(() -> TextFile.read(empty, StandardCharsets.UTF_8))
        .hasMessage(empty + ": the file is empty");
    assertThatThrownBy(() -> TextFile.read(dir, StandardCharsets.UTF_8))
        .hasMessage(dir + ": not a regular file");

    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> TextFile.read(latin1, StandardCharsets.UTF_8))
        .hasMessageStartingWith(latin1 + ": not valid UTF-8 text at byte 3")
        .hasMessageContaining("data.encoding");
    assertThat(TextFile.read(latin1, StandardCharsets.ISO_8859_1)).isEqualTo("caf\u00e9\n");
  }
}
