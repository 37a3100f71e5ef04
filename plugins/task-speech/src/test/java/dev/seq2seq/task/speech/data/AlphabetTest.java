package dev.seq2seq.task.speech.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlphabetTest {
  @Test
  void matchesThePeersClassOrder() {
    assertThat(Alphabet.size()).isEqualTo(29);
    assertThat(Alphabet.encode("a b'z", "t")).containsExactly(2, 1, 3, 28, 27);
    assertThat(Alphabet.encode("seven", "t")).containsExactly(20, 6, 23, 6, 15);
  }

  @Test
  void normalisesCaseAndSpaces() {
    assertThat(Alphabet.decode(Alphabet.encode("  Three\t ONE  four ", "t"))).isEqualTo("three one four");
  }

  @Test
  void rejectsCharactersOutsideTheAlphabetNamingTheSource() {
    assertThatThrownBy(() -> Alphabet.encode("route 66", "train.jsonl:4"))
        .hasMessageContaining("train.jsonl:4").hasMessageContaining("'6'");
    assertThatThrownBy(() -> Alphabet.encode("a_b", "x")).hasMessageContaining("'_'");
    assertThatThrownBy(() -> Alphabet.decode(new int[] {0})).hasMessageContaining("label 0");
  }
}
