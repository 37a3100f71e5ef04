package dev.seq2seq.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decoding of CTC outputs (per frame log-probabilities over classes, one of them the blank):
 * greedy best path and prefix beam search. Host arrays in, label sequences out.
 */
public final class CtcDecoder {

  /**
   * A decoded label sequence and its log-probability (best path, or summed over alignments).
   * Equality and printing go by the labels' contents, not the array's identity.
   */
  public record Result(int[] labels, double logProb) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Result r
          && Arrays.equals(labels, r.labels)
          && Double.compare(logProb, r.logProb) == 0;
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(labels) + Double.hashCode(logProb);
    }

    @Override
    public String toString() {
      return "Result[labels=" + Arrays.toString(labels) + ", logProb=" + logProb + "]";
    }
  }

  /**
   * An optional scorer of label sequences added during prefix beam search (a vocabulary
   * constraint or an n-gram language model): returns log-weight of appending {@code label} to
   * {@code prefix}, {@code Double.NEGATIVE_INFINITY} to forbid it.
   *
   * <p>The decoder remembers answers while a prefix stays in the search, and may ask again for a
   * prefix that was pruned and reached anew, so a scorer must be a pure function of its
   * arguments. {@code prefix} is shared: read it, never modify or keep it.
   */
  @FunctionalInterface
  public interface PrefixScorer {
    double extend(int[] prefix, int label);
  }

  /**
   * Positive log-probabilities up to this are float rounding of log-softmax outputs near 0;
   * anything larger means the caller passed logits or probabilities.
   */
  private static final float MAX_LOG_PROB = 1e-3f;

  private CtcDecoder() {}

  /**
   * Best path: the most probable class per frame, repeats merged, blanks removed.
   *
   * @param logProbs row-major {@code [frames, classes]} (only the first {@code frames} rows read)
   * @return the collapsed labels and the log-probability of that single best path (ties between
   *     classes go to the lowest index)
   */
  public static Result greedy(float[] logProbs, int frames, int classes, int blank) {
    check(logProbs, frames, classes, blank);
    int[] labels = new int[frames];
    int n = 0;
    int previous = blank;
    double logProb = 0;
    for (int t = 0; t < frames; t++) {
      int row = t * classes;
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (logProbs[row + c] > logProbs[row + best]) {
          best = c;
        }
      }
      logProb += logProbs[row + best];
      // A label is emitted where it starts: after a blank or a different label.
      if (best != blank && best != previous) {
        labels[n++] = best;
      }
      previous = best;
    }
    return new Result(Arrays.copyOf(labels, n), logProb);
  }

  /**
   * Prefix beam search (Hannun et al. 2014): sums the probability of every alignment of a prefix,
   * keeping the {@code beam} best prefixes per frame.
   *
   * <p>Each prefix carries two log-probabilities, of its alignments ending in a blank and ending
   * in its last label, because a repeated label only starts a new label after a blank: "a" then
   * "a" stays "a", "a" blank "a" is "aa". With a beam at least the number of distinct prefixes
   * nothing is pruned and each result's log-probability is exact (the CTC likelihood of its
   * labels); otherwise it is summed over the alignments the beam kept.
   *
   * <p>A result's {@code logProb} is its CTC log-probability plus the scorer's weights of its
   * labels, the figure prefixes are ranked by; equal figures rank shorter prefixes first, then
   * by labels, so the order is deterministic.
   *
   * @param scorer optional extra score per appended label, or null
   * @return up to {@code beam} prefixes, best first; only prefixes of non-zero probability (so
   *     empty only when a scorer forbids every way through some frame)
   */
  public static List<Result> prefixBeam(
      float[] logProbs, int frames, int classes, int blank, int beam, PrefixScorer scorer) {
    check(logProbs, frames, classes, blank);
    if (beam < 1) {
      throw new IllegalArgumentException("beam must be >= 1, got " + beam);
    }
    return new PrefixBeam(logProbs, classes, blank, beam, scorer).run(frames);
  }

  private static void check(float[] logProbs, int frames, int classes, int blank) {
    if (logProbs == null) {
      throw new IllegalArgumentException("logProbs is null");
    }
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be >= 1, got " + classes);
    }
    if (blank < 0 || blank >= classes) {
      throw new IllegalArgumentException(
          "blank " + blank + " is not a class index (0.." + (classes - 1) + ")");
    }
    if (frames < 0) {
      throw new IllegalArgumentException("frames must be >= 0, got " + frames);
    }
    if (logProbs.length % classes != 0) {
      throw new IllegalArgumentException(
          "logProbs has " + logProbs.length + " values, not a whole number of rows of "
              + classes + " classes");
    }
    if ((long) frames * classes > logProbs.length) {
      throw new IllegalArgumentException(
          "logProbs has " + logProbs.length / classes + " rows of " + classes
              + " classes but frames is " + frames);
    }
    for (int i = 0; i < frames * classes; i++) {
      float v = logProbs[i];
      if (Float.isNaN(v) || v > MAX_LOG_PROB) {
        throw new IllegalArgumentException(
            "logProbs at frame " + i / classes + ", class " + i % classes + " is " + v
                + ": not a log-probability (apply log-softmax first)");
      }
    }
  }

  /** log(exp(a) + exp(b)) without overflow; -infinity is probability zero. */
  static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
  }

  /**
   * One search. Prefixes are nodes of a trie, so a prefix is found by following one child link
   * instead of hashing its labels, and two ways of reaching the same prefix meet in one node.
   */
  private static final class PrefixBeam {
    private final float[] logProbs;
    private final int classes;
    private final int blank;
    private final int beam;
    private final PrefixScorer scorer;
    private final List<Node> candidates = new ArrayList<>();

    PrefixBeam(float[] logProbs, int classes, int blank, int beam, PrefixScorer scorer) {
      this.logProbs = logProbs;
      this.classes = classes;
      this.blank = blank;
      this.beam = beam;
      this.scorer = scorer;
    }

    List<Result> run(int frames) {
      Node root = new Node(null, -1, 0.0);
      root.blank = 0.0; // before any frame the empty prefix has probability 1
      root.score = 0.0;
      root.inBeam = true;
      List<Node> kept = new ArrayList<>(List.of(root));
      for (int t = 0; t < frames; t++) {
        candidates.clear();
        int row = t * classes;
        for (Node prefix : kept) {
          double total = logAdd(prefix.blank, prefix.label);
          // A blank keeps the prefix and ends its alignments in a blank.
          touch(prefix, t).nextBlank = logAdd(prefix.nextBlank, total + logProbs[row + blank]);
          for (int c = 0; c < classes; c++) {
            double p = logProbs[row + c];
            if (c == blank || p == Double.NEGATIVE_INFINITY) {
              continue;
            }
            if (c == prefix.last) {
              // The same label again: merged into the prefix unless a blank came between.
              touch(prefix, t).nextLabel = logAdd(prefix.nextLabel, prefix.label + p);
              if (prefix.blank == Double.NEGATIVE_INFINITY) {
                continue;
              }
              Node child = prefix.child(c, this);
              if (child != null) {
                touch(child, t).nextLabel = logAdd(child.nextLabel, prefix.blank + p);
              }
            } else {
              Node child = prefix.child(c, this);
              if (child != null) {
                touch(child, t).nextLabel = logAdd(child.nextLabel, total + p);
              }
            }
          }
        }
        kept = prune();
      }
      List<Result> results = new ArrayList<>(kept.size());
      for (Node n : kept) {
        results.add(new Result(n.labels(), n.score));
      }
      return results;
    }

    /** The first touch of a node in frame t resets its next-frame sums and makes it a candidate. */
    private Node touch(Node n, int t) {
      if (n.frame != t) {
        n.frame = t;
        n.nextBlank = Double.NEGATIVE_INFINITY;
        n.nextLabel = Double.NEGATIVE_INFINITY;
        candidates.add(n);
      }
      return n;
    }

    /**
     * Moves every candidate to its new sums, keeps the best {@code beam}, and unlinks the rest
     * from the trie where nothing kept hangs below them, so memory follows the beam and not the
     * number of frames.
     */
    private List<Node> prune() {
      // The best beam by insertion into a short sorted list: candidates are at most beam times
      // classes, and each score is computed once (a log and an exp), not once per comparison.
      Node[] best = new Node[Math.min(beam, candidates.size())];
      int size = 0;
      for (Node n : candidates) {
        n.blank = n.nextBlank;
        n.label = n.nextLabel;
        n.inBeam = false;
        n.score = logAdd(n.blank, n.label) + n.weight;
        if (n.score == Double.NEGATIVE_INFINITY
            || size == best.length && rank(n, best[size - 1]) >= 0) {
          continue;
        }
        int i = size == best.length ? size - 1 : size++;
        while (i > 0 && rank(n, best[i - 1]) < 0) {
          best[i] = best[i - 1];
          i--;
        }
        best[i] = n;
      }
      List<Node> kept = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        best[i].inBeam = true;
        kept.add(best[i]);
      }
      for (Node n : candidates) {
        if (!n.inBeam) {
          n.release();
        }
      }
      return kept;
    }

    double weight(int[] prefix, int label) {
      double w = scorer.extend(prefix, label);
      if (Double.isNaN(w) || w == Double.POSITIVE_INFINITY) {
        throw new IllegalStateException(
            "prefix scorer returned " + w + " for label " + label + " after "
                + Arrays.toString(prefix) + " (expected a finite log-weight or -Infinity)");
      }
      return w;
    }
  }

  /** Best first: higher score, then shorter, then smaller labels. */
  private static int rank(Node a, Node b) {
    int c = Double.compare(b.score, a.score);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.length, b.length);
    return c != 0 ? c : Arrays.compare(a.labels(), b.labels());
  }

  /** A prefix: its trie links and its two alignment log-probabilities. */
  private static final class Node {
    final Node parent;
    final int last; // the prefix's last label, -1 for the empty prefix
    final int length;
    final double weight; // sum of the scorer's weights of the labels
    Node[] children;
    double[] weights; // the scorer's answer per label, NaN until asked
    int liveChildren;
    int[] labels;
    boolean inBeam;
    double blank = Double.NEGATIVE_INFINITY; // alignments ending in a blank
    double label = Double.NEGATIVE_INFINITY; // alignments ending in the last label
    double nextBlank;
    double nextLabel;
    double score; // both sums and the weight, set when the frame's candidates are ranked
    int frame = -1;

    Node(Node parent, int last, double weight) {
      this.parent = parent;
      this.last = last;
      this.length = parent == null ? 0 : parent.length + 1;
      this.weight = weight;
    }


    /** The prefix extended by label c, or null where the scorer forbids it. */
    Node child(int c, PrefixBeam search) {
      if (children == null) {
        children = new Node[search.classes];
      }
      Node child = children[c];
      if (child == null) {
        double w = 0.0;
        if (search.scorer != null) {
          // Weights outlive pruned children, so a prefix asks the scorer once per label.
          if (weights == null) {
            weights = new double[search.classes];
            Arrays.fill(weights, Double.NaN);
          }
          if (Double.isNaN(weights[c])) {
            weights[c] = search.weight(labels(), c);
          }
          w = weights[c];
        }
        if (w == Double.NEGATIVE_INFINITY) {
          return null;
        }
        child = new Node(this, c, weight + w);
        children[c] = child;
        liveChildren++;
      }
      return child;
    }

    int[] labels() {
      if (labels == null) {
        labels = new int[length];
        Node n = this;
        for (int i = length - 1; i >= 0; i--, n = n.parent) {
          labels[i] = n.last;
        }
      }
      return labels;
    }

    /** Unlinks this pruned prefix, and ancestors left without a use, from the trie. */
    void release() {
      Node n = this;
      while (n.parent != null && !n.inBeam && n.liveChildren == 0) {
        Node p = n.parent;
        if (p.children[n.last] == n) {
          p.children[n.last] = null;
          p.liveChildren--;
        }
        n = p;
      }
    }
  }
}
