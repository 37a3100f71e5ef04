package dev.seq2seq.task.speech;

import dev.seq2seq.nn.CtcDecoder;
import dev.seq2seq.task.speech.data.Alphabet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A vocabulary constraint for CTC prefix beam search: a prefix may only grow into a sequence of
 * the lexicon's words separated by single spaces. Characters are allowed while they extend a
 * prefix of some word; a space only after a whole word. {@link #complete} tells whether a finished
 * hypothesis ends on a whole word.
 */
public final class LexiconScorer implements CtcDecoder.PrefixScorer {
  private static final int SPACE = Alphabet.SYMBOLS.indexOf(' ');

  private final Set<String> words = new HashSet<>();
  private final Set<String> prefixes = new HashSet<>();

  public LexiconScorer(List<String> lexicon) {
    if (lexicon.isEmpty()) {
      throw new IllegalArgumentException("the lexicon is empty");
    }
    for (String w : lexicon) {
      String word = Alphabet.normalize(w);
      if (word.isEmpty() || word.contains(" ")) {
        throw new IllegalArgumentException("lexicon entry \"" + w + "\" is not a single word");
      }
      Alphabet.encode(word, "lexicon entry \"" + w + "\""); // only the model's characters
      words.add(word);
      for (int i = 1; i <= word.length(); i++) {
        prefixes.add(word.substring(0, i));
      }
    }
  }

  @Override
  public double extend(int[] prefix, int label) {
    String partial = lastWord(prefix);
    if (label == SPACE) {
      return words.contains(partial) ? 0 : Double.NEGATIVE_INFINITY;
    }
    return prefixes.contains(partial + Alphabet.SYMBOLS.charAt(label)) ? 0 : Double.NEGATIVE_INFINITY;
  }

  /** Whether {@code labels} is a whole sequence of lexicon words (an empty one counts). */
  public boolean complete(int[] labels) {
    return labels.length == 0 || words.contains(lastWord(labels));
  }

  private static String lastWord(int[] labels) {
    int start = labels.length;
    while (start > 0 && labels[start - 1] != SPACE) {
      start--;
    }
    StringBuilder s = new StringBuilder(labels.length - start);
    for (int i = start; i < labels.length; i++) {
      s.append(Alphabet.SYMBOLS.charAt(labels[i]));
    }
    return s.toString();
  }
}
