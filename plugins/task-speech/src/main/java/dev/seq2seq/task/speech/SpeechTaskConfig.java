package dev.seq2seq.task.speech;

import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Violation;
import dev.seq2seq.task.speech.data.CharacterUnits;
import dev.seq2seq.task.speech.data.OutputUnits;
import dev.seq2seq.task.speech.data.WordUnits;
import java.util.ArrayList;
import java.util.List;

@Doc("Speech to text: an acoustic model trained with CTC to write characters (a-z, space,"
    + " apostrophe) or whole words from the lexicon, from audio features; decoded greedily or by"
    + " prefix beam search (decode.beam_size). Scored by loss, WER and CER (percent) and"
    + " exact-transcript accuracy.")
public record SpeechTaskConfig(
    @Doc("Words the decoder may write. With characters and decode.beam_size > 1, prefix beam"
        + " search keeps only hypotheses made of these words (a vocabulary constraint); with"
        + " words, these are the model's output classes. Empty: any characters.")
        @Default("[]") List<String> lexicon,
    @Doc("What the model writes: characters (open vocabulary) or words (one CTC class per lexicon"
        + " word; for small closed vocabularies such as digits).") @Default("characters")
        Units units)
    implements TaskConfig, Checked {

  /** The kinds of output units. */
  public enum Units {
    CHARACTERS,
    WORDS
  }

  public SpeechTaskConfig {
    lexicon = List.copyOf(lexicon);
  }

  @Override
  public List<Violation> validate() {
    List<Violation> problems = new ArrayList<>();
    if (units == Units.WORDS && lexicon.isEmpty()) {
      problems.add(Violation.at("lexicon", "units: words needs the words listed here"));
      return problems;
    }
    try {
      outputUnits().constraint();
    } catch (IllegalArgumentException e) {
      problems.add(Violation.at("lexicon", e.getMessage()));
    }
    return problems;
  }

  /** The model's output classes. */
  public OutputUnits outputUnits() {
    return units == Units.WORDS ? new WordUnits(lexicon) : new CharacterUnits(lexicon);
  }
}
