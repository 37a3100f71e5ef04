package dev.seq2seq.task.speech.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordUnitsTest {
  private final WordUnits digits = new WordUnits(List.of("zero", "one", "Two", "three"));

  @Test
  void wordsAreClassesAfterTheBlank() {
    assertThat(digits.size()).isEqualTo(5);
    assertThat(digits.encode("  three ONE  two ", "s")).containsExactly(4, 2, 3);
    assertThat(digits.encode("", "s")).isEmpty();
    assertThat(digits.decode(new int[] {4, 2, 2, 1})).isEqualTo("three one one zero");
    assertThat(digits.decode(new int[0])).isEmpty();
    assertThat(digits.constraint()).isNull();
  }

  @Test
  void unknownWordsAndLabelsAreNamed() {
    assertThatThrownBy(() -> digits.encode("one five", "utterance 5_george_3"))
        .hasMessageContaining("utterance 5_george_3").hasMessageContaining("\"five\"")
        .hasMessageContaining("zero, one, two, three");
    assertThatThrownBy(() -> digits.decode(new int[] {5})).hasMessageContaining("label 5");
    assertThatThrownBy(() -> digits.decode(new int[] {0})).hasMessageContaining("label 0");
  }

  @Test
  void entriesMustBeDistinctSingleWords() {
    assertThatThrownBy(() -> new WordUnits(List.of("one", "new york")))
        .hasMessageContaining("\"new york\" is not a single word");
    assertThatThrownBy(() -> new WordUnits(List.of("one", "ONE")))
        .hasMessageContaining("\"ONE\" is listed twice");
    assertThatThrownBy(() -> new WordUnits(List.of())).hasMessageContaining("at least one word");
  }

  @Test
  void jsonListsTheWordsEscaped() {
    assertThat(digits.json())
        .isEqualTo("{\"blank\": 0, \"units\": \"words\", \"symbols\": [\"<blank>\", \"zero\","
            + " \"one\", \"two\", \"three\"]}\n");
    assertThat(new WordUnits(List.of("say\"x\\")).json()).contains("\"say\\\"x\\\\\"");
    assertThat(new CharacterUnits(List.of()).json()).isEqualTo(Alphabet.json());
  }
}
