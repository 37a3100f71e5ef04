package dev.seq2seq.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.metric.MetricOptions;
import dev.seq2seq.metric.MetricScore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores from sacreBLEU's own test suite (test_api.py / test_bleu.py), not from this code. */
class BleuTest {
  static final List<String> HYPS =
      List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
  static final List<List<String>> REFS =
      List.of(
          List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
          List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."));

  private final Bleu bleu = new Bleu();

  @Test
  void corpusWithTwoReferenceSetsAndEachTokenizer() {
    assertThat(bleu.score(HYPS, REFS, MetricOptions.DEFAULTS).score())
        .isCloseTo(48.530827, within(1e-6));
    assertThat(bleu.score(HYPS, REFS, MetricOptions.DEFAULTS.withTokenize("none")).score())
        .isCloseTo(49.1919566, within(1e-6));
    assertThat(bleu.score(HYPS, REFS, MetricOptions.DEFAULTS.withTokenize("intl")).score())
        .isCloseTo(43.91623493, within(1e-6));
  }

  @Test
  void sentenceBleuWithEffectiveOrder() {
    MetricScore s =
        bleu.score(
            List.of("Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;"),
            List.of(List.of("producţia de zahăr brut se exprimă în zahăr alb;")),
            MetricOptions.DEFAULTS.withEffectiveOrder(true));
    assertThat(s.score()).isCloseTo(8.493, within(5e-4));
    assertThat(s.signature()).isEqualTo(
        "nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:" + Signatures.SACREBLEU_VERSION);
  }

  @Test
  void signatureInSacrebleuFormat() {
    assertThat(bleu.score(HYPS, REFS, MetricOptions.DEFAULTS).signature())
        .isEqualTo("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0");
    assertThat(
            bleu.score(HYPS, REFS, MetricOptions.DEFAULTS.withLowercase(true).withSmoothing("floor"))
                .signature())
        .isEqualTo("nrefs:2|case:lc|eff:no|tok:13a|smooth:floor[0.10]|version:2.6.0");
    assertThat(bleu.score(HYPS, REFS, MetricOptions.DEFAULTS.withSmoothing("add-k")).signature())
        .contains("|smooth:add-k[1.00]|");
  }

  @Test
  void identicalTextScoresOneHundredAndLowercaseIgnoresCase() {
    List<String> text = List.of("a b c d e", "f g h i j");
    assertThat(bleu.score(text, List.of(text), MetricOptions.DEFAULTS).score())
        .isCloseTo(100.0, within(1e-9));
    List<String> upper = List.of("A B C D E", "F G H I J");
    assertThat(bleu.score(upper, List.of(text), MetricOptions.DEFAULTS).score()).isZero();
    assertThat(bleu.score(upper, List.of(text), MetricOptions.DEFAULTS.withLowercase(true)).score())
        .isCloseTo(100.0, within(1e-9));
  }

  @Test
  void smoothingByHand() {
    // Hypothesis "a b c" against "a b d": 1-grams 2/3, 2-grams 1/2, 3-grams 0/1, no 4-grams.
    List<String> hyp = List.of("a b c");
    List<List<String>> ref = List.of(List.of("a b d"));
    // exp: the first zero order gets 100/(2*1); the empty 4-gram order stops the loop and its
    // precision stays 0, floored by my_log, so the corpus score collapses to ~0.
    assertThat(bleu.score(hyp, ref, MetricOptions.DEFAULTS).score()).isCloseTo(0.0, within(1e-9));
    // With effective order the 4-gram order is skipped: (200/3 * 50 * 50)^(1/3).
    assertThat(bleu.score(hyp, ref, MetricOptions.DEFAULTS.withEffectiveOrder(true)).score())
        .isCloseTo(Math.cbrt(200.0 / 3 * 50 * 50), within(1e-9));
    // floor: 100*0.1/1 for the 3-grams.
    assertThat(
            bleu.score(hyp, ref, MetricOptions.DEFAULTS.withEffectiveOrder(true).withSmoothing("floor"))
                .score())
        .isCloseTo(Math.cbrt(200.0 / 3 * 50 * 10), within(1e-9));
    // add-k (k=1) on orders >= 2: 2/3, 2/3, 1/2, 1/1.
    assertThat(bleu.score(hyp, ref, MetricOptions.DEFAULTS.withSmoothing("add-k")).score())
        .isCloseTo(100 * Math.pow(2.0 / 3 * 2.0 / 3 * 0.5 * 1.0, 0.25), within(1e-9));
  }

  @Test
  void brevityPenaltyUsesClosestReferenceLengthTiesToShorter() {
    assertThat(Bleu.closestRefLength(5, new int[] {6, 4})).isEqualTo(4);
    assertThat(Bleu.closestRefLength(5, new int[] {7, 6})).isEqualTo(6);
    // "a b" against "a b c": precisions 100, BP = exp(1 - 3/2), effective order 2.
    MetricScore s =
        bleu.score(List.of("a b"), List.of(List.of("a b c")), MetricOptions.DEFAULTS.withEffectiveOrder(true));
    assertThat(s.score()).isCloseTo(100 * Math.exp(-0.5), within(1e-9));
    assertThat(bleu.summary(s)).isEqualTo(
        "BLEU = 60.65 100.0/100.0/0.0/0.0 (BP = 0.607 ratio = 0.667 hyp_len = 2 ref_len = 3)");
  }

  @Test
  void rejectsUnknownNamesAndMisalignedInput() {
    assertThatThrownBy(() -> bleu.score(HYPS, REFS, MetricOptions.DEFAULTS.withTokenize("13b")))
        .hasMessageContaining("unknown BLEU tokenizer '13b'")
        .hasMessageContaining("did you mean '13a'?");
    assertThatThrownBy(() -> bleu.score(HYPS, REFS, MetricOptions.DEFAULTS.withSmoothing("expp")))
        .hasMessageContaining("did you mean 'exp'?");
    assertThatThrownBy(() -> bleu.score(HYPS, List.of(List.of("x")), MetricOptions.DEFAULTS))
        .hasMessageContaining("reference set 1 has 1 segments but there are 3 hypotheses");
  }
}
