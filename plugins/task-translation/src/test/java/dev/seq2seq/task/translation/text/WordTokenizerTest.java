package dev.seq2seq.task.translation.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
  private final WordTokenizer lower = new WordTokenizer(true);
  private final WordTokenizer keep = new WordTokenizer(false);

  @Test
  void splitsWordsAndEachPunctuationMarkWithUnicodeClasses() {
    assertThat(lower.encode("Zwei Männer, die Fußball spielen."))
        .containsExactly("zwei", "männer", ",", "die", "fußball", "spielen", ".");
    assertThat(keep.encode("A t-shirt (blue)!?")).containsExactly("A", "t", "-", "shirt", "(", "blue", ")", "!", "?");
    assertThat(keep.encode("  café  \t 42_b ")).containsExactly("café", "42_b");
    assertThat(keep.encode("")).isEmpty();
  }

  @Test
  void detokenisationReattachesPunctuation() {
    assertThat(keep.decode(List.of("a", "dog", ",", "a", "cat", "(", "white", ")", "and", "a", "t", "-", "shirt", ".")))
        .isEqualTo("a dog, a cat (white) and a t-shirt.");
    assertThat(keep.decode(List.of("he", "said", "\"", "hi", "\"", "!"))).isEqualTo("he said \"hi\"!");
    assertThat(keep.decode(List.of("a", "-", "b"))).isEqualTo("a-b");
    assertThat(keep.decode(List.of("well", "-", "(", "no", ")"))).as("a dash that joins no words").isEqualTo("well - (no)");
  }

  @Test
  void apostrophesJoinClitics() {
    assertThat(keep.decode(List.of("don", "'", "t", "touch", "the", "dog", "'", "s", "bowl")))
        .isEqualTo("don't touch the dog's bowl");
    assertThat(keep.decode(List.of("o", "'", "clock"))).isEqualTo("o'clock");
    assertThat(keep.decode(List.of("the", "'", "big", "'", "one"))).isEqualTo("the ' big ' one");
  }

  @Test
  void roundTripsOrdinaryCaptions() {
    for (String s : List.of(
        "A man in a blue t-shirt (smiling) says: \"Don't stop!\"",
        "Ein Mann mit einem orangefarbenen Hut, der etwas anstarrt.",
        "Two dogs play; one is 3 years old, the other isn't?")) {
      assertThat(keep.decode(keep.encode(s))).isEqualTo(s);
    }
  }
}
