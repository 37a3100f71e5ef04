package dev.seq2seq.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.nn.BeamSearch.Hypothesis;
import dev.seq2seq.nn.BeamSearch.Options;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeamSearchTest {
  static final int BOS = 0;
  static final int EOS = 1;

  private static List<List<Hypothesis>> search(
      ToyDecoder.Table table, int[] lengths, int vocabulary, Options options, boolean attention) {
    int[] sentences = new int[lengths.length];
    Arrays.setAll(sentences, i -> i);
    ToyDecoder step =
        new ToyDecoder(table, sentences, BOS, EOS, options.beamSize(), attention);
    return BeamSearch.search(lengths, BOS, EOS, vocabulary, options, step);
  }

  /** Each sentence decoded in a batch of its own, with the sentence id the table sees. */
  private static List<Hypothesis> alone(
      ToyDecoder.Table table, int sentence, int length, int vocabulary, Options options) {
    ToyDecoder step =
        new ToyDecoder(table, new int[] {sentence}, BOS, EOS, options.beamSize(), true);
    return BeamSearch.search(new int[] {length}, BOS, EOS, vocabulary, options, step).get(0);
  }

  @Test
  void beamOneIsGreedyDecoding() {
    int vocabulary = 12;
    ToyDecoder.Table table = ToyDecoder.random(vocabulary, EOS, 0.6);
    int sentences = 9;
    int[] lengths = new int[sentences];
    Arrays.fill(lengths, 7);
    Options options = new Options(1, 1, 0.0, 1.0, 3); // 10 tokens at most
    List<List<Hypothesis>> beam = search(table, lengths, vocabulary, options, false);

    int[] ids = new int[sentences];
    Arrays.setAll(ids, i -> i);
    ToyDecoder greedyModel = new ToyDecoder(table, ids, BOS, EOS, 1, false);
    greedyModel.continuesFinishedRows = true;
    List<int[]> greedy = GreedyDecoding.decode(sentences, BOS, EOS, 10, previous -> {
      float[] scores = greedyModel.logProbs(previous);
      int[] best = new int[previous.length];
      for (int r = 0; r < best.length; r++) {
        for (int v = 1; v < vocabulary; v++) {
          if (scores[r * vocabulary + v] > scores[r * vocabulary + best[r]]) {
            best[r] = v;
          }
        }
      }
      return best;
    });
    int lengthsSeen = 0;
    for (int s = 0; s < sentences; s++) {
      assertThat(beam.get(s)).hasSize(1);
      assertThat(beam.get(s).get(0).tokens()).as("sentence %d", s).containsExactly(greedy.get(s));
      lengthsSeen |= 1 << greedy.get(s).length;
    }
    assertThat(Integer.bitCount(lengthsSeen)).as("outputs of varied lengths").isGreaterThan(2);
  }

  /**
   * Every output of at most {@code max} tokens with its score, best first: shorter ones end with
   * </s>, those of {@code max} tokens are cut there (no </s> scored).
   */
  private static List<Hypothesis> enumerate(
      ToyDecoder.Table table, int sentence, int vocabulary, int max, Options options) {
    List<Hypothesis> all = new ArrayList<>();
    List<int[]> prefixes = List.of(new int[0]);
    for (int len = 0; len <= max; len++) {
      List<int[]> longer = new ArrayList<>();
      for (int[] p : prefixes) {
        if (len < max) {
          double ended = ToyDecoder.logProb(table, sentence, p, EOS, true);
          all.add(new Hypothesis(p, ended, ended / options.penalty(len + 1), null));
        } else {
          double cut = ToyDecoder.logProb(table, sentence, p, EOS, false);
          all.add(new Hypothesis(p, cut, cut / options.penalty(len), null));
        }
        for (int v = 0; v < vocabulary; v++) {
          if (v != EOS) {
            int[] q = Arrays.copyOf(p, len + 1);
            q[len] = v;
            longer.add(q);
          }
        }
      }
      prefixes = longer;
    }
    all.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
    return all;
  }

  @Test
  void aBeamAsWideAsTheSearchSpaceFindsTheExactBestOutputs() {
    int vocabulary = 4; // <s>, </s> and two words: 3 non-ending tokens per position
    int max = 4;
    for (double alpha : new double[] {0.0, 0.6, 1.0}) {
      for (int s = 0; s < 4; s++) {
        ToyDecoder.Table table = ToyDecoder.random(vocabulary, EOS, 0.2);
        Options options = new Options(300, 10, alpha, 0.0, max);
        List<Hypothesis> found = alone(table, s, 9, vocabulary, options);
        List<Hypothesis> exact = enumerate(table, s, vocabulary, max, options);
        assertThat(found).hasSize(10);
        for (int i = 0; i < 10; i++) {
          assertThat(found.get(i).tokens()).as("alpha %s sentence %d rank %d", alpha, s, i)
              .containsExactly(exact.get(i).tokens());
          assertThat(found.get(i).score()).isCloseTo(exact.get(i).score(),
              org.assertj.core.data.Offset.offset(1e-9));
        }
      }
    }
  }

  @Test
  void nbestListsAreSortedDistinctAndScoredConsistently() {
    int vocabulary = 30;
    ToyDecoder.Table table = ToyDecoder.random(vocabulary, EOS, 0.4);
    Options options = new Options(6, 6, 0.8, 1.5, 2);
    List<List<Hypothesis>> out =
        search(table, new int[] {3, 5, 8, 1}, vocabulary, options, true);
    for (int s = 0; s < out.size(); s++) {
      List<Hypothesis> nbest = out.get(s);
      assertThat(nbest).hasSize(6);
      for (int i = 0; i < nbest.size(); i++) {
        Hypothesis h = nbest.get(i);
        if (i > 0) {
          assertThat(h.score()).isLessThanOrEqualTo(nbest.get(i - 1).score());
          for (int j = 0; j < i; j++) {
            assertThat(h.tokens()).isNotEqualTo(nbest.get(j).tokens());
          }
        }
        boolean ended = h.attention().length == h.tokens().length + 1;
        assertThat(h.logProb()).as("log-probability along the tokens")
            .isEqualTo(ToyDecoder.logProb(table, s, h.tokens(), EOS, ended));
        int scored = h.tokens().length + (ended ? 1 : 0);
        assertThat(h.score()).isEqualTo(h.logProb() / options.penalty(scored));
        // The attention of token i was reported by the row that had scored exactly its prefix.
        for (int t = 0; t < h.attention().length; t++) {
          assertThat(h.attention()[t])
              .containsExactly(ToyDecoder.fingerprint(s, Arrays.copyOf(h.tokens(), t)));
        }
      }
    }
  }

  @Test
  void theLengthPenaltyPrefersTheLongerOutputWhenItIsLikelierPerToken() {
    // vocabulary <s>, </s>, a. Empty output: ln 0.5 (one scored token). [a, a]: ln 0.5 + 2 ln 0.9
    // (three scored tokens): worse in total, better per token.
    ToyDecoder.Table table = (s, p) -> {
      double end = switch (p.length) {
        case 0 -> 0.5;
        case 1 -> 0.1;
        default -> 0.9;
      };
      return new float[] {-30f, (float) Math.log(end), (float) Math.log(1 - end)};
    };
    Hypothesis raw = alone(table, 0, 5, 3, new Options(3, 1, 0.0, 1.0, 0)).get(0);
    Hypothesis normalised = alone(table, 0, 5, 3, new Options(3, 1, 1.0, 1.0, 0)).get(0);
    assertThat(raw.tokens()).isEmpty();
    assertThat(raw.score()).isCloseTo(Math.log(0.5), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(normalised.tokens()).containsExactly(2, 2);
    assertThat(normalised.score()).isCloseTo(
        (Math.log(0.5) + 2 * Math.log(0.9)) / (8.0 / 6.0), org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void aSentenceDecodesTheSameInAnyBatch() {
    int vocabulary = 40;
    ToyDecoder.Table table = ToyDecoder.random(vocabulary, EOS, 0.5);
    int[] lengths = {4, 9, 1, 6, 6, 12, 3, 0};
    Options options = new Options(5, 3, 1.0, 1.2, 2);
    List<List<Hypothesis>> batch = search(table, lengths, vocabulary, options, true);
    for (int s = 0; s < lengths.length; s++) {
      List<Hypothesis> single = alone(table, s, lengths[s], vocabulary, options);
      assertThat(batch.get(s)).hasSameSizeAs(single);
      for (int i = 0; i < single.size(); i++) {
        Hypothesis a = batch.get(s).get(i);
        Hypothesis b = single.get(i);
        assertThat(a.tokens()).as("sentence %d rank %d", s, i).containsExactly(b.tokens());
        assertThat(a.logProb()).isEqualTo(b.logProb());
        assertThat(a.score()).isEqualTo(b.score());
        assertThat(a.attention()).isDeepEqualTo(b.attention());
      }
    }
    // The same sentences in reverse order: each one's result is unchanged.
    int n = lengths.length;
    int[] ids = new int[n];
    int[] reversedLengths = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = n - 1 - i;
      reversedLengths[i] = lengths[n - 1 - i];
    }
    ToyDecoder step = new ToyDecoder(table, ids, BOS, EOS, 5, true);
    List<List<Hypothesis>> reversed =
        BeamSearch.search(reversedLengths, BOS, EOS, vocabulary, options, step);
    for (int i = 0; i < n; i++) {
      assertThat(reversed.get(i).get(0).tokens()).containsExactly(batch.get(n - 1 - i).get(0).tokens());
    }
  }

  @Test
  void tiesGoToTheLowerTokenId() {
    // Every token equally likely: the winner is the lowest id that is not </s>, at every step.
    int vocabulary = 6;
    ToyDecoder.Table table = (s, p) -> {
      float[] uniform = new float[vocabulary];
      Arrays.fill(uniform, (float) -Math.log(vocabulary));
      uniform[EOS] = p.length == 3 ? 0f : -50f;
      return uniform;
    };
    Hypothesis best = alone(table, 0, 5, vocabulary, new Options(4, 1, 0.0, 1.0, 0)).get(0);
    assertThat(best.tokens()).containsExactly(0, 0, 0);
  }

  @Test
  void outputsNeverExceedTheMaximumLength() {
    int vocabulary = 10;
    ToyDecoder.Table table = (s, p) -> {
      float[] row = ToyDecoder.logSoftmax(new double[] {0, -20, 1, 2, 0, 0, 0, 1, 0, 0});
      return row; // </s> is nearly impossible: outputs run to the maximum
    };
    Options options = new Options(3, 2, 1.0, 0.5, 1);
    int[] lengths = {0, 1, 3, 7};
    ToyDecoder step = new ToyDecoder(table, new int[] {0, 1, 2, 3}, BOS, EOS, 3, false);
    List<List<Hypothesis>> out = BeamSearch.search(lengths, BOS, EOS, vocabulary, options, step);
    int[] expected = {1, 2, 3, 5}; // ceil(0.5 * length) + 1
    for (int s = 0; s < lengths.length; s++) {
      assertThat(options.maxLength(lengths[s])).isEqualTo(expected[s]);
      for (Hypothesis h : out.get(s)) {
        assertThat(h.tokens()).as("sentence %d", s).hasSize(expected[s]);
        assertThat(h.tokens()).doesNotContain(EOS);
      }
    }
    assertThat(step.steps).isEqualTo(5);

    ToyDecoder none = new ToyDecoder(table, new int[] {0, 1}, BOS, EOS, 3, false);
    List<List<Hypothesis>> empty = BeamSearch.search(
        new int[] {4, 2}, BOS, EOS, vocabulary, new Options(3, 1, 1.0, 0.0, 0), none);
    assertThat(empty).allSatisfy(list -> assertThat(list.get(0).tokens()).isEmpty());
    assertThat(none.steps).as("nothing to decode, no step").isZero();
  }

  @Test
  void finishedSentencesLeaveTheBatch() {
    // Sentence 0 ends at once, sentence 1 runs to its maximum: after the first step only
    // sentence 1's rows are live.
    ToyDecoder.Table table = (s, p) -> s == 0
        ? new float[] {-30f, 0f, -30f, -30f}
        : ToyDecoder.logSoftmax(new double[] {-30, -30, 0.5, 0});
    ToyDecoder step = new ToyDecoder(table, new int[] {0, 1}, BOS, EOS, 2, false);
    List<List<Hypothesis>> out =
        BeamSearch.search(new int[] {1, 3}, BOS, EOS, 4, new Options(2, 1, 0.0, 1.0, 1), step);
    assertThat(out.get(0).get(0).tokens()).isEmpty();
    assertThat(out.get(1).get(0).tokens()).containsExactly(2, 2, 2, 2);
    assertThat(step.maxRows).isEqualTo(2);
    assertThat(step.steps).isEqualTo(4);
  }

  @Test
  void badArgumentsAndStepResultsAreReported() {
    assertThatThrownBy(() -> new Options(0, 1, 0, 1, 0)).hasMessageContaining("beam size");
    assertThatThrownBy(() -> new Options(2, 3, 0, 1, 0)).hasMessageContaining("n-best");
    assertThatThrownBy(() -> new Options(2, 1, -1, 1, 0)).hasMessageContaining("length penalty");
    ToyDecoder.Table table = ToyDecoder.random(5, EOS, 0);
    assertThatThrownBy(() -> search(table, new int[] {-1}, 5, new Options(2, 1, 0, 1, 0), false))
        .hasMessageContaining("sentence 0");
    assertThatThrownBy(() -> BeamSearch.search(new int[] {2}, BOS, 7, 5,
        new Options(2, 1, 0, 1, 0), null)).hasMessageContaining("vocabulary size 5");
    BeamSearch.Step wrong = new BeamSearch.Step() {
      @Override
      public float[] logProbs(int[] previous) {
        return new float[3];
      }

      @Override
      public void reorder(int[] rows) {}
    };
    assertThatThrownBy(() -> BeamSearch.search(new int[] {2}, BOS, EOS, 5,
        new Options(2, 1, 0, 1, 0), wrong)).hasMessageContaining("3 log-probabilities for 1 rows");
  }
}
