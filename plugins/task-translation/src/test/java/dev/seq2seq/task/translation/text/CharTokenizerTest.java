package dev.seq2seq.task.translation.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharTokenizerTest {
  @Test
  void charactersWithVisibleSpacesRoundTrip() {
    CharTokenizer t = new CharTokenizer(false);
    assertThat(t.encode(" Hi  ü😀!")).containsExactly("H", "i", "\u2581", "ü", "😀", "!");
    assertThat(t.decode(t.encode("Zwei Hunde spielen."))).isEqualTo("Zwei Hunde spielen.");
    assertThat(new CharTokenizer(true).encode("AB")).containsExactly("a", "b");
  }
}
