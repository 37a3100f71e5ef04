package dev.seq2seq.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.metric.MetricOptions;
import dev.seq2seq.metric.MetricScore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** chrF on cases small enough to compute by hand (worked in the comments). */
class ChrfTest {
  private final Chrf chrf = new Chrf();

  double chrf(String hyp, String ref, MetricOptions options) {
    return chrf.score(List.of(hyp), List.of(List.of(ref)), options).score();
  }

  @Test
  void identicalIsOneHundredAndDisjointIsZero() {
    assertThat(chrf("hello world", "hello world", MetricOptions.DEFAULTS)).isCloseTo(100, within(1e-9));
    assertThat(chrf("ab", "cd", MetricOptions.DEFAULTS)).isZero();
    // Whitespace is removed before counting, so spacing alone changes nothing.
    assertThat(chrf("hel lo", "hello", MetricOptions.DEFAULTS)).isCloseTo(100, within(1e-9));
  }

  @Test
  void workedExample() {
    // "ab" vs "abc": order 1: P = 2/2, R = 2/3; order 2: P = 1/1, R = 1/2; order 3 has no
    // hypothesis n-grams and orders 4-6 none at all, so only two orders count.
    // avgP = 1, avgR = 7/12; F2 = 5 * 1 * 7/12 / (4 + 7/12) = 35/55 = 7/11.
    assertThat(chrf("ab", "abc", MetricOptions.DEFAULTS)).isCloseTo(100.0 * 7 / 11, within(1e-9));
  }

  @Test
  void chrfPlusPlusAddsWordNgrams() {
    // "ab cd" vs "ab ce": characters "abcd" vs "abce": orders 1-4 match 3/4, 2/3, 1/2, 0 on
    // both sides (P = R). Words: unigrams 1/2, bigrams 0. chrF (4 orders): 23/48; chrF++ (6
    // orders): 29/72. With P = R, F-beta equals that common value.
    assertThat(chrf("ab cd", "ab ce", MetricOptions.DEFAULTS)).isCloseTo(100.0 * 23 / 48, within(1e-9));
    MetricScore pp =
        chrf.score(List.of("ab cd"), List.of(List.of("ab ce")), MetricOptions.DEFAULTS.withWordOrder(2));
    assertThat(pp.score()).isCloseTo(100.0 * 29 / 72, within(1e-9));
    assertThat(chrf.summary(pp)).isEqualTo("chrF2++ = 40.28");
    assertThat(pp.signature()).isEqualTo("nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0");
  }

  @Test
  void wordSplittingSeparatesOnePunctuationMark() {
    assertThat(Chrf.splitPunctuation("Hello, (world) ! x."))
        .containsExactly("Hello", ",", "(world", ")", "!", "x", ".");
  }

  @Test
  void bestReferencePerSegmentAndLowercase() {
    MetricScore s =
        chrf.score(List.of("abc"), List.of(List.of("xyz"), List.of("abc")), MetricOptions.DEFAULTS);
    assertThat(s.score()).isCloseTo(100, within(1e-9));
    assertThat(s.signature()).startsWith("nrefs:2|case:mixed|");
    assertThat(chrf("ABC", "abc", MetricOptions.DEFAULTS.withLowercase(true))).isCloseTo(100, within(1e-9));
    assertThatThrownBy(() -> chrf("a", "a", MetricOptions.DEFAULTS.withTokenize("13a")))
        .hasMessageContaining("chrF does not tokenize");
  }
}
