package dev.seq2seq.task.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.recipe.config.Violation;
import dev.seq2seq.task.speech.data.Alphabet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconScorerTest {
  private final LexiconScorer digits = new LexiconScorer(List.of("one", "two", "three"));

  /** Labels of {@code text} as written (encode would strip a trailing space). */
  private static int[] labels(String text) {
    return text.chars().map(Alphabet.SYMBOLS::indexOf).toArray();
  }

  private double extend(String prefix, char c) {
    return digits.extend(labels(prefix), Alphabet.SYMBOLS.indexOf(c));
  }

  @Test
  void allowsOnlyPrefixesOfWordSequences() {
    assertThat(extend("", 't')).isZero();
    assertThat(extend("t", 'h')).isZero();
    assertThat(extend("t", 'w')).isZero();
    assertThat(extend("t", 'x')).isNegative().isInfinite();
    assertThat(extend("", 'x')).isInfinite();
    // A space only after a whole word, and the next word starts afresh.
    assertThat(extend("thr", ' ')).isInfinite();
    assertThat(extend("two", ' ')).isZero();
    assertThat(extend("", ' ')).isInfinite();
    assertThat(extend("two ", 'o')).isZero();
    assertThat(extend("two ", 'w')).isInfinite();
    assertThat(extend("two ", ' ')).isInfinite();
    assertThat(extend("one", 'e')).isInfinite();
  }

  @Test
  void knowsWhetherAHypothesisEndsOnAWholeWord() {
    assertThat(digits.complete(labels("two three"))).isTrue();
    assertThat(digits.complete(labels("two thr"))).isFalse();
    assertThat(digits.complete(new int[0])).isTrue();
  }

  @Test
  void rejectsEntriesThatAreNotSingleWordsOfTheAlphabet() {
    assertThatThrownBy(() -> new LexiconScorer(List.of("new york"))).hasMessageContaining("new york");
    assertThatThrownBy(() -> new LexiconScorer(List.of("4x4"))).hasMessageContaining("'4'");
    assertThat(new SpeechTaskConfig(List.of("ok", " ")).validate()).extracting(Violation::key)
        .containsExactly("lexicon");
    assertThat(new SpeechTaskConfig(List.of("ok")).validate()).isEmpty();
  }
}
