package dev.seq2seq.task.translation.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** The tokenizers of both sides of a translation pair (the same object when shared). */
public record TokenizerPair(Tokenizer source, Tokenizer target) {
  public static final String SOURCE = "source";
  public static final String TARGET = "target";

  public TokenizerPair {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
  }

  public static TokenizerPair shared(Tokenizer both) {
    return new TokenizerPair(both, both);
  }

  /** Writes both sides' learned state; {@link TokenizerConfig#load} reads it back. */
  public void save(Path folder) throws IOException {
    source.save(folder, SOURCE);
    target.save(folder, TARGET);
  }
}
