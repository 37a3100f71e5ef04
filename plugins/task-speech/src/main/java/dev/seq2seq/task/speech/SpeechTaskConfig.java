package dev.seq2seq.task.speech;

import dev.seq2seq.nn.VocabularyConstraint;
import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Violation;
import dev.seq2seq.task.speech.data.Alphabet;
import java.util.ArrayList;
import java.util.List;

@Doc("Speech to text: an acoustic model trained with CTC to write characters (a-z, space,"
    + " apostrophe) from audio features; decoded greedily or by prefix beam search"
    + " (decode.beam_size). Scored by loss, WER and CER (percent) and exact-transcript accuracy.")
public record SpeechTaskConfig(
    @Doc("Words the decoder may write: with decode.beam_size > 1, prefix beam search keeps only"
        + " hypotheses made of these words (a vocabulary constraint); empty: any characters.")
        @Default("[]") List<String> lexicon)
    implements TaskConfig, Checked {

  public SpeechTaskConfig {
    lexicon = List.copyOf(lexicon);
  }

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    try {
      vocabulary();
    } catch (IllegalArgumentException e) {
      problems.add(Violation.at("lexicon", e.getMessage()));
    }
    return problems;
  }

  /** The lexicon as a prefix beam search constraint, or null when there is none. */
  public VocabularyConstraint vocabulary() {
    if (lexicon.isEmpty()) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (String w : lexicon) {
      String word = Alphabet.normalize(w);
      if (word.isEmpty() || word.contains(" ")) {
        throw new IllegalArgumentException("entry \"" + w + "\" is not a single word");
      }
      words.add(word);
    }
    return VocabularyConstraint.of(words,
        cp -> cp == '_' ? -1 : Alphabet.SYMBOLS.indexOf(cp), Alphabet.SYMBOLS.indexOf(' '));
  }
}
