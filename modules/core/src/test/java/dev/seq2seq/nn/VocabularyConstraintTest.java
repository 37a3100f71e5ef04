package dev.seq2seq.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.nn.CtcDecoder.Result;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Digit words over a character alphabet like asr-small's: blank 0, space 1, a-z 2-27, ' 28. */
class VocabularyConstraintTest {
  static final int CLASSES = 29;
  static final int SPACE = 1;
  static final List<String> DIGITS =
      List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "oh");
  final VocabularyConstraint digits = VocabularyConstraint.of(DIGITS, VocabularyConstraintTest::label, SPACE);

  static int label(int c) {
    return c == ' ' ? SPACE : c == '\'' ? 28 : c >= 'a' && c <= 'z' ? c - 'a' + 2 : -1;
  }

  static int[] labels(String text) {
    return text.codePoints().map(VocabularyConstraintTest::label).toArray();
  }

  static String text(int[] labels) {
    StringBuilder sb = new StringBuilder();
    for (int l : labels) {
      sb.append(l == SPACE ? ' ' : l == 28 ? '\'' : (char) ('a' + l - 2));
    }
    return sb.toString();
  }

  boolean allowed(String prefix, char next) {
    return digits.extend(labels(prefix), label(next)) == 0.0;
  }

  @Test
  void labelsMayOnlySpellVocabularyWordsSeparatedOnce() {
    assertThat(allowed("", 'o')).isTrue();
    assertThat(allowed("", 'a')).isFalse();
    assertThat(allowed("", ' ')).isFalse(); // no leading separator
    assertThat(allowed("on", 'e')).isTrue();
    assertThat(allowed("on", ' ')).isFalse(); // "on" is not a word
    assertThat(allowed("one", ' ')).isTrue();
    assertThat(allowed("one ", ' ')).isFalse(); // no doubled separator
    assertThat(allowed("one t", 'h')).isTrue();
    assertThat(allowed("one t", 'e')).isFalse();
    assertThat(allowed("thre", 'e')).isTrue(); // a repeated letter is an ordinary extension
    assertThat(allowed("oh", ' ')).isTrue(); // a word that is a prefix of no other
    assertThat(allowed("xy", 'z')).isFalse(); // a prefix already outside the vocabulary
  }

  @Test
  void completeTranscriptsAreWholeWords() {
    assertThat(digits.complete(labels(""))).isTrue();
    assertThat(digits.complete(labels("one two"))).isTrue();
    assertThat(digits.complete(labels("one two "))).isTrue();
    assertThat(digits.complete(labels("one tw"))).isFalse();
    assertThat(digits.complete(labels(" one"))).isFalse();
    assertThat(digits.complete(labels("one  two"))).isFalse();
    assertThat(digits.complete(labels(" "))).isFalse();
    assertThat(digits.complete(labels("ten"))).isFalse();
  }

  /** Frames that each favour one character with probability p, the rest spread evenly. */
  static float[] frames(String spelled, double p, int[] alternativeAt, char alternative, double q) {
    float[] lp = new float[spelled.length() * CLASSES];
    for (int t = 0; t < spelled.length(); t++) {
      double[] probs = new double[CLASSES];
      char c = spelled.charAt(t);
      int best = c == '_' ? 0 : label(c);
      int frame = t;
      boolean alt = Arrays.stream(alternativeAt).anyMatch(a -> a == frame);
      double rest = 1 - p - (alt ? q : 0);
      Arrays.fill(probs, rest / (CLASSES - (alt ? 2 : 1)));
      probs[best] = p;
      if (alt) {
        probs[label(alternative)] = q;
      }
      for (int k = 0; k < CLASSES; k++) {
        lp[t * CLASSES + k] = (float) Math.log(probs[k]);
      }
    }
    return lp;
  }

  @Test
  void constrainedBeamSpellsOnlyDigitWords() {
    // The acoustics favour "two onr" (the last letter 'r' at .5, 'e' at .4): greedy and the
    // free beam spell the non-word, the constrained beam the digits.
    float[] lp = frames("tw_o_ o_n_r", 0.5, new int[] {10}, 'e', 0.4);
    int frames = 11;
    assertThat(text(CtcDecoder.greedy(lp, frames, CLASSES, 0).labels())).isEqualTo("two onr");
    assertThat(text(CtcDecoder.prefixBeam(lp, frames, CLASSES, 0, 8, null).get(0).labels()))
        .isEqualTo("two onr");
    List<Result> constrained = CtcDecoder.prefixBeam(lp, frames, CLASSES, 0, 8, digits);
    assertThat(text(constrained.get(0).labels())).isEqualTo("two one");
    for (Result r : constrained) {
      // Every result is digit words, the last one possibly unfinished ("two se" for seven).
      String[] words = text(r.labels()).split(" ", -1);
      for (int i = 0; i < words.length - 1; i++) {
        assertThat(DIGITS).as(text(r.labels())).contains(words[i]);
      }
      String last = words[words.length - 1];
      assertThat(DIGITS.stream().anyMatch(d -> d.startsWith(last))).as(text(r.labels())).isTrue();
    }
    List<Result> complete = digits.keepComplete(constrained);
    assertThat(complete).extracting(r -> text(r.labels())).startsWith("two one");
    for (Result r : complete) {
      assertThat(DIGITS).containsAll(Arrays.asList(text(r.labels()).strip().split(" ")));
    }
  }

  @Test
  void badVocabulariesAreRejected() {
    assertThatThrownBy(() -> VocabularyConstraint.of(List.of("one", "tw0"), VocabularyConstraintTest::label, SPACE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vocabulary word 'tw0' has the character '0', which is not in the model's labels");
    assertThatThrownBy(() -> new VocabularyConstraint(List.of(), SPACE))
        .hasMessage("the vocabulary has no words");
    assertThatThrownBy(() -> new VocabularyConstraint(List.of(new int[] {2, SPACE, 3}), SPACE))
        .hasMessage("word [2, 1, 3] contains the separator 1");
    assertThatThrownBy(() -> new VocabularyConstraint(List.of(new int[0]), SPACE))
        .hasMessage("the vocabulary has an empty word");
  }
}
