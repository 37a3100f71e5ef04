package dev.seq2seq.nn;

import java.util.List;

/**
 * Batched beam search for any step-wise decoder, the beam counterpart of {@link GreedyDecoding}:
 * this class does the bookkeeping (expanding, pruning, finishing, length penalty, n-best), the
 * model supplies one step and reorders its own state. It never touches a tensor.
 *
 * <p>Contract with the model. Decoding starts with one live row per sentence (row {@code b} is
 * sentence {@code b}). Before each step the search calls {@link Step#reorder} with, for every new
 * live row, the old row it continues (rows may repeat when a hypothesis is expanded, and vanish
 * when a hypothesis or a whole sentence finishes); the model applies that to its decoder state and
 * to the per-row encoder outputs ({@code DecoderState.reorder}, {@code Batches.select}). Then it
 * calls {@link Step#logProbs} with the previous token of each live row.
 *
 * <p>Results never depend on which other sentences share the batch: every choice is made per
 * sentence, and ties are broken by (score, then lower token id, then lower beam index).
 */
public final class BeamSearch {

  /** One decoder step over the live rows. */
  public interface Step {
    /**
     * @param previous the previous token of each live row
     * @return log-probabilities over the vocabulary, row-major {@code [rows, vocab]}
     */
    float[] logProbs(int[] previous);

    /** Row {@code k} of the new state continues old row {@code rows[k]}. */
    void reorder(int[] rows);

    /**
     * Attention weights of the last step per live row ({@code [rows][sourceLength]}), recorded
     * along each hypothesis for alignments; null when the model has none or they are not wanted.
     */
    default float[][] attention() {
      return null;
    }
  }

  /**
   * @param beamSize hypotheses kept per sentence (1 is greedy)
   * @param nbest finished hypotheses returned per sentence, best first ({@code <= beamSize})
   * @param lengthPenalty GNMT length penalty alpha: score = logProb / ((5 + len) / 6)^alpha; 0 for
   *     raw log-probability, 1 for plain length normalisation as in most toolkits' default
   * @param maxLengthRatio a sentence's output is at most {@code ceil(ratio * sourceLength) +
   *     maxLengthOffset} tokens (end-of-sequence not counted)
   * @param maxLengthOffset see {@code maxLengthRatio}
   */
  public record Options(
      int beamSize, int nbest, double lengthPenalty, double maxLengthRatio, int maxLengthOffset) {
    public Options {
      if (beamSize < 1) {
        throw new IllegalArgumentException("beam size must be >= 1, got " + beamSize);
      }
      if (nbest < 1 || nbest > beamSize) {
        throw new IllegalArgumentException(
            "n-best must be between 1 and the beam size " + beamSize + ", got " + nbest);
      }
      if (lengthPenalty < 0 || maxLengthRatio <= 0 || maxLengthOffset < 0) {
        throw new IllegalArgumentException("length penalty and offset must be >= 0 and the"
            + " length ratio > 0");
      }
    }
  }

  /**
   * A finished hypothesis.
   *
   * @param tokens output tokens, end-of-sequence excluded
   * @param logProb summed log-probability of the tokens and the end-of-sequence
   * @param score {@code logProb} after the length penalty; hypotheses are ranked by it
   * @param attention per output token (and end-of-sequence) the attention weights, or null
   */
  public record Hypothesis(int[] tokens, double logProb, double score, float[][] attention) {}

  private BeamSearch() {}

  /**
   * Decodes a batch of sentences.
   *
   * @param sourceLengths per sentence its source length (for the maximum output length)
   * @return per sentence its {@code options.nbest()} best finished hypotheses, best first (a
   *     hypothesis that reached the maximum length counts as finished)
   */
  public static List<List<Hypothesis>> search(
      int[] sourceLengths, int bos, int eos, int vocabulary, Options options, Step step) {
    throw new UnsupportedOperationException("BeamSearch is being written on branch 'decoding'");
  }
}
