package dev.seq2seq.nn;

import dev.seq2seq.nn.CtcDecoder.Result;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * A {@link CtcDecoder.PrefixScorer} that only lets prefix beam search spell words of a fixed
 * vocabulary (say "zero" to "nine" for digit strings), separated by single separator labels.
 * It is a trie over the words: a label may extend the current partial word only along the trie,
 * and the separator may follow only a complete word, so there are no leading, doubled or
 * mid-word separators.
 *
 * <p>The scorer cannot see where the audio ends, so the beam may finish inside a word; {@link
 * #complete} tells finished transcripts apart and {@link #keepComplete} filters a beam's results.
 */
public final class VocabularyConstraint implements CtcDecoder.PrefixScorer {
  private final Node root = new Node();
  private final int separator;

  /**
   * @param words the allowed words as label sequences: not empty, without the separator
   * @param separator the label between words (a space)
   */
  public VocabularyConstraint(Collection<int[]> words, int separator) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("the vocabulary has no words");
    }
    this.separator = separator;
    for (int[] word : words) {
      if (word.length == 0) {
        throw new IllegalArgumentException("the vocabulary has an empty word");
      }
      Node n = root;
      for (int label : word) {
        if (label == separator) {
          throw new IllegalArgumentException(
              "word " + Arrays.toString(word) + " contains the separator " + separator);
        }
        if (label < 0) {
          throw new IllegalArgumentException(
              "word " + Arrays.toString(word) + " has a negative label " + label);
        }
        n = n.children.computeIfAbsent(label, k -> new Node());
      }
      n.word = true;
    }
  }

  /**
   * From words written out, each character mapped to its label.
   *
   * @param labelOf label of a code point, or a negative number where the model has none
   */
  public static VocabularyConstraint of(
      Collection<String> words, IntUnaryOperator labelOf, int separator) {
    List<int[]> labelled = new ArrayList<>(words.size());
    for (String w : words) {
      int[] cps = w.codePoints().toArray();
      int[] labels = new int[cps.length];
      for (int i = 0; i < cps.length; i++) {
        labels[i] = labelOf.applyAsInt(cps[i]);
        if (labels[i] < 0) {
          throw new IllegalArgumentException(
              "vocabulary word '" + w + "' has the character '" + Character.toString(cps[i])
                  + "', which is not in the model's labels");
        }
      }
      labelled.add(labels);
    }
    return new VocabularyConstraint(labelled, separator);
  }

  @Override
  public double extend(int[] prefix, int label) {
    int start = wordStart(prefix);
    Node n = walk(prefix, start);
    if (n == null) {
      return Double.NEGATIVE_INFINITY; // the prefix itself is outside the vocabulary
    }
    if (label == separator) {
      return n.word ? 0.0 : Double.NEGATIVE_INFINITY;
    }
    return n.children.containsKey(label) ? 0.0 : Double.NEGATIVE_INFINITY;
  }

  /**
   * Whether {@code labels} is whole vocabulary words with single separators (a trailing
   * separator allowed); the empty transcript is complete.
   */
  public boolean complete(int[] labels) {
    if (labels.length == 0) {
      return true;
    }
    int end = labels[labels.length - 1] == separator ? labels.length - 1 : labels.length;
    int start = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || labels[i] == separator) {
        if (i == start) {
          return false; // an empty word: a leading, doubled or lone separator
        }
        Node n = root;
        for (int k = start; k < i && n != null; k++) {
          n = n.children.get(labels[k]);
        }
        if (n == null || !n.word) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** The results that are complete transcripts, in their order. */
  public List<Result> keepComplete(List<Result> results) {
    List<Result> out = new ArrayList<>();
    for (Result r : results) {
      if (complete(r.labels())) {
        out.add(r);
      }
    }
    return out;
  }

  private int wordStart(int[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] == separator) {
        return i + 1;
      }
    }
    return 0;
  }

  private Node walk(int[] prefix, int start) {
    Node n = root;
    for (int i = start; i < prefix.length && n != null; i++) {
      n = n.children.get(prefix[i]);
    }
    return n;
  }

  private static final class Node {
    final Map<Integer, Node> children = new HashMap<>();
    boolean word;
  }
}
