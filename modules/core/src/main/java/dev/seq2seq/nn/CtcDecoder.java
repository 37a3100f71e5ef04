package dev.seq2seq.nn;

import java.util.List;

/**
 * Decoding of CTC outputs (per frame log-probabilities over classes, one of them the blank):
 * greedy best path and prefix beam search. Host arrays in, label sequences out.
 */
public final class CtcDecoder {

  /** A decoded label sequence and its log-probability (best path, or summed over alignments). */
  public record Result(int[] labels, double logProb) {}

  /**
   * An optional scorer of label sequences added during prefix beam search (a vocabulary
   * constraint or an n-gram language model): returns log-weight of appending {@code label} to
   * {@code prefix}, {@code Double.NEGATIVE_INFINITY} to forbid it.
   */
  @FunctionalInterface
  public interface PrefixScorer {
    double extend(int[] prefix, int label);
  }

  private CtcDecoder() {}

  /**
   * Best path: the most probable class per frame, repeats merged, blanks removed.
   *
   * @param logProbs row-major {@code [frames, classes]} (only the first {@code frames} rows read)
   */
  public static Result greedy(float[] logProbs, int frames, int classes, int blank) {
    throw new UnsupportedOperationException("CtcDecoder is being written on branch 'speech-metrics'");
  }

  /**
   * Prefix beam search (Hannun et al. 2014): sums the probability of every alignment of a prefix,
   * keeping the {@code beam} best prefixes per frame.
   *
   * @param scorer optional extra score per appended label, or null
   * @return up to {@code beam} prefixes, best first
   */
  public static List<Result> prefixBeam(
      float[] logProbs, int frames, int classes, int blank, int beam, PrefixScorer scorer) {
    throw new UnsupportedOperationException("CtcDecoder is being written on branch 'speech-metrics'");
  }
}
