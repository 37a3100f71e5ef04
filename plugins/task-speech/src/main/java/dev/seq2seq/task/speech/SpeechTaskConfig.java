package dev.seq2seq.task.speech;

import dev.seq2seq.recipe.TaskConfig;
import dev.seq2seq.recipe.config.Checked;
import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import dev.seq2seq.recipe.config.Violation;
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
      if (!lexicon.isEmpty()) {
        new LexiconScorer(lexicon);
      }
    } catch (IllegalArgumentException e) {
      problems.add(Violation.at("lexicon", e.getMessage()));
    }
    return problems;
  }
}
