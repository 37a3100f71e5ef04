package dev.seq2seq.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected outputs follow the mteval-v13a / v14 rules by hand; see each comment. */
class BleuTokenizerTest {
  static String t13a(String s) {
    return BleuTokenizer.THIRTEEN_A.tokenize(s);
  }

  @Test
  void thirteenAUnescapesEntitiesInOrder() {
    assertThat(t13a("He said &quot;hi&quot;.")).isEqualTo("He said \" hi \" .");
    assertThat(t13a("R&amp;D &lt;b&gt;")).isEqualTo("R & D < b >");
    // "&amp;" becomes "&" before "&lt;" is replaced, so a double escape collapses fully.
    assertThat(t13a("&amp;lt;")).isEqualTo("<");
  }

  @Test
  void thirteenADropsSkippedTagsAndJoinsHyphenatedLineBreaks() {
    assertThat(t13a("a <skipped> b")).isEqualTo("a b");
    assertThat(t13a("co-\noperation\nworks")).isEqualTo("cooperation works");
  }

  @Test
  void thirteenAKeepsNumberPunctuationAndSplitsTheRest() {
    // Period and comma stay between digits; a dash after a digit is split off.
    assertThat(t13a("It costs 1,000.50 dollars, 3-4 days."))
        .isEqualTo("It costs 1,000.50 dollars , 3 - 4 days .");
    // The padding space lets a sentence-final period after a number split (unlike intl).
    assertThat(t13a("in 2019.")).isEqualTo("in 2019 .");
    // Apostrophes and hyphens between letters are not split.
    assertThat(t13a("It wasn't a well-known (sic) fact!")).isEqualTo("It wasn't a well-known ( sic ) fact !");
    assertThat(t13a("  lots   of\tspace  ")).isEqualTo("lots of space");
  }

  @Test
  void intlSplitsUnicodePunctuationAndSymbols() {
    assertThat(BleuTokenizer.INTL.tokenize("Hello, world! 3.14 costs $5 in 2019."))
        .isEqualTo("Hello , world ! 3.14 costs $ 5 in 2019.");
    assertThat(BleuTokenizer.INTL.tokenize("«Bonjour» — dit-il €10")).isEqualTo("« Bonjour » — dit - il € 10");
  }

  @Test
  void charAndNone() {
    assertThat(BleuTokenizer.CHAR.tokenize("ab c")).isEqualTo("a b   c");
    // A character outside the BMP is one token, not two UTF-16 halves.
    assertThat(BleuTokenizer.CHAR.tokenize("😀x")).isEqualTo("😀 x");
    assertThat(BleuTokenizer.NONE.tokenize("a,b .")).isEqualTo("a,b .");
  }

  @Test
  void pythonWhitespaceAndRounding() {
    assertThat(PyText.split("a\u00a0b\u2003c\u200bd")).containsExactly("a", "b", "c\u200bd");
    assertThat(PyText.rstrip("x \u3000\n")).isEqualTo("x");
    assertThat(PyText.fixed(0.125, 2)).isEqualTo("0.12");
    assertThat(PyText.fixed(2.675, 2)).isEqualTo("2.67");
    assertThat(PyText.fixed(48.530827, 2)).isEqualTo("48.53");
  }
}
