package dev.seq2seq.task.speech.data;

import dev.seq2seq.nn.VocabularyConstraint;
import java.util.List;

/**
 * The {@link Alphabet}'s characters, optionally with a lexicon that prefix beam search keeps its
 * hypotheses within.
 */
public record CharacterUnits(List<String> lexicon) implements OutputUnits {
  public CharacterUnits {
    lexicon = List.copyOf(lexicon);
  }

  @Override
  public int size() {
    return Alphabet.size();
  }

  @Override
  public int[] encode(String text, String source) {
    return Alphabet.encode(text, source);
  }

  @Override
  public String decode(int[] ids) {
    return Alphabet.decode(ids);
  }

  /**
   * @throws IllegalArgumentException when a lexicon entry is not one word of the alphabet
   */
  @Override
  public VocabularyConstraint constraint() {
    if (lexicon.isEmpty()) {
      return null;
    }
    List<String> words = WordUnits.words(lexicon);
    for (String w : words) {
      Alphabet.encode(w, "lexicon entry \"" + w + "\"");
    }
    return VocabularyConstraint.of(words,
        cp -> cp == '_' ? -1 : Alphabet.SYMBOLS.indexOf(cp), Alphabet.SYMBOLS.indexOf(' '));
  }

  @Override
  public String json() {
    return Alphabet.json();
  }
}
