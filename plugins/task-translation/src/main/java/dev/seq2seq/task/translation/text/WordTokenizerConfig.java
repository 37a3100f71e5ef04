package dev.seq2seq.task.translation.text;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import java.nio.file.Path;

@Doc("Words and punctuation marks: the regex \\w+|[^\\w\\s] with Unicode classes.")
public record WordTokenizerConfig(
    @Doc("Lower-case the text before splitting it.") @Default("true") boolean lowercase)
    implements TokenizerConfig {

  public WordTokenizer tokenizer() {
    return new WordTokenizer(lowercase);
  }

  @Override
  public TokenizerPair build(Iterable<String> source, Iterable<String> target) {
    return TokenizerPair.shared(tokenizer());
  }

  @Override
  public TokenizerPair load(Path folder) {
    return TokenizerPair.shared(tokenizer());
  }
}
