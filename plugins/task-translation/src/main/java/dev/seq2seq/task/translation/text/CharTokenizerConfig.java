package dev.seq2seq.task.translation.text;

import dev.seq2seq.recipe.config.Default;
import dev.seq2seq.recipe.config.Doc;
import java.nio.file.Path;

@Doc("One token per character; spaces become the visible symbol \u2581.")
public record CharTokenizerConfig(
    @Doc("Lower-case the text first.") @Default("false") boolean lowercase)
    implements TokenizerConfig {

  @Override
  public TokenizerPair build(Iterable<String> source, Iterable<String> target) {
    return TokenizerPair.shared(new CharTokenizer(lowercase));
  }

  @Override
  public TokenizerPair load(Path folder) {
    return TokenizerPair.shared(new CharTokenizer(lowercase));
  }
}
