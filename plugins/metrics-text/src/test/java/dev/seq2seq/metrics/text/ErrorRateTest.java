package dev.seq2seq.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.metric.MetricOptions;
import dev.seq2seq.metric.MetricScore;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** WER and CER on cases counted by hand (the counts are in the comments). */
class ErrorRateTest {
  private final ErrorRate wer = new ErrorRate.Wer();
  private final ErrorRate cer = new ErrorRate.Cer();

  static MetricScore score(ErrorRate metric, List<String> hyp, List<String> ref) {
    return metric.score(hyp, List.of(ref), MetricOptions.DEFAULTS);
  }

  /** substitutions, deletions, insertions, reference length. */
  static long[] counts(MetricScore s) {
    Map<String, Double> d = s.details();
    return new long[] {
      d.get("substitutions").longValue(), d.get("deletions").longValue(),
      d.get("insertions").longValue(), d.get("reference_length").longValue()
    };
  }

  @Test
  void wordErrorsAreCountedByKind() {
    // the cat sat on the mat / the cat sit on mat: sat->sit substituted, the second "the"
    // deleted: 2 errors in 6 words.
    MetricScore s = score(wer, List.of("the cat sit on mat"), List.of("the cat sat on the mat"));
    assertThat(counts(s)).containsExactly(1, 1, 0, 6);
    assertThat(s.score()).isCloseTo(100.0 * 2 / 6, within(1e-12));
    assertThat(s.details()).containsEntry("hits", 4.0).containsEntry("hypothesis_length", 5.0);
  }

  @Test
  void emptyLinesAndInsertionsOnly() {
    // An empty hypothesis deletes every reference word.
    MetricScore s = score(wer, List.of(""), List.of("one two three"));
    assertThat(counts(s)).containsExactly(0, 3, 0, 3);
    assertThat(s.score()).isEqualTo(100.0);

    // An empty reference line makes every hypothesis word an insertion; it adds nothing to the
    // reference length, so the rate can pass 100.
    s = score(wer, List.of("one", "two three four"), List.of("one", ""));
    assertThat(counts(s)).containsExactly(0, 0, 3, 1);
    assertThat(s.score()).isEqualTo(300.0);

    // Insertions only, around the reference words.
    s = score(wer, List.of("uh one uh two uh"), List.of("one two"));
    assertThat(counts(s)).containsExactly(0, 0, 3, 2);
    assertThat(s.score()).isEqualTo(150.0);

    // Both empty is a perfect line.
    s = score(wer, List.of("", "a"), List.of("", "a"));
    assertThat(counts(s)).containsExactly(0, 0, 0, 1);
    assertThat(s.score()).isZero();

    assertThatThrownBy(() -> score(wer, List.of("a", "b"), List.of("", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the references have no words: WER is undefined");
  }

  @Test
  void theCorpusRateSumsCountsInsteadOfAveragingLines() {
    // 1 error in 5 reference words is 20%; the mean of the line rates would be 50%.
    MetricScore s = score(wer, List.of("a b c d", "x"), List.of("a b c d", "e"));
    assertThat(s.score()).isCloseTo(20.0, within(1e-12));
  }

  @Test
  void tiesPreferSubstitutions() {
    // a b / b c: two substitutions, or a deletion and an insertion; both cost 2.
    assertThat(counts(score(wer, List.of("b c"), List.of("a b")))).containsExactly(2, 0, 0, 2);
  }

  @Test
  void whitespaceIsNormalisedAndLowercaseIsAnOption() {
    assertThat(score(wer, List.of("  one \t two  "), List.of("one two")).score()).isZero();
    MetricScore mixed = score(wer, List.of("Hello World"), List.of("hello world"));
    assertThat(counts(mixed)).containsExactly(2, 0, 0, 2);
    assertThat(mixed.signature()).isEqualTo("nrefs:1|case:mixed|unit:word");
    MetricScore lc = wer.score(List.of("Hello World"), List.of(List.of("hello world")),
        MetricOptions.DEFAULTS.withLowercase(true));
    assertThat(lc.score()).isZero();
    assertThat(lc.signature()).isEqualTo("nrefs:1|case:lc|unit:word");
  }

  @Test
  void characterErrorsCountTheSpacesBetweenWords() {
    // a b c _ d e / a b d _ d e: one substitution in 6 characters.
    MetricScore s = score(cer, List.of("abd de"), List.of("abc de"));
    assertThat(counts(s)).containsExactly(1, 0, 0, 6);
    assertThat(s.score()).isCloseTo(100.0 / 6, within(1e-12));
    assertThat(s.signature()).isEqualTo("nrefs:1|case:mixed|unit:char|space:yes");

    // A lost word boundary is one deleted character of 7; extra spaces are normalised away.
    assertThat(counts(score(cer, List.of("onetwo"), List.of("one two")))).containsExactly(0, 1, 0, 7);
    assertThat(score(cer, List.of(" one   two "), List.of("one two")).score()).isZero();

    // Characters are code points: the emoji outside the BMP is one deletion of 3.
    assertThat(counts(score(cer, List.of("ab"), List.of("a\uD83D\uDE00b")))).containsExactly(0, 1, 0, 3);

    // Empty hypothesis: every character deleted, spaces included.
    assertThat(counts(score(cer, List.of(""), List.of("ab c")))).containsExactly(0, 4, 0, 4);
    assertThatThrownBy(() -> score(cer, List.of("abc"), List.of("")))
        .hasMessage("the references have no characters: CER is undefined");
  }

  @Test
  void unsupportedInputsAreRejected() {
    assertThatThrownBy(() -> wer.score(List.of("a"), List.of(List.of("a"), List.of("b")),
            MetricOptions.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WER takes one reference set, got 2 (several references are not supported)");
    assertThatThrownBy(() -> cer.score(List.of("a"), List.of(List.of("a")),
            MetricOptions.DEFAULTS.withTokenize("13a")))
        .hasMessageContaining("CER has no tokenize option");
    assertThatThrownBy(() -> wer.score(List.of("a"), List.of(List.of("a")),
            MetricOptions.DEFAULTS.withWordOrder(2)))
        .hasMessageContaining("WER has no word order option");
    assertThatThrownBy(() -> wer.score(List.of("a", "b"), List.of(List.of("a")),
            MetricOptions.DEFAULTS))
        .hasMessage("reference set 1 has 1 segments but there are 2 hypotheses");
  }

  @Test
  void summaryAndJsonFields() {
    MetricScore s = score(wer, List.of("the cat sit on mat"), List.of("the cat sat on the mat"));
    assertThat(wer.summary(s)).isEqualTo("WER = 33.33 (sub 1, del 1, ins 0; 6 reference words)");
    assertThat(wer.jsonFields(s)).containsExactly(
        Map.entry("wer", s.score()), Map.entry("substitutions", 1L), Map.entry("deletions", 1L),
        Map.entry("insertions", 0L), Map.entry("hits", 4L), Map.entry("reference_length", 6L),
        Map.entry("hypothesis_length", 5L));
    assertThat(cer.jsonFields(score(cer, List.of("a"), List.of("a")))).containsKey("cer");
  }

  @Test
  void alignmentCountsAreConsistentWithTheEditDistance() {
    Random random = new Random(5);
    for (int trial = 0; trial < 300; trial++) {
      int[] ref = random.ints(random.nextInt(9), 0, 4).toArray();
      int[] hyp = random.ints(random.nextInt(9), 0, 4).toArray();
      EditCounts c = EditCounts.align(ref, hyp);
      assertThat(c.errors()).isEqualTo(distance(ref, hyp));
      assertThat(c.referenceLength()).isEqualTo(ref.length);
      assertThat(c.hypothesisLength()).isEqualTo(hyp.length);
      assertThat(c.hits()).isNotNegative();
    }
  }

  /** The textbook full-matrix Levenshtein distance, independent of the counting code. */
  static long distance(int[] a, int[] b) {
    int[][] d = new int[a.length + 1][b.length + 1];
    for (int i = 0; i <= a.length; i++) {
      for (int j = 0; j <= b.length; j++) {
        d[i][j] = i == 0 ? j : j == 0 ? i
            : Math.min(d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1),
                Math.min(d[i - 1][j], d[i][j - 1]) + 1);
      }
    }
    return d[a.length][b.length];
  }
}
