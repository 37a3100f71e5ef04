package dev.seq2seq.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fake decoder for beam search tests: each row carries the sentence it belongs to and the tokens
 * it has produced, and the next-token distribution is a fixed function of (sentence, prefix). A
 * wrong reorder therefore scores the wrong prefix, which the tests see in the log-probabilities;
 * the fake also checks the rows it is handed against the contract as it goes.
 */
final class ToyDecoder implements BeamSearch.Step {

  /** The model: log-probabilities over the vocabulary after {@code prefix} in sentence {@code s}. */
  @FunctionalInterface
  interface Table {
    float[] logProbs(int sentence, int[] prefix);
  }

  private final Table table;
  private final int bos;
  private final int eos;
  private final int beam;
  private final boolean withAttention;
  private int[] sentence;
  private int[] position; // the batch position of each row's sentence, for the grouping check
  private List<int[]> prefix = new ArrayList<>();
  private boolean started;
  /** Greedy decoding keeps feeding finished rows; beam search must not. */
  boolean continuesFinishedRows;
  int steps;
  int reorders;
  int maxRows;

  ToyDecoder(Table table, int[] sentences, int bos, int eos, int beam, boolean withAttention) {
    this.table = table;
    this.sentence = sentences.clone();
    this.position = new int[sentences.length];
    Arrays.setAll(position, i -> i);
    this.bos = bos;
    this.eos = eos;
    this.beam = beam;
    this.withAttention = withAttention;
    for (int i = 0; i < sentences.length; i++) {
      prefix.add(new int[0]);
    }
  }

  @Override
  public float[] logProbs(int[] previous) {
    assertThat(previous).hasSize(sentence.length);
    steps++;
    maxRows = Math.max(maxRows, previous.length);
    List<float[]> rows = new ArrayList<>();
    for (int r = 0; r < previous.length; r++) {
      if (!started) {
        assertThat(previous[r]).as("first step feeds <s>").isEqualTo(bos);
      } else {
        assertThat(continuesFinishedRows || previous[r] != eos).as("a finished hypothesis is never continued").isTrue();
        int[] p = Arrays.copyOf(prefix.get(r), prefix.get(r).length + 1);
        p[p.length - 1] = previous[r];
        prefix.set(r, p);
      }
      rows.add(table.logProbs(sentence[r], prefix.get(r)));
    }
    started = true;
    float[] out = new float[0];
    for (float[] row : rows) {
      int at = out.length;
      out = Arrays.copyOf(out, at + row.length);
      System.arraycopy(row, 0, out, at, row.length);
    }
    return out;
  }

  @Override
  public void reorder(int[] rows) {
    reorders++;
    int[] nextSentence = new int[rows.length];
    int[] nextPosition = new int[rows.length];
    List<int[]> nextPrefix = new ArrayList<>();
    for (int k = 0; k < rows.length; k++) {
      assertThat(rows[k]).isBetween(0, sentence.length - 1);
      nextSentence[k] = sentence[rows[k]];
      nextPosition[k] = position[rows[k]];
      nextPrefix.add(prefix.get(rows[k]));
      if (k > 0) {
        assertThat(nextPosition[k]).as("rows stay grouped by sentence, in batch order")
            .isGreaterThanOrEqualTo(nextPosition[k - 1]);
      }
    }
    for (int s : nextPosition) {
      assertThat(Arrays.stream(nextPosition).filter(x -> x == s).count())
          .as("rows of one sentence").isLessThanOrEqualTo(beam);
    }
    sentence = nextSentence;
    position = nextPosition;
    prefix = nextPrefix;
  }

  @Override
  public float[][] attention() {
    if (!withAttention) {
      return null;
    }
    float[][] out = new float[sentence.length][];
    for (int r = 0; r < out.length; r++) {
      out[r] = fingerprint(sentence[r], prefix.get(r));
    }
    return out;
  }

  /** What the fake reports as attention for a row: its sentence and the prefix it scored. */
  static float[] fingerprint(int sentence, int[] prefix) {
    return new float[] {sentence, prefix.length, Arrays.hashCode(prefix)};
  }

  /**
   * A random but fixed table: per (sentence, prefix) seeded logits, with end-of-sequence getting
   * likelier as the prefix grows so that hypotheses end at varied lengths.
   */
  static Table random(int vocabulary, int eos, double eosSlope) {
    return (s, p) -> {
      SplittableRandom rng = new SplittableRandom(Arrays.hashCode(p) * 1_000_003L + s);
      double[] logits = new double[vocabulary];
      for (int v = 0; v < vocabulary; v++) {
        logits[v] = 2 * rng.nextDouble(-1, 1);
      }
      logits[eos] += eosSlope * (p.length - 2);
      return logSoftmax(logits);
    };
  }

  static float[] logSoftmax(double[] logits) {
    double max = Arrays.stream(logits).max().orElseThrow();
    double sum = 0;
    for (double l : logits) {
      sum += Math.exp(l - max);
    }
    float[] out = new float[logits.length];
    for (int v = 0; v < logits.length; v++) {
      out[v] = (float) (logits[v] - max - Math.log(sum));
    }
    return out;
  }

  /** The log-probability of {@code tokens} (and end-of-sequence when {@code ended}) summed as the
   * search does: in double, one float term per token. */
  static double logProb(Table table, int sentence, int[] tokens, int eos, boolean ended) {
    double sum = 0;
    for (int i = 0; i < tokens.length; i++) {
      sum += table.logProbs(sentence, Arrays.copyOf(tokens, i))[tokens[i]];
    }
    return ended ? sum + table.logProbs(sentence, tokens)[eos] : sum;
  }
}
