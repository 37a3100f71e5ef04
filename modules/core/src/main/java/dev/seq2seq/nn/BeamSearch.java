package dev.seq2seq.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 *
 * <p>Details of this implementation. {@code reorder} is skipped when it would be the identity
 * (always before the first step unless a sentence has a maximum length of 0). Each step ranks a
 * sentence's candidates (live hypothesis + token); an end-of-sequence candidate among the first
 * {@code beamSize} becomes a finished hypothesis, and the best {@code beamSize} other candidates
 * stay live. A sentence is done, and its rows leave the batch, when it has {@code beamSize}
 * finished hypotheses (as in fairseq and the peer), when no live hypothesis can still beat its
 * {@code nbest}-th finished one (log-probabilities only fall, so a bound exists), or when its live
 * hypotheses reach the maximum length (they then finish as they are). With beam 1 this is
 * exactly {@link GreedyDecoding} with the first maximum on ties.
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
     * Called once after each {@link #logProbs}; the arrays are kept, not copied.
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
   *     maxLengthOffset} tokens (end-of-sequence not counted); 0 for a fixed maximum of {@code
   *     maxLengthOffset} tokens
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
      if (!(lengthPenalty >= 0) || !(maxLengthRatio >= 0) || Double.isInfinite(maxLengthRatio)
          || Double.isInfinite(lengthPenalty) || maxLengthOffset < 0) {
        throw new IllegalArgumentException("length penalty " + lengthPenalty + ", length ratio "
            + maxLengthRatio + " and offset " + maxLengthOffset + " must be finite and >= 0");
      }
    }

    /** Beam search as most toolkits default to it: plain length normalisation (alpha 1). */
    public static Options beam(int beamSize, double maxLengthRatio, int maxLengthOffset) {
      return new Options(beamSize, 1, 1.0, maxLengthRatio, maxLengthOffset);
    }

    /** The maximum output length (end-of-sequence not counted) for a source length. */
    public int maxLength(int sourceLength) {
      double max = Math.ceil(maxLengthRatio * sourceLength) + maxLengthOffset;
      return (int) Math.min(Integer.MAX_VALUE - 1, max);
    }

    /** GNMT's length penalty {@code ((5 + length) / 6)^alpha}; scores are logProb divided by it. */
    public double penalty(int length) {
      return lengthPenalty == 0 ? 1.0 : Math.pow((5.0 + length) / 6.0, lengthPenalty);
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
  public record Hypothesis(int[] tokens, double logProb, double score, float[][] attention) {

    /** Best first: higher score, then fewer tokens, then the lexicographically smaller tokens. */
    static final Comparator<Hypothesis> BEST_FIRST = (a, b) -> {
      int c = Double.compare(b.score, a.score);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(a.tokens.length, b.tokens.length);
      return c != 0 ? c : Arrays.compare(a.tokens, b.tokens);
    };
  }

  private BeamSearch() {}

  /**
   * Decodes a batch of sentences.
   *
   * @param sourceLengths per sentence its source length (for the maximum output length)
   * @return per sentence its {@code options.nbest()} best finished hypotheses, best first (a
   *     hypothesis that reached the maximum length counts as finished; fewer only when the
   *     vocabulary and maximum length allow fewer distinct outputs). The length in the penalty
   *     counts the scored tokens: the output tokens and the end-of-sequence when there is one.
   */
  public static List<List<Hypothesis>> search(
      int[] sourceLengths, int bos, int eos, int vocabulary, Options options, Step step) {
    if (vocabulary < 1 || bos < 0 || bos >= vocabulary || eos < 0 || eos >= vocabulary) {
      throw new IllegalArgumentException("begin " + bos + " and end " + eos
          + " of sequence must be token ids below the vocabulary size " + vocabulary);
    }
    return new Search(sourceLengths, eos, vocabulary, options, step).run(bos);
  }

  /** A step of a hypothesis, linked back to its parent: hypotheses share their prefixes. */
  private record Node(Node parent, int token, float[] attention, int length) {
    static final Node ROOT = new Node(null, -1, null, 0);

    Node child(int token, float[] attention) {
      return new Node(this, token, attention, length + 1);
    }

    /** The tokens from the root, {@code withLast} false to leave out this node's own token. */
    int[] tokens(boolean withLast) {
      int[] out = new int[withLast ? length : length - 1];
      Node n = withLast ? this : parent;
      for (int i = out.length - 1; i >= 0; i--, n = n.parent) {
        out[i] = n.token;
      }
      return out;
    }

    float[][] attentions() {
      float[][] out = new float[length][];
      Node n = this;
      for (int i = length - 1; i >= 0; i--, n = n.parent) {
        if (n.attention == null) {
          return null;
        }
        out[i] = n.attention;
      }
      return out;
    }
  }

  /** The search state of one call: live rows grouped by sentence, best first within each. */
  private static final class Search {
    private final int eos;
    private final int vocabulary;
    private final Options options;
    private final Step step;
    private final int[] maxLength;
    private final List<List<Hypothesis>> finished = new ArrayList<>();

    // Live rows, in the model's current row order.
    private int rows;
    private int[] sentence;
    private Node[] node;
    private double[] logProb;
    // The selection buffer of one sentence, best first.
    private final double[] candValue;
    private final int[] candToken;
    private final int[] candBeam;

    Search(int[] sourceLengths, int eos, int vocabulary, Options options, Step step) {
      this.eos = eos;
      this.vocabulary = vocabulary;
      this.options = options;
      this.step = step;
      int n = sourceLengths.length;
      this.maxLength = new int[n];
      for (int s = 0; s < n; s++) {
        if (sourceLengths[s] < 0) {
          throw new IllegalArgumentException(
              "source length of sentence " + s + " is negative: " + sourceLengths[s]);
        }
        maxLength[s] = options.maxLength(sourceLengths[s]);
        finished.add(new ArrayList<>());
      }
      int k = options.beamSize();
      // A sentence has at most k live rows, so at most k of its candidates end the sequence: the
      // best 2k candidates always hold the k best that do not.
      int buffer = (int) Math.min(2L * k, (long) k * vocabulary);
      this.candValue = new double[buffer];
      this.candToken = new int[buffer];
      this.candBeam = new int[buffer];
    }

    List<List<Hypothesis>> run(int bos) {
      int n = maxLength.length;
      int[] keep = new int[n];
      int kept = 0;
      for (int s = 0; s < n; s++) {
        if (maxLength[s] == 0) { // nothing to decode: the empty output, unscored
          finish(s, Node.ROOT, 0.0, false);
        } else {
          keep[kept++] = s;
        }
      }
      rows = kept;
      sentence = Arrays.copyOf(keep, kept);
      node = new Node[kept];
      Arrays.fill(node, Node.ROOT);
      logProb = new double[kept];
      int[] previous = new int[kept];
      Arrays.fill(previous, bos);
      int modelRows = n;
      int[] parents = sentence.clone(); // the first rows are the sentences that are left
      while (rows > 0) {
        if (!isIdentity(parents, modelRows)) {
          step.reorder(parents);
        }
        float[] scores = step.logProbs(previous);
        if (scores == null || scores.length != (long) rows * vocabulary) {
          throw new IllegalStateException("the step returned " + (scores == null ? "null"
              : scores.length + " log-probabilities") + " for " + rows + " rows of a vocabulary"
              + " of " + vocabulary);
        }
        float[][] attention = step.attention();
        if (attention != null && attention.length != rows) {
          throw new IllegalStateException("the step returned attention for " + attention.length
              + " rows, not " + rows);
        }
        modelRows = rows;
        parents = advance(scores, attention);
        previous = new int[rows];
        for (int r = 0; r < rows; r++) {
          previous[r] = node[r].token;
        }
      }
      List<List<Hypothesis>> out = new ArrayList<>(n);
      for (List<Hypothesis> list : finished) {
        list.sort(Hypothesis.BEST_FIRST);
        out.add(List.copyOf(list.subList(0, Math.min(options.nbest(), list.size()))));
      }
      return out;
    }

    /**
     * One step of bookkeeping for every sentence: selects the new live rows from the step's
     * scores and finishes hypotheses and sentences.
     *
     * @return for each new live row the old row it continues
     */
    private int[] advance(float[] scores, float[][] attention) {
      int k = options.beamSize();
      int[] parents = new int[rows * k];
      int[] nextSentence = new int[rows * k];
      Node[] nextNode = new Node[rows * k];
      double[] nextLogProb = new double[rows * k];
      int next = 0;
      for (int start = 0; start < rows; ) {
        int s = sentence[start];
        int end = start + 1;
        while (end < rows && sentence[end] == s) {
          end++;
        }
        int count = select(scores, start, end);
        int first = next;
        int live = 0;
        for (int c = 0; c < count && live < k; c++) {
          int row = start + candBeam[c];
          float[] att = attention == null ? null : attention[row];
          if (candToken[c] == eos) {
            if (c < k) {
              finish(s, node[row].child(eos, att), candValue[c], true);
            }
          } else {
            parents[next] = row;
            nextSentence[next] = s;
            nextNode[next] = node[row].child(candToken[c], att);
            nextLogProb[next] = candValue[c];
            next++;
            live++;
          }
        }
        if (live > 0 && isDone(s, nextLogProb[first])) {
          next = first;
        } else if (live > 0 && nextNode[first].length >= maxLength[s]) {
          for (int r = first; r < next; r++) { // out of room: finished as they are
            finish(s, nextNode[r], nextLogProb[r], false);
          }
          next = first;
        }
        start = end;
      }
      rows = next;
      sentence = Arrays.copyOf(nextSentence, next);
      node = Arrays.copyOf(nextNode, next);
      logProb = Arrays.copyOf(nextLogProb, next);
      return Arrays.copyOf(parents, next);
    }

    /**
     * The best candidates of the sentence whose live rows are {@code [start, end)}, best first
     * into the selection buffer: higher value, then lower token, then lower beam index.
     *
     * @return how many
     */
    private int select(float[] scores, int start, int end) {
      int capacity = (int) Math.min(candValue.length, (long) (end - start) * vocabulary);
      int count = 0;
      for (int b = 0; b < end - start; b++) {
        double base = logProb[start + b];
        int offset = (start + b) * vocabulary;
        for (int v = 0; v < vocabulary; v++) {
          double value = base + scores[offset + v];
          if (count == capacity) {
            if (!better(value, v, b, count - 1)) {
              continue; // the usual case once the buffer is full: one comparison
            }
            count--;
          } else if (Double.isNaN(value)) {
            continue;
          }
          int i = count;
          while (i > 0 && better(value, v, b, i - 1)) {
            candValue[i] = candValue[i - 1];
            candToken[i] = candToken[i - 1];
            candBeam[i] = candBeam[i - 1];
            i--;
          }
          candValue[i] = value;
          candToken[i] = v;
          candBeam[i] = b;
          count++;
        }
      }
      return count;
    }

    /** Whether candidate (value, token, beam) ranks before buffer entry {@code i}. */
    private boolean better(double value, int token, int beam, int i) {
      if (value != candValue[i]) {
        return value > candValue[i];
      }
      if (token != candToken[i]) {
        return token < candToken[i];
      }
      return beam < candBeam[i];
    }

    /**
     * Whether sentence {@code s} is done: enough finished hypotheses, or none of its live ones
     * (the best has log-probability {@code bestLive}) can still beat its n-th best finished one.
     */
    private boolean isDone(int s, double bestLive) {
      List<Hypothesis> list = finished.get(s);
      if (list.size() >= options.beamSize()) {
        return true;
      }
      if (list.size() < options.nbest()) {
        return false;
      }
      // A live hypothesis only loses log-probability; with alpha > 0 its penalty is largest at
      // the longest possible finish (maximum length + end-of-sequence).
      double bound =
          options.lengthPenalty() == 0 ? bestLive : bestLive / options.penalty(maxLength[s] + 1);
      double[] best = new double[list.size()];
      for (int i = 0; i < best.length; i++) {
        best[i] = list.get(i).score();
      }
      Arrays.sort(best);
      return best[best.length - options.nbest()] > bound;
    }

    private void finish(int s, Node last, double logProb, boolean endOfSequence) {
      int[] tokens = last.tokens(!endOfSequence);
      double score = logProb / options.penalty(last.length);
      finished.get(s).add(new Hypothesis(tokens, logProb, score, last.attentions()));
    }

    private static boolean isIdentity(int[] rows, int size) {
      if (rows.length != size) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        if (rows[i] != i) {
          return false;
        }
      }
      return true;
    }
  }
}
